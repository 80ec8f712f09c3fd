//! `agrivn tag`: JSON Lines articles in, tagged JSON Lines out, in input
//! order, streaming in chunks with bounded memory.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use agrivn::normalize::{Encoding, Normalizer};
use agrivn::pipeline::{
    CHUNK_BYTES, CHUNK_LINES, InputEncoding, Line, Pipeline, RecordError, RecordFields, TaggedLine,
};
use agrivn::segment::Segmenter;
use agrivn::tag::{TagOptions, Tagger, Taxonomy};
use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::input::{self, write_line};
use crate::progress::{self, Progress};
use crate::summary::{Hints, Summary};
use crate::walk;

#[derive(clap::Args)]
pub struct Args {
    /// JSON Lines files or folders (`*.jsonl` and `*.jsonl.gz` as articles,
    /// `*.txt` and `*.txt.gz` as one article each); stdin when none, `-` is stdin. Gzip
    /// input is decompressed as it is read.
    files: Vec<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Taxonomy file (default: the embedded one).
    #[arg(long)]
    taxonomy: Option<PathBuf>,
    /// Write every rejected line, unchanged, to this file (with `--resume`:
    /// continued, each rejected line in it once).
    #[arg(long)]
    rejects: Option<PathBuf>,
    /// Exit with status 1 if any line is rejected.
    #[arg(long)]
    strict: bool,
    /// Largest record (line or text file) tagged, in bytes; larger ones are rejected.
    #[arg(long, default_value_t = agrivn::pipeline::DEFAULT_MAX_RECORD_BYTES)]
    max_record_bytes: usize,
    /// Never show a progress bar.
    #[arg(long)]
    quiet: bool,
    /// Continue an interrupted run that wrote to OUTPUT: skip the input up to
    /// the id on OUTPUT's last complete line, then append to OUTPUT (instead
    /// of stdout). Ids must be unique.
    #[arg(long, value_name = "OUTPUT")]
    resume: Option<PathBuf>,
    /// Write only the articles found agricultural. The others are tagged
    /// and counted in the summary, not written.
    #[arg(long)]
    agri_only: bool,
    /// Write only the articles given one of these topics (taxonomy ids,
    /// comma-separated or the option repeated).
    #[arg(long = "topic", value_name = "ID", value_delimiter = ',')]
    topics: Vec<String>,
    /// Leave these fields of the input records out of the output
    /// (comma-separated or the option repeated), such as `text` when the
    /// tags are joined back to the archive by id.
    #[arg(long = "drop-field", value_name = "NAME", value_delimiter = ',')]
    drop_fields: Vec<String>,
    /// Also write the summary as Hadoop Streaming counters on stderr
    /// (`reporter:counter:agrivn,read,N`…), which the job adds up over all
    /// its tasks.
    #[arg(long)]
    hadoop_counters: bool,
    /// Also write the summary to this file as a JSON object (read,
    /// tagged, rejected by reason, agricultural, written, per topic, per
    /// encoding, bytes, seconds), for the scripts that run agrivn.
    #[arg(long, value_name = "FILE")]
    summary: Option<PathBuf>,
    #[command(flatten)]
    settings: Settings,
}

/// Tagger settings as command-line options: thresholds, and how damaged
/// text is read.
#[derive(clap::Args, Clone)]
pub struct Settings {
    /// Agricultural-relevance threshold (default: the taxonomy's); an article whose text is at most 500 bytes (a headline and a lead) needs 0.7 of it
    #[arg(long)]
    agri_threshold: Option<f32>,
    /// Score a topic needs (unless the taxonomy sets one for it).
    #[arg(long)]
    topic_threshold: Option<f32>,
    /// Fraction of the best topic's score a topic needs.
    #[arg(long)]
    relative_threshold: Option<f32>,
    /// Most evidence items written per topic (0: none, for compact output).
    #[arg(long, value_name = "N")]
    max_evidence: Option<usize>,
    /// Repair titles and texts first: mojibake (UTF-8 read as
    /// Windows-1252), ð for đ, spacing accents. Spans still point into the
    /// text as given.
    #[arg(long)]
    repair: bool,
    /// Decode HTML character references (&agrave;, &#7889;) in titles and
    /// texts first.
    #[arg(long)]
    html: bool,
    /// Encoding of the input: utf-8 (lines that are not valid UTF-8 are
    /// rejected); vni, tcvn3, viscii, vps or cp1258 (each line decoded from
    /// those bytes, or from their Windows-1252 view); viqr or telex (titles
    /// and texts in ASCII mnemonics); or auto (UTF-8, and any line that is
    /// not decoded from the legacy encoding detected in it). Decoded lines
    /// are written in UTF-8, and spans point into the decoded text.
    #[arg(long, default_value = "utf-8", value_name = "ENCODING")]
    pub encoding: EncodingArg,
    /// The field that holds an article's id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// The field that holds an article's title.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_field: String,
    /// The field that holds an article's text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
}

