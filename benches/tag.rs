//! End-to-end tagging throughput (normalize, segment, match, score): one
//! article at a time (as published, and written without diacritics), and
//! batches in parallel.

use std::hint::black_box;

use agrivn::normalize::strip_diacritics;
use agrivn::pipeline::{Article, Pipeline};
use agrivn::tag::Tagger;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/fixtures.rs"]
mod fixtures;

fn bench(c: &mut Criterion) {
    let tagger = Tagger::new();
    let arts = &*fixtures::ARTICLES;
    let total: u64 = arts.iter().map(|(t, x)| (t.len() + x.len()) as u64).sum();
    let mut g = c.benchmark_group("tag");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total));
    g.bench_function("articles/one-thread", |b| {
        let mut w = tagger.worker();
        b.iter(|| {
            arts.iter()
                .map(|(t, x)| w.tag(black_box(t), black_box(x)).topics.len())
                .sum::<usize>()
        })
    });
    // The same articles written without diacritics: folded matching, and
    // the ambiguous phrases checked against their neighbours.
    let folded: Vec<(String, String)> = arts
        .iter()
        .map(|(t, x)| (strip_diacritics(t).into_owned(), strip_diacritics(x).into_owned()))
        .collect();
    g.throughput(Throughput::Bytes(
        folded.iter().map(|(t, x)| (t.len() + x.len()) as u64).sum(),
    ));
    g.bench_function("articles-without-diacritics/one-thread", |b| {
        let mut w = tagger.worker();
        b.iter(|| {
            folded
                .iter()
                .map(|(t, x)| w.tag(black_box(t), black_box(x)).topics.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let articles: Vec<Article> = arts
        .iter()
        .enumerate()
        .map(|(i, (t, x))| Article::new(i.to_string(), t.clone(), x.clone()))
        .collect();
    let mut g = c.benchmark_group("tag_batch");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total));
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        let pipeline = Pipeline::with_tagger(tagger.clone());
        g.bench_function(format!("threads-{threads}"), |b| {
            b.iter(|| pool.install(|| pipeline.tag_batch(black_box(&articles)).len()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
