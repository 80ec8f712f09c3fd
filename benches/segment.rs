//! Segmenter throughput on real news text, pre-tokenization included, the
//! time to load the embedded dictionary, and the time to build the syllable
//! index of a user dictionary of the same size (done once, on first use).

use std::hint::black_box;

use agrivn::dict::Dictionary;
use agrivn::segment::Segmenter;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/fixtures.rs"]
mod fixtures;

fn bench(c: &mut Criterion) {
    let seg = Segmenter::new();
    let lines: Vec<&str> = fixtures::CORPUS.lines().collect();
    let total: u64 = lines.iter().map(|l| l.len() as u64).sum();
    let mut g = c.benchmark_group("segment");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total));
    g.bench_function("news", |b| {
        let mut w = seg.worker();
        b.iter(|| lines.iter().map(|l| w.segment(black_box(l)).len()).sum::<usize>())
    });
    // Without the learned weights: the dictionary scores alone.
    let alone = Segmenter::with_model(Dictionary::embedded(), None);
    g.bench_function("news-without-weights", |b| {
        let mut w = alone.worker();
        b.iter(|| lines.iter().map(|l| w.segment(black_box(l)).len()).sum::<usize>())
    });
    g.finish();
    let mut g = c.benchmark_group("dictionary");
    g.throughput(Throughput::Bytes(Dictionary::embedded().size_bytes() as u64));
    g.bench_function("load-embedded", |b| {
        b.iter(|| black_box(Dictionary::embedded()).len())
    });
    // A user dictionary's syllable index is built on first use; here for
    // a dictionary as large as the default one.
    g.bench_function("user-syllable-index", |b| {
        b.iter_batched(
            || Dictionary::embedded().merge(&Dictionary::empty()).unwrap(),
            |d| d.warm_up(),
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
