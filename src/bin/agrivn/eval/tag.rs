//! `agrivn eval tag`: agricultural accuracy and topic F1 against hand
//! labels.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use agrivn::pipeline::{Article, Pipeline};
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use serde_json::Value;

use super::Transform;
use crate::{input, walk};

#[derive(Deserialize)]
struct Label {
    /// A number is read as `agrivn tag` reads a numeric id: as its digits.
    #[serde(deserialize_with = "id_text")]
    id: String,
    agri: bool,
    #[serde(default)]
    topics: Vec<String>,
}

fn id_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Value::deserialize(d)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(serde::de::Error::custom(format!(
            "id {other}: expected a string or a number"
        ))),
    }
}

/// Labels, each with its line number; an id labelled twice is an error.
fn read_labels(path: &Path) -> Result<Vec<(usize, Label)>> {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut labels = Vec::new();
    for (i, l) in input::read_to_string(path)?.lines().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        let label: Label =
            serde_json::from_str(l).with_context(|| format!("{}:{}", path.display(), i + 1))?;
        if let Some(line) = first.insert(label.id.clone(), i + 1) {
            bail!(
                "{}:{}: id {:?} labelled twice (first on line {line})",
                path.display(),
                i + 1,
                label.id
            );
        }
        labels.push((i + 1, label));
    }
    Ok(labels)
}

/// What one article was given: by the tagger, or by another annotator.
struct Given<'a> {
    agri: bool,
    agri_score: f64,
    topics: Vec<String>,
    title: &'a str,
}

