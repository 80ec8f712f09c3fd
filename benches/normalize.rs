//! Normalizer throughput on real news text, NFC (already normalized) and
//! NFD, next to unicode-normalization's own NFC on the same text.

use std::hint::black_box;
use std::sync::LazyLock;

use agrivn::normalize::{Normalizer, ToneStyle};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_normalization::UnicodeNormalization;

#[path = "support/fixtures.rs"]
mod fixtures;

/// Lines of the corpus, normalized once so the NFC input is the normal form.
static NFC_LINES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let n = Normalizer::new();
    fixtures::CORPUS
        .lines()
        .map(|l| n.normalize(l).into_owned())
        .collect()
});
static NFD_LINES: LazyLock<Vec<String>> =
    LazyLock::new(|| NFC_LINES.iter().map(|l| l.nfd().collect()).collect());

fn bytes(lines: &[String]) -> u64 {
    lines.iter().map(|l| l.len() as u64).sum()
}

fn bench(c: &mut Criterion) {
    let n = Normalizer::new();
    let styled = Normalizer::builder().tone_style(ToneStyle::MainVowel).build();
    let mut g = c.benchmark_group("normalize");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes(&NFC_LINES)));
    g.bench_function("agrivn/nfc-input", |b| {
        b.iter(|| {
            NFC_LINES
                .iter()
                .map(|l| n.normalize(black_box(l)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("unicode-normalization/nfc-input", |b| {
        b.iter(|| {
            NFC_LINES
                .iter()
                .map(|l| black_box(l).nfc().count())
                .sum::<usize>()
        })
    });
    g.bench_function("agrivn/nfc-input/main-vowel", |b| {
        b.iter(|| {
            NFC_LINES
                .iter()
                .map(|l| styled.normalize(black_box(l)).len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(bytes(&NFD_LINES)));
    g.bench_function("agrivn/nfd-input", |b| {
        b.iter(|| {
            NFD_LINES
                .iter()
                .map(|l| n.normalize(black_box(l)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("unicode-normalization/nfd-input", |b| {
        b.iter(|| {
            NFD_LINES
                .iter()
                .map(|l| black_box(l).nfc().count())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