impl Settings {
    /// The record field names given.
    pub fn fields(&self) -> RecordFields {
        RecordFields {
            id: self.id_field.clone(),
            title: self.title_field.clone(),
            text: self.text_field.clone(),
        }
    }
}

/// The `--encoding` of `agrivn tag`, `agrivn eval tag` and `agrivn normalize`.
#[derive(Clone, Copy, Debug)]
pub enum EncodingArg {
    Auto,
    Named(Encoding),
}

impl std::str::FromStr for EncodingArg {
    type Err = agrivn::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("auto") {
            Ok(EncodingArg::Auto)
        } else {
            s.parse().map(EncodingArg::Named).map_err(|_| {
                agrivn::Error::new(
                    agrivn::ErrorKind::InvalidOption,
                    format!(
                        "unknown encoding {s:?} (expected one of utf-8, vni, tcvn3, viscii, vps, cp1258, viqr, telex, auto)"
                    ),
                )
            })
        }
    }
}

impl EncodingArg {
    /// How the pipeline reads line bytes.
    pub fn input(self) -> InputEncoding {
        match self {
            EncodingArg::Auto => InputEncoding::Auto,
            EncodingArg::Named(e) => InputEncoding::Legacy(e),
        }
    }

    /// An ASCII transform the normalizer undoes in titles and texts.
    fn text(self) -> Option<Encoding> {
        match self {
            EncodingArg::Named(e @ (Encoding::Viqr | Encoding::Telex)) => Some(e),
            _ => None,
        }
    }
}

pub fn tagger(taxonomy: Option<&PathBuf>, t: &Settings) -> Result<Tagger> {
    for (option, value) in [
        ("--agri-threshold", t.agri_threshold),
        ("--topic-threshold", t.topic_threshold),
        ("--relative-threshold", t.relative_threshold),
    ] {
        if let Some(x) = value.filter(|x| !x.is_finite()) {
            bail!("{option} {x}: expected a number");
        }
    }
    let tax = match taxonomy {
        Some(p) => Taxonomy::load(p)?,
        None => Taxonomy::embedded(),
    };
    let mut options = TagOptions::default();
    if t.agri_threshold.is_some() {
        options.agri_threshold = t.agri_threshold;
    }
    if let Some(x) = t.topic_threshold {
        options.topic_threshold = x;
    }
    if let Some(x) = t.relative_threshold {
        options.relative_threshold = x;
    }
    if let Some(n) = t.max_evidence {
        options.max_evidence = n;
    }
    let mut normalizer = Normalizer::builder().repair(t.repair).html(t.html);
    if let Some(e) = t.encoding.text() {
        normalizer = normalizer.source_encoding(e);
    }
    let normalizer = normalizer.build();
    Ok(Tagger::with_taxonomy(tax, Segmenter::new(), options).with_normalizer(normalizer))
}

/// Which tagged articles are written: `--agri-only`, `--topic`.
struct Filter {
    agri_only: bool,
    /// Topic ids, one of which an article needs (none: no condition).
    topics: Vec<String>,
}

impl Filter {
    /// The option that leaves articles out, if any.
    fn option(&self) -> Option<&'static str> {
        if !self.topics.is_empty() {
            Some("--topic")
        } else if self.agri_only {
            Some("--agri-only")
        } else {
            None
        }
    }

    fn keeps(&self, tags: &agrivn::tag::Tags) -> bool {
        (!self.agri_only || tags.agri)
            && (self.topics.is_empty() || tags.topics.iter().any(|t| self.topics.contains(&t.id)))
    }
}