pub fn run(
    gold: &Path,
    files: &[PathBuf],
    taxonomy: Option<&PathBuf>,
    verbose: bool,
    transform: Option<Transform>,
    predicted: Option<&PathBuf>,
    settings: &crate::tag::Settings,
) -> Result<i32> {
    let labels = read_labels(gold)?;
    if labels.is_empty() {
        bail!("{}: no labels", gold.display());
    }
    let predicted: Option<HashMap<String, Label>> = predicted
        .map(|p| read_labels(p).map(|ls| ls.into_iter().map(|(_, l)| (l.id.clone(), l)).collect()))
        .transpose()?;
    let wanted: HashSet<&str> = labels.iter().map(|(_, l)| l.id.as_str()).collect();
    // With `--predicted` the labels are compared with each other, and no
    // article is read (no file is stdin for the tagger alone).
    let read = if predicted.is_some() {
        Articles {
            all_read: true,
            ..Articles::default()
        }
    } else {
        read_articles(files, &wanted, transform, settings)?
    };
    let pipeline = Pipeline::with_tagger(crate::tag::tagger(taxonomy, settings)?);
    let mut topic_ids: Vec<String> = pipeline
        .tagger()
        .taxonomy()
        .topics
        .iter()
        .map(|t| t.id.clone())
        .collect();
    // A gold topic the taxonomy lacks (a typo, or another taxonomy's) is a
    // miss every time: said once, and scored.
    for (line, l) in &labels {
        for t in &l.topics {
            if !topic_ids.contains(t) {
                eprintln!(
                    "agrivn: {}:{line}: topic {t:?} is not in the taxonomy; scored as a miss wherever it is labelled",
                    gold.display()
                );
                topic_ids.push(t.clone());
            }
        }
        if !l.agri && !l.topics.is_empty() {
            eprintln!(
                "agrivn: {}:{line}: topics on an article labelled not agricultural",
                gold.display()
            );
        }
    }
    let mut agri_ok = 0usize;
    let mut n = 0usize;
    let mut missing: Vec<&str> = Vec::new();
    let mut counts: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new(); // tp, fp, fn
    let mut nonagri_with_topics = 0usize;
    let mut nonagri = 0usize;
    // In parallel, in the order of `read.articles`.
    let tagged = pipeline.tag_batch(&read.articles);
    let given = |id: &str| -> Option<Given> {
        if let Some(p) = &predicted {
            return p.get(id).map(|l| Given {
                agri: l.agri,
                agri_score: 0.0,
                topics: l.topics.clone(),
                title: "",
            });
        }
        let k = *read.index.get(id)?;
        let tags = &tagged[k];
        Some(Given {
            agri: tags.agri,
            agri_score: tags.agri_score,
            topics: tags.topics.iter().map(|t| t.id.clone()).collect(),
            title: read.articles[k].title.as_str(),
        })
    };
    for (_, l) in &labels {
        let Some(tags) = given(&l.id) else {
            missing.push(&l.id);
            continue;
        };
        n += 1;
        if tags.agri == l.agri {
            agri_ok += 1;
        }
        if !l.agri {
            nonagri += 1;
            if !tags.topics.is_empty() {
                nonagri_with_topics += 1;
            }
        }
        let got: HashSet<&str> = tags
            .topics
            .iter()
            .map(String::as_str)
            .filter(|id| topic_ids.iter().any(|t| t == id))
            .collect();
        let want: HashSet<&str> = l.topics.iter().map(String::as_str).collect();
        for id in &topic_ids {
            let e = counts.entry(id.as_str()).or_default();
            match (got.contains(id.as_str()), want.contains(id.as_str())) {
                (true, true) => e.0 += 1,
                (true, false) => e.1 += 1,
                (false, true) => e.2 += 1,
                _ => {}
            }
        }
        if verbose && (tags.agri != l.agri || got != want) {
            let mut g: Vec<_> = got.iter().collect();
            g.sort();
            let mut w: Vec<_> = want.iter().collect();
            w.sort();
            println!(
                "{}: agri {} (score {:.1}) want {}; topics {:?} want {:?} | {}",
                l.id, tags.agri, tags.agri_score, l.agri, g, w, tags.title
            );
        }
    }
    if !missing.is_empty() {
        let place = if predicted.is_some() {
            "the predicted labels"
        } else {
            "the input files"
        };
        let shown: Vec<&str> = missing.iter().take(5).copied().collect();
        eprintln!(
            "agrivn: {} labelled articles were not found in {place} ({}{}); they are not scored",
            missing.len(),
            shown.join(", "),
            if missing.len() > shown.len() { ", …" } else { "" }
        );
    }
    if n == 0 {
        bail!("no labelled article was found to score");
    }
    let f1 = |tp: usize, fp: usize, fn_: usize| {
        let p = if tp + fp > 0 {
            tp as f64 / (tp + fp) as f64
        } else {
            0.0
        };
        let r = if tp + fn_ > 0 {
            tp as f64 / (tp + fn_) as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    };
    let (mut stp, mut sfp, mut sfn) = (0, 0, 0);
    let mut macro_sum = 0.0;
    let mut macro_n = 0;
    println!(
        "{:<16} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}",
        "topic", "tp", "fp", "fn", "P", "R", "F1"
    );
    for (id, &(tp, fp, fn_)) in &counts {
        let (p, r, f) = f1(tp, fp, fn_);
        println!("{id:<16} {tp:>5} {fp:>5} {fn_:>5} {p:>6.3} {r:>6.3} {f:>6.3}");
        stp += tp;
        sfp += fp;
        sfn += fn_;
        if tp + fn_ > 0 {
            macro_sum += f;
            macro_n += 1;
        }
    }
    let (mp, mr, mf) = f1(stp, sfp, sfn);
    println!("articles {n}");
    println!("agri accuracy {:.4}", agri_ok as f64 / n as f64);
    println!("topics micro P {mp:.4} R {mr:.4} F1 {mf:.4}");
    println!(
        "topics macro F1 {:.4} (over {macro_n} topics with gold labels)",
        macro_sum / macro_n.max(1) as f64
    );
    println!("non-agricultural articles given a topic {nonagri_with_topics}/{nonagri}");
    Ok(i32::from(!read.all_read))
}

/// The labelled articles of the inputs, as the tagger reads them.
#[derive(Default)]
struct Articles {
    /// In input order; an id met again replaces the article first met.
    articles: Vec<Article>,
    /// Where each id is in `articles`.
    index: HashMap<String, usize>,
    /// Every input could be read to its end.
    all_read: bool,
}

/// The articles of `files` (folders walked and stdin read as `agrivn tag`
/// reads them) whose ids are `wanted`, each title and text transformed.
/// A line that cannot be read as an article is reported with its place.
fn read_articles(
    files: &[PathBuf],
    wanted: &HashSet<&str>,
    transform: Option<Transform>,
    settings: &crate::tag::Settings,
) -> Result<Articles> {
    let (sources, all_read) = walk::article_files(files);
    let mut read = Articles {
        all_read,
        ..Articles::default()
    };
    let mut repeated: Vec<String> = Vec::new();
    let mut keep = |read: &mut Articles, id: String, title: &str, text: &str| {
        if !wanted.contains(id.as_str()) {
            return;
        }
        let article = Article::new(
            id.clone(),
            Transform::apply(transform, title),
            Transform::apply(transform, text),
        );
        match read.index.get(&id) {
            Some(&k) => {
                read.articles[k] = article;
                repeated.push(id);
            }
            None => {
                read.index.insert(id, read.articles.len());
                read.articles.push(article);
            }
        }
    };
    let how = settings.encoding.input();
    for path in &sources {
        if walk::is_text_file(path) {
            let name = path.display().to_string();
            let bytes = crate::tag::read_text_file(path, usize::MAX)?.bytes;
            match how.read(&bytes) {
                Ok((whole, _)) => {
                    let (title, text) = whole.split_once('\n').unwrap_or((&whole, ""));
                    keep(
                        &mut read,
                        walk::text_file_id(path, files),
                        title.trim(),
                        text.trim(),
                    );
                }
                Err(e) => eprintln!("agrivn: {name}: {e}, skipped"),
            }
            continue;
        }
        let mut inp = input::open(path)?;
        let mut buf = Vec::new();
        let mut number = 0u64;
        let mut without_id = Vec::new();
        loop {
            buf.clear();
            match inp.reader.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => number += 1,
                Err(e) => {
                    input::read_failed(&inp.name, number, &e);
                    read.all_read = false;
                    break;
                }
            }
            let raw = buf.strip_suffix(b"\n").unwrap_or(&buf);
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line = match how.read(raw) {
                Ok((line, _)) => line,
                Err(e) => {
                    eprintln!("agrivn: {}:{number}: {e}, skipped", inp.name);
                    continue;
                }
            };
            let Ok(Value::Object(o)) = serde_json::from_str::<Value>(&line) else {
                eprintln!("agrivn: {}:{number}: not a JSON object, skipped", inp.name);
                continue;
            };
            let id = match o.get(&settings.id_field) {
                Some(Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
                None => {
                    without_id.push(number);
                    continue;
                }
            };
            let field = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("");
            keep(
                &mut read,
                id,
                field(&settings.title_field),
                field(&settings.text_field),
            );
        }
        if let Some(first) = without_id.first() {
            eprintln!(
                "agrivn: {}: {} lines without an {:?} field (the first on line {first}), skipped",
                inp.name,
                without_id.len(),
                settings.id_field
            );
        }
    }
    if !repeated.is_empty() {
        repeated.sort();
        repeated.dedup();
        eprintln!(
            "agrivn: {} labelled ids appear more than once in the input ({}{}); the last is scored",
            repeated.len(),
            repeated
                .iter()
                .take(5)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            if repeated.len() > 5 { ", …" } else { "" }
        );
    }
    Ok(read)
}
