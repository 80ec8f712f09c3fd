//! `agrivn eval`: scores against gold data, so every figure in the README
//! can be reproduced with the project's own tools.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use agrivn::normalize::{Encoding, Normalizer, ToneStyle, fold, strip_diacritics};
use agrivn::pipeline::Pipeline;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::input;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Run normalization conformance cases; exit status 1 if any fails.
    Normalize {
        /// The cases (JSON Lines: id, class, op, options, input, expected).
        #[arg(long)]
        cases: PathBuf,
    },
    /// Word-segmentation precision, recall and F1 of word spans.
    Segment {
        /// Gold file: one sentence a line, syllables of a word joined by `_`.
        #[arg(long)]
        gold: PathBuf,
        /// Raw input (default: the gold file with `_` as spaces).
        #[arg(long)]
        input: Option<PathBuf>,
        /// Transform the input first, to measure robustness.
        #[arg(long, value_enum)]
        transform: Option<Transform>,
        /// A word list to add to the embedded dictionary.
        #[arg(long)]
        user_dict: Option<PathBuf>,
        /// Learned weights (a file written by `agrivn train segment`, or
        /// `none`; default: the embedded weights).
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Agricultural accuracy and topic F1 against hand labels.
    Tag {
        /// Labels (JSON Lines: id, agri, topics).
        #[arg(long)]
        gold: PathBuf,
        /// Article files (JSON Lines with id, title, text).
        files: Vec<PathBuf>,
        /// Taxonomy file (default: the embedded one).
        #[arg(long)]
        taxonomy: Option<PathBuf>,
        /// List each article whose tags differ from the labels.
        #[arg(long)]
        verbose: bool,
        /// Transform each title and text first, to measure robustness.
        #[arg(long, value_enum, conflicts_with = "predicted")]
        transform: Option<Transform>,
        /// Score these labels (same format as `--gold`) instead of the
        /// tagger's output: the agreement of two annotators.
        #[arg(long, conflicts_with_all = ["files", "taxonomy"])]
        predicted: Option<PathBuf>,
        #[command(flatten)]
        settings: crate::tag::Settings,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Transform {
    /// Unicode NFD.
    Nfd,
    /// Lower case.
    Lower,
    /// Upper case.
    Upper,
    /// Every word capitalized, as some sites write headlines ("Giá Lúa Tăng").
    TitleCase,
    /// Without diacritics (đ as d), as some sites and readers write.
    StripDiacritics,
}

impl Transform {
    /// `text` transformed (`None`: unchanged).
    fn apply(transform: Option<Transform>, text: &str) -> String {
        match transform {
            None => text.to_string(),
            Some(Transform::Nfd) => text.nfd().collect(),
            Some(Transform::Lower) => text.to_lowercase(),
            Some(Transform::Upper) => text.to_uppercase(),
            Some(Transform::TitleCase) => title_case(text),
            Some(Transform::StripDiacritics) => agrivn::normalize::strip_diacritics(text).into_owned(),
        }
    }
}

/// `text` with the first letter of every word in upper case and the others
/// in lower case.
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
    out
}

pub fn run(cmd: Command) -> Result<i32> {
    match cmd {
        Command::Normalize { cases } => normalize(&cases),
        Command::Segment {
            gold,
            input,
            transform,
            user_dict,
            model,
        } => segment(
            &gold,
            input.as_ref(),
            transform,
            user_dict.as_ref(),
            model.as_ref(),
        ),
        Command::Tag {
            gold,
            files,
            taxonomy,
            verbose,
            transform,
            predicted,
            settings,
        } => tag(
            &gold,
            &files,
            taxonomy.as_ref(),
            verbose,
            transform,
            predicted.as_ref(),
            &settings,
        ),
    }
}

#[derive(Deserialize)]
struct Case {
    id: String,
    class: String,
    op: String,
    #[serde(default)]
    options: HashMap<String, Value>,
    input: String,
    expected: String,
}

fn normalize(path: &Path) -> Result<i32> {
    let text = input::read_to_string(path)?;
    let mut per_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Case =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), i + 1))?;
        let mut b = Normalizer::builder();
        for (k, v) in &case.options {
            match (k.as_str(), v) {
                ("tone_style", Value::String(s)) => b = b.tone_style(s.parse::<ToneStyle>()?),
                ("html", Value::Bool(x)) => b = b.html(*x),
                ("repair", Value::Bool(x)) => b = b.repair(*x),
                ("source_encoding", Value::String(s)) => b = b.source_encoding(s.parse::<Encoding>()?),
                _ => bail!("{}:{}: unknown option {k}", path.display(), i + 1),
            }
        }
        let got = match case.op.as_str() {
            "normalize" => b.build().normalize(&case.input).into_owned(),
            "strip_diacritics" => strip_diacritics(&case.input).into_owned(),
            "fold" => fold(&case.input),
            op => bail!("{}:{}: unknown op {op}", path.display(), i + 1),
        };
        let entry = per_class.entry(case.class.clone()).or_default();
        entry.1 += 1;
        if got == case.expected {
            entry.0 += 1;
        } else {
            failures.push(format!(
                "{} ({}): input {:?} expected {:?} got {:?}",
                case.id, case.op, case.input, case.expected, got
            ));
        }
    }
    let (mut pass, mut total) = (0, 0);
    for (class, (p, t)) in &per_class {
        println!("{class:<24} {p:>4}/{t:<4}");
        pass += p;
        total += t;
    }
    println!("{:<24} {pass:>4}/{total:<4}", "all");
    for f in &failures {
        println!("FAIL {f}");
    }
    Ok(if failures.is_empty() { 0 } else { 1 })
}

