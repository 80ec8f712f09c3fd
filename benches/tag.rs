//! End-to-end tagging throughput (normalize, segment, match, score): one
//! article at a time (as published, and written without diacritics),
//! batches in parallel, and JSON lines read as UTF-8 or decoded from a
//! legacy encoding.

use std::hint::black_box;

use agrivn::normalize::legacy::encode;
use agrivn::normalize::{Encoding, strip_diacritics};
use agrivn::pipeline::{Article, InputEncoding, Line, Pipeline};
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

    bench_lines(c, &tagger, arts);
}

/// JSON lines on one thread: UTF-8 read strictly and with detection (what
/// detection costs on the common case), and the same articles in VNI bytes,
/// detected and named.
fn bench_lines(c: &mut Criterion, tagger: &Tagger, arts: &[(String, String)]) {
    let to_line = |(i, bytes): (usize, Vec<u8>)| Line {
        number: i as u64 + 1,
        len: bytes.len(),
        bytes,
        truncated: false,
        ..Default::default()
    };
    let json = |(t, x): &(String, String)| serde_json::json!({"title": t, "text": x}).to_string();
    let utf8: Vec<Line> = arts
        .iter()
        .map(|a| json(a).into_bytes())
        .enumerate()
        .map(to_line)
        .collect();
    // VNI cannot write a few chars (curly quotes and the like): drop them.
    let vni_text = |s: &str| -> String {
        let mut buf = [0u8; 4];
        s.chars()
            .filter(|c| encode(c.encode_utf8(&mut buf), Encoding::Vni).is_some())
            .collect()
    };
    let vni: Vec<Line> = arts
        .iter()
        .map(|(t, x)| encode(&json(&(vni_text(t), vni_text(x))), Encoding::Vni).expect("VNI text encodes"))
        .enumerate()
        .map(to_line)
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("thread pool");
    let mut g = c.benchmark_group("tag_lines");
    g.sample_size(10);
    let cases = [
        ("utf-8/strict", &utf8, InputEncoding::Utf8),
        ("utf-8/auto", &utf8, InputEncoding::Auto),
        ("vni/auto", &vni, InputEncoding::Auto),
        ("vni/named", &vni, InputEncoding::Legacy(Encoding::Vni)),
    ];
    for (name, lines, how) in cases {
        g.throughput(Throughput::Bytes(lines.iter().map(|l| l.len as u64).sum()));
        let pipeline = Pipeline::with_tagger(tagger.clone()).input_encoding(how);
        g.bench_function(format!("{name}/one-thread"), |b| {
            b.iter(|| pool.install(|| pipeline.tag_lines(black_box(lines)).len()))
        });
    }
    g.finish();

    // The stream as `agrivn tag` reads it: lines read, tagged in parallel
    // chunks, given back in order.
    let stream: Vec<u8> = utf8
        .iter()
        .flat_map(|l| l.bytes.iter().copied().chain(Some(b'\n')))
        .collect();
    let mut g = c.benchmark_group("tag_reader");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(stream.len() as u64));
    let pipeline = Pipeline::with_tagger(tagger.clone());
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        g.bench_function(format!("threads-{threads}"), |b| {
            b.iter(|| {
                pool.install(|| {
                    let mut written = 0;
                    pipeline
                        .tag_reader(black_box(&stream[..]), |_, result| {
                            written += result.map_or(0, |t| t.json.len());
                            Ok(())
                        })
                        .expect("in memory");
                    written
                })
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