/// `--resume`: the records an interrupted run tagged, skipped.
struct Resume {
    /// The field that holds an article's id.
    id_field: String,
    /// The id of the last article already tagged, until it is met.
    until: Option<Value>,
    /// Records skipped.
    skipped: u64,
    /// Of them, those the interrupted run rejected and copied to
    /// `--rejects` (they are judged again, without tagging).
    rejected: u64,
}

impl Resume {
    /// Whether the record whose id `id` reads is one the interrupted run
    /// tagged: every record up to the one with the id of its output's last
    /// line.
    fn skips(&mut self, id: impl FnOnce(&str) -> Option<Value>) -> bool {
        let Some(until) = &self.until else {
            return false;
        };
        if id(&self.id_field).as_ref() == Some(until) {
            self.until = None;
        }
        self.skipped += 1;
        true
    }
}

struct Sink {
    out: Box<dyn Write>,
    rejects: Option<BufWriter<File>>,
    filter: Filter,
    summary: Summary,
    progress: Progress,
    /// Writing the output or the rejects failed.
    output_failed: bool,
    /// Resuming with `--rejects`: the rejects file still holds what the
    /// interrupted run wrote after the point it resumes from.
    rejects_to_cut: bool,
}

pub fn run(mut args: Args) -> Result<i32> {
    // "--topic 'prices, trade'": the names without the spaces around them.
    for names in [&mut args.topics, &mut args.drop_fields] {
        *names = names
            .iter()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
    }
    crate::use_threads(args.threads)?;
    let pipeline = Pipeline::with_tagger(tagger(args.taxonomy.as_ref(), &args.settings)?)
        .max_record_bytes(args.max_record_bytes)
        .input_encoding(args.settings.encoding.input())
        .record_fields(args.settings.fields())
        .drop_fields(args.drop_fields.iter().cloned());
    let known = &pipeline.tagger().taxonomy().topics;
    if let Some(unknown) = args.topics.iter().find(|id| !known.iter().any(|t| &t.id == *id)) {
        let ids: Vec<&str> = known.iter().map(|t| t.id.as_str()).collect();
        bail!(
            "--topic {unknown}: no such topic; the taxonomy's are {}",
            ids.join(", ")
        );
    }
    if args.resume.is_some() && args.drop_fields.contains(&args.settings.id_field) {
        bail!(
            "--resume reads the id field {:?} of the output, which --drop-field leaves out",
            args.settings.id_field
        );
    }
    let (sources, all_read) = walk::article_files(&args.files);
    let outputs: Vec<(&str, &Path)> = [
        ("--rejects", &args.rejects),
        ("--summary", &args.summary),
        ("--resume", &args.resume),
    ]
    .into_iter()
    .filter_map(|(option, path)| path.as_deref().map(|p| (option, p)))
    .collect();
    crate::clobber::check(&sources, &outputs, args.resume.is_none())?;
    // A summary file that cannot be written is said before the run, not
    // after it.
    if let Some(p) = &args.summary {
        File::create(p).with_context(|| format!("cannot create {}", p.display()))?;
    }
    // Resuming appends to the rejects of the interrupted run, which
    // creating the file anew would lose (and first cuts what it wrote
    // after the point it resumes from: see `Sink::cut_rejects`).
    let rejects = match &args.rejects {
        Some(p) => Some(BufWriter::new(
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .append(args.resume.is_some())
                .truncate(args.resume.is_none())
                .open(p)
                .with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => None,
    };
    let (skip_until, written, out): (Option<Value>, Option<u64>, Box<dyn Write>) = match &args.resume {
        Some(path) => {
            let w = crate::resume::prepare(path, &args.settings.id_field)?;
            let out = Box::new(BufWriter::with_capacity(1 << 16, w.file));
            (w.last_id, Some(w.lines), out)
        }
        None => (None, None, Box::new(input::stdout())),
    };
    let mut resume = Resume {
        id_field: args.settings.id_field.clone(),
        until: skip_until,
        skipped: 0,
        rejected: 0,
    };
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let mut sink = Sink {
        out,
        rejects,
        filter: Filter {
            agri_only: args.agri_only,
            topics: args.topics.clone(),
        },
        summary: Summary::default(),
        progress: Progress::new(
            show_progress,
            show_progress.then(|| progress::total_size(&sources)).flatten(),
        ),
        output_failed: false,
        rejects_to_cut: args.resume.is_some() && args.rejects.is_some(),
    };
    let start = Instant::now();
    let mut code = i32::from(!all_read);
    // Runs of text files are tagged in parallel chunks, JSON Lines files
    // one after the other (each in parallel chunks of lines).
    crate::interrupt::install();
    let mut k = 0;
    while k < sources.len() && !crate::interrupt::requested() {
        let run = sources[k..].iter().take_while(|p| walk::is_text_file(p)).count();
        let result = if run > 0 {
            let files = &sources[k..k + run];
            k += run;
            tag_text_files(&pipeline, files, &args.files, &mut sink, &mut resume)
        } else {
            k += 1;
            tag_jsonl(&pipeline, &sources[k - 1], &mut sink, &mut resume)
        };
        match result {
            // Output that cannot be written ends the run: the articles
            // that follow would be lost too.
            Err(e) if sink.output_failed || input::is_broken_pipe(&e) => return Err(e),
            Err(e) => {
                progress::say(format_args!("agrivn: {e:#}"));
                code = 1;
            }
            Ok(false) => code = 1,
            Ok(true) => {}
        }
    }
    sink.out.flush().context("cannot write the output")?;
    if let Some(id) = &resume.until {
        progress::say(format_args!(
            "agrivn: cannot resume: id {id} of the output's last line is not in the input"
        ));
        code = 1;
    }
    if let Some(r) = sink.rejects.as_mut() {
        r.flush().context("cannot write the rejects file")?;
    }
    sink.progress.finish();
    let s = &sink.summary;
    let secs = start.elapsed().as_secs_f64();
    if args.resume.is_some() && resume.until.is_none() {
        eprintln!("agrivn tag: resumed after {} lines tagged before", resume.skipped);
        // More lines written than records up to the resume point: that id
        // is met earlier in the input too.
        if let Some(lines) = written.filter(|&l| l > resume.skipped - resume.rejected) {
            eprintln!(
                "agrivn: cannot resume reliably: the output held {lines} articles, but the id of its last \
                 line is on input record {}: the input repeats that id, and the output now repeats \
                 articles (--resume needs unique ids; run again without it)",
                resume.skipped
            );
            code = 1;
        }
    }
    let filter = sink.filter.option();
    let hints = Hints {
        strict_utf8: matches!(args.settings.encoding, EncodingArg::Named(Encoding::Utf8)),
        text_field: &args.settings.text_field,
    };
    s.print(secs, filter, &hints);
    if crate::interrupt::requested() {
        eprintln!(
            "agrivn tag: stopped by a signal after the articles above; `--resume OUTPUT` continues from there"
        );
        code = crate::interrupt::STATUS;
    }
    if args.hadoop_counters {
        s.hadoop_counters(filter.is_some());
    }
    if let Some(path) = &args.summary {
        s.write_json(path, secs, resume.skipped)?;
    }
    if args.strict && s.rejected > 0 {
        code = 1;
    }
    Ok(code)
}

fn tag_jsonl(pipeline: &Pipeline, path: &Path, sink: &mut Sink, resume: &mut Resume) -> Result<bool> {
    let inp = input::open(path)?;
    let name = inp.name.clone();
    sink.progress.start_input(std::sync::Arc::clone(&inp.consumed));
    // An error writing the output ends the run; it is kept as it is, so
    // that a closed pipe is still recognised.
    let write_error = std::cell::RefCell::new(None);
    let failed = |e: anyhow::Error| {
        *write_error.borrow_mut() = Some(e);
        agrivn::Error::new(agrivn::ErrorKind::Io, "cannot write the output")
    };
    let judge_skipped = sink.rejects.is_some();
    let rejected_earlier = resume.rejected;
    let rejected_before = std::cell::Cell::new(0);
    let sink = std::cell::RefCell::new(sink);
    // Read ahead on a thread when the input may be slow to come, so that
    // what has come is tagged and written without waiting for more.
    let reader: Box<dyn std::io::BufRead + Send> = if inp.may_wait {
        Box::new(crate::prefetch::Prefetch::new(inp.reader))
    } else {
        inp.reader
    };
    let read = pipeline.tag_reader_skipping(
        reader,
        |line| resume.skips(|field| crate::resume::id_of(&line.bytes, field)),
        |line, verdict| {
            // Copied to the rejects file by the interrupted run.
            if judge_skipped && !line.truncated && verdict.is_err() {
                rejected_before.set(rejected_before.get() + 1);
            }
        },
        |line, result| {
            let mut sink = sink.borrow_mut();
            let cut = if sink.rejects_to_cut {
                sink.cut_rejects(rejected_earlier + rejected_before.get())
            } else {
                Ok(())
            };
            cut.and_then(|()| sink.record(&name, line, result, Keep::Copy))
                .map_err(failed)
        },
        // Out at once for a reader downstream, before the stream waits for
        // more input.
        || {
            let flushed = sink.borrow_mut().out.flush();
            flushed.map_err(|e| failed(anyhow::Error::new(e).context("cannot write the output")))?;
            if crate::interrupt::requested() {
                return Err(agrivn::Error::new(agrivn::ErrorKind::Io, "stopped by a signal"));
            }
            Ok(())
        },
    );
    let sink = sink.into_inner();
    resume.rejected += rejected_before.get();
    sink.progress.end_input();
    if let Some(e) = write_error.into_inner() {
        return Err(e);
    }
    match read {
        Ok(_) => Ok(true),
        Err(_) if crate::interrupt::requested() => Ok(true),
        // A read error (a truncated gzip file, a failing disk) ends the
        // file; the lines read before it were tagged.
        Err(e) => {
            let cause = std::error::Error::source(&e).map_or_else(|| e.to_string(), |c| c.to_string());
            let after = e.line().unwrap_or(1).saturating_sub(1);
            Err(anyhow::anyhow!("cannot read {name} after line {after}: {cause}"))
        }
    }
}

/// Text files, each one article: id = its path relative to the folder
/// given, title = its first line, text = the rest. Read in chunks, tagged in
/// parallel, recorded in order. `Ok(false)` when a file could not be read
/// (it is reported, and the others are tagged).
fn tag_text_files(
    pipeline: &Pipeline,
    paths: &[PathBuf],
    roots: &[PathBuf],
    sink: &mut Sink,
    resume: &mut Resume,
) -> Result<bool> {
    let mut all_read = true;
    let mut chunk: Vec<(String, Line)> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut bytes = 0usize;
    for (n, path) in paths.iter().enumerate() {
        let id = walk::text_file_id(path, roots);
        if !resume.skips(|_| Some(Value::String(id.clone()))) {
            match read_text_file(path, pipeline.record_limit()) {
                Ok(file) => {
                    sink.progress.add_bytes(file.len as u64);
                    bytes += file.bytes.len();
                    chunk.push((id, file));
                    names.push(path.display().to_string());
                }
                Err(e) => {
                    progress::say(format_args!("agrivn: {e:#}"));
                    all_read = false;
                }
            }
        }
        let last = n + 1 == paths.len();
        if !chunk.is_empty() && (last || chunk.len() >= CHUNK_LINES || bytes >= CHUNK_BYTES) {
            let results = pipeline.tag_plain_texts(&chunk);
            for ((name, (_, file)), result) in names.iter().zip(&chunk).zip(results) {
                if sink.rejects_to_cut {
                    sink.cut_rejects(resume.rejected)?;
                }
                sink.record(name, file, result, Keep::InPlace)?;
            }
            chunk.clear();
            names.clear();
            bytes = 0;
            if crate::interrupt::requested() {
                break;
            }
        }
    }
    Ok(all_read)
}

/// A text file as one record (gzip-compressed or UTF-16 too, as every
/// input); a file over `limit` bytes is not kept, only measured.
pub fn read_text_file(path: &Path, limit: usize) -> Result<Line> {
    use std::io::Read;
    let inp = input::open(path)?;
    let failed = || format!("cannot read {}", path.display());
    let mut reader = inp.reader.take((limit as u64).saturating_add(1));
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).with_context(failed)?;
    let truncated = bytes.len() > limit;
    let mut len = bytes.len();
    if truncated {
        bytes = Vec::new();
        let rest = std::io::copy(&mut reader.into_inner(), &mut std::io::sink()).with_context(failed)?;
        len += usize::try_from(rest).unwrap_or(usize::MAX);
    }
    Ok(Line {
        number: 1,
        len,
        bytes,
        truncated,
        ..Line::default()
    })
}

/// What becomes of a rejected record when `--rejects` is given.
#[derive(PartialEq)]
enum Keep {
    /// A JSON line: copied unchanged.
    Copy,
    /// A text file: not a line, so it stays where it is.
    InPlace,
}

impl Sink {
    /// Resuming with `--rejects`, before the first record after the resume
    /// point: keep the first `keep` lines of the rejects file, those of the
    /// records before that point (skipped now), and cut what the
    /// interrupted run wrote after them. Those records are read again, and
    /// would be in the file twice.
    fn cut_rejects(&mut self, keep: u64) -> Result<()> {
        use std::io::{BufRead, BufReader, Seek, SeekFrom};
        self.rejects_to_cut = false;
        let Some(w) = self.rejects.as_mut() else {
            return Ok(());
        };
        let failed = |e: std::io::Error| anyhow::Error::new(e).context("cannot read back the rejects file");
        w.flush().map_err(failed)?;
        let file = w.get_mut();
        file.seek(SeekFrom::Start(0)).map_err(failed)?;
        let (mut offset, mut lines) = (0u64, 0u64);
        let mut reader = BufReader::new(&*file);
        let mut buf = Vec::new();
        while lines < keep {
            buf.clear();
            let n = reader.read_until(b'\n', &mut buf).map_err(failed)?;
            // A last line cut short by the interruption is not kept.
            if n == 0 || buf.last() != Some(&b'\n') {
                break;
            }
            offset += n as u64;
            lines += 1;
        }
        drop(reader);
        let len = file.metadata().map_err(failed)?.len();
        if offset < len {
            progress::say(format_args!(
                "agrivn: rejects file: kept the {lines} lines of the records before the resume point, \
                 cut {} bytes written after them (those records are read again)",
                len - offset
            ));
            file.set_len(offset).map_err(failed)?;
        }
        if lines < keep {
            progress::say(format_args!(
                "agrivn: rejects file: {} rejected lines before the resume point are missing from it \
                 (not yet written when the run was interrupted); run again without --resume to have them",
                keep - lines
            ));
        }
        file.seek(SeekFrom::End(0)).map_err(failed)?;
        Ok(())
    }

    fn record(
        &mut self,
        name: &str,
        line: &Line,
        result: Result<TaggedLine, RecordError>,
        keep: Keep,
    ) -> Result<()> {
        match result {
            Ok(tagged) => {
                let wanted = self.filter.keeps(&tagged.tags);
                self.summary.tagged(line.input_len(), &tagged, wanted);
                if wanted {
                    if let Err(e) = write_line(&mut self.out, &tagged.json) {
                        self.output_failed = true;
                        return Err(anyhow::Error::new(e).context("cannot write the output"));
                    }
                }
            }
            Err(e) => {
                self.summary.rejected(line.input_len(), e.kind);
                progress::say(format_args!(
                    "agrivn: {name}:{}: rejected: {}",
                    line.number, e.message
                ));
                if keep == Keep::InPlace {
                    if self.rejects.is_some() {
                        progress::say(format_args!(
                            "agrivn: {name}: a text file, not copied to --rejects"
                        ));
                    }
                } else if line.truncated {
                    // Never buffered, so it cannot be copied.
                    if self.rejects.is_some() {
                        progress::say(format_args!(
                            "agrivn: {name}:{}: not copied to --rejects (raise --max-record-bytes to keep it)",
                            line.number
                        ));
                    }
                } else if let Some(r) = self.rejects.as_mut() {
                    // As the input held it (with its CR, and the
                    // byte-order mark of a first line). Flushed at once
                    // (rejects are few): a run interrupted later has them
                    // all on disk, for `--resume` to count.
                    let written = r.write_all(&line.original()).and_then(|()| r.write_all(b"\n"));
                    if let Err(e) = written.and_then(|()| r.flush()) {
                        self.output_failed = true;
                        return Err(anyhow::Error::new(e).context("cannot write the rejects file"));
                    }
                }
            }
        }
        self.progress.record();
        Ok(())
    }
}