/// Syllables and word spans of a gold-format line.
fn spans(line: &str) -> (Vec<String>, HashSet<(usize, usize)>) {
    let mut sylls = Vec::new();
    let mut set = HashSet::new();
    for w in line.split_whitespace() {
        let start = sylls.len();
        sylls.extend(
            w.split('_')
                .filter(|p| !p.is_empty())
                .map(|p| p.nfc().collect::<String>().to_lowercase()),
        );
        set.insert((start, sylls.len()));
    }
    (sylls, set)
}

fn segment(
    gold: &Path,
    raw: Option<&PathBuf>,
    transform: Option<Transform>,
    user_dict: Option<&PathBuf>,
    model: Option<&PathBuf>,
) -> Result<i32> {
    let gold_text = input::read_to_string(gold)?;
    let gold_lines: Vec<&str> = gold_text.lines().collect();
    let raw_text = match raw {
        Some(p) => input::read_to_string(p)?,
        None => gold_text.replace('_', " "),
    };
    let raw_lines: Vec<&str> = raw_text.lines().collect();
    if raw_lines.len() != gold_lines.len() {
        bail!(
            "line counts differ: gold {}, input {}",
            gold_lines.len(),
            raw_lines.len()
        );
    }
    let seg = crate::segment::segmenter(user_dict, model)?;
    let mut w = seg.worker();
    let (mut tp, mut n_sys, mut n_gold, mut misaligned) = (0usize, 0usize, 0usize, 0usize);
    let mut bytes = 0usize;
    let mut out = String::new();
    let start = std::time::Instant::now();
    for (g, r) in gold_lines.iter().zip(&raw_lines) {
        let r = Transform::apply(transform, r);
        bytes += r.len();
        out.clear();
        w.segment_to_line(&r, &mut out);
        let (gs, gspans) = spans(g);
        let (ss, sspans) = spans(&out);
        n_gold += gspans.len();
        n_sys += sspans.len();
        if gs != ss {
            misaligned += 1;
            if misaligned <= 5 {
                eprintln!("syllables differ from gold:\n  gold {g}\n  got  {out}");
            }
            continue;
        }
        tp += gspans.intersection(&sspans).count();
    }
    let secs = start.elapsed().as_secs_f64();
    let p = tp as f64 / n_sys.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    println!(
        "sentences {} misaligned {misaligned} words {n_gold}",
        gold_lines.len()
    );
    println!("P {p:.4} R {r:.4} F1 {f:.4}");
    eprintln!(
        "{:.1} MB/s ({} bytes in {:.3} s, one thread)",
        bytes as f64 / secs / 1e6,
        bytes,
        secs
    );
    Ok(0)
}

#[derive(Deserialize)]
struct Label {
    id: String,
    agri: bool,
    #[serde(default)]
    topics: Vec<String>,
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
struct Given {
    agri: bool,
    agri_score: f64,
    topics: Vec<String>,
    title: String,
}

fn tag(
    gold: &Path,
    files: &[PathBuf],
    taxonomy: Option<&PathBuf>,
    verbose: bool,
    transform: Option<Transform>,
    predicted: Option<&PathBuf>,
    settings: &crate::tag::Settings,
) -> Result<i32> {
    let labels = read_labels(gold)?;
    let predicted: Option<HashMap<String, Label>> = predicted
        .map(|p| read_labels(p).map(|ls| ls.into_iter().map(|(_, l)| (l.id.clone(), l)).collect()))
        .transpose()?;
    let wanted: HashSet<&str> = labels.iter().map(|(_, l)| l.id.as_str()).collect();
    let mut articles: HashMap<String, (String, String)> = HashMap::new();
    let how = settings.encoding.input();
    for f in files {
        let bytes = std::fs::read(f).with_context(|| format!("cannot read {}", f.display()))?;
        for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line = match how.read(raw) {
                Ok((line, _)) => line,
                Err(e) => {
                    eprintln!("agrivn: {}:{}: {e}, skipped", f.display(), i + 1);
                    continue;
                }
            };
            let Ok(Value::Object(o)) = serde_json::from_str::<Value>(&line) else {
                eprintln!("agrivn: {}:{}: not a JSON object, skipped", f.display(), i + 1);
                continue;
            };
            let id = match o.get(&settings.id_field) {
                Some(Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
                None => continue,
            };
            if wanted.contains(id.as_str()) {
                let get =
                    |k: &str| Transform::apply(transform, o.get(k).and_then(Value::as_str).unwrap_or(""));
                articles.insert(id, (get(&settings.title_field), get(&settings.text_field)));
            }
        }
    }
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
    let given = |id: &str| -> Option<Given> {
        if let Some(p) = &predicted {
            return p.get(id).map(|l| Given {
                agri: l.agri,
                agri_score: 0.0,
                topics: l.topics.clone(),
                title: String::new(),
            });
        }
        let (title, text) = articles.get(id)?;
        let tags = pipeline.tagger().tag(title, text);
        Some(Given {
            agri: tags.agri,
            agri_score: tags.agri_score,
            topics: tags.topics.into_iter().map(|t| t.id).collect(),
            title: title.clone(),
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
    println!("agri accuracy {:.4}", agri_ok as f64 / n.max(1) as f64);
    println!("topics micro P {mp:.4} R {mr:.4} F1 {mf:.4}");
    println!(
        "topics macro F1 {:.4} (over {macro_n} topics with gold labels)",
        macro_sum / macro_n.max(1) as f64
    );
    println!("non-agricultural articles given a topic {nonagri_with_topics}/{nonagri}");
    Ok(0)
}
