//! The command-line contract, with the real binary: every input line is
//! either in the output or reported (and in --rejects), in order; exit
//! statuses follow the documented rules; a closed stdout ends the run quietly;
//! the help states the library's defaults.

#![cfg(all(feature = "cli", feature = "embedded-data"))]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use assert_cmd::prelude::*;

fn agrivn() -> Command {
    Command::cargo_bin("agrivn").expect("the binary is built")
}

/// The binary with input on stdin.
fn agrivn_with_stdin(args: &[&str], stdin: impl Into<Vec<u8>>) -> std::process::Output {
    assert_cmd::Command::cargo_bin("agrivn")
        .expect("the binary is built")
        .args(args)
        .write_stdin(stdin.into())
        .output()
        .expect("the binary runs")
}

/// `agrivn eval tag --gold GOLD` and `args`: exit status, report, stderr.
fn eval_tag<S: AsRef<std::ffi::OsStr>>(
    gold: &std::path::Path,
    args: impl IntoIterator<Item = S>,
) -> (Option<i32>, String, String) {
    let out = agrivn()
        .args(["eval", "tag", "--gold"])
        .arg(gold)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Good lines, invalid JSON, invalid UTF-8, a missing `text`, an empty line,
/// a NUL byte inside a string, a JSON array and a line over the size limit.
fn mixed_input() -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(
        "{\"id\":\"1\",\"title\":\"Giá lúa tăng\",\"text\":\"Thương lái thu mua lúa.\",\"keep\":[1,2]}\n"
            .as_bytes(),
    );
    v.extend_from_slice(b"{not json\n");
    v.extend_from_slice(b"{\"id\":\"3\",\"text\":\"caf\xe9\"}\n");
    v.extend_from_slice(b"{\"id\":\"4\",\"title\":\"no text\"}\n");
    v.extend_from_slice(b"\n");
    v.extend_from_slice(b"{\"id\":\"6\",\"text\":\"a\\u0000b\"}\n");
    v.extend_from_slice(b"[1,2,3]\n");
    v.extend_from_slice(format!("{{\"id\":\"8\",\"text\":\"{}\"}}\n", "x".repeat(5000)).as_bytes());
    v.extend_from_slice("{\"id\":\"9\",\"text\":\"Hợp tác xã nông nghiệp\"}".as_bytes());
    v
}

#[test]
fn tag_keeps_or_reports_every_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let rejects = dir.path().join("rejects.jsonl");
    std::fs::write(&input, mixed_input()).unwrap();
    let summary = dir.path().join("summary.json");
    let out = agrivn()
        .args(["tag", "--max-record-bytes", "1000", "--rejects"])
        .arg(&rejects)
        .arg("--summary")
        .arg(&summary)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success(), "exit status 0 without --strict");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["1", "6", "9"], "good lines in input order");
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["keep"], serde_json::json!([1, 2]), "other fields kept");
    assert!(first["agri"].is_boolean() && first["topics"].is_array());
    for line in [2, 3, 4, 5, 7, 8] {
        assert!(
            stderr.contains(&format!("in.jsonl:{line}: rejected")),
            "line {line} reported:\n{stderr}"
        );
    }
    let rejected = std::fs::read(&rejects).unwrap();
    // Each bad line but the oversize one, which is never buffered (stderr says so).
    assert_eq!(
        rejected.iter().filter(|&&b| b == b'\n').count(),
        5,
        "rejects file holds the bad lines"
    );
    assert!(stderr.contains("in.jsonl:8: not copied to --rejects"), "{stderr}");
    assert!(
        rejected.windows(4).any(|w| w == b"caf\xe9"),
        "bad lines are written unchanged"
    );
    assert!(
        stderr.contains("read 9 tagged 3 rejected 6"),
        "summary counts:\n{stderr}"
    );
    let summary: serde_json::Value = serde_json::from_slice(&std::fs::read(&summary).unwrap()).unwrap();
    assert_eq!(
        (
            &summary["read"],
            &summary["tagged"],
            &summary["rejected"],
            &summary["written"]
        ),
        (&9.into(), &3.into(), &6.into(), &3.into()),
        "{summary}"
    );
    assert_eq!(
        summary["rejected_by_reason"],
        serde_json::json!({"empty": 1, "invalid_json": 2, "invalid_utf8": 1, "missing_text": 1, "too_large": 1}),
        "{summary}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_ends_the_run_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    // Two files, the first larger than the output buffer: the failure
    // comes while the first is tagged, and the second is not started.
    let big = dir.path().join("big.jsonl");
    let line = "{\"id\":\"1\",\"title\":\"Giá lúa tăng\",\"text\":\"Thương lái thu mua lúa.\"}\n";
    std::fs::write(&big, line.repeat(2000)).unwrap();
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = agrivn()
        .args(["tag", "--quiet"])
        .arg(&big)
        .arg(&big)
        .stdout(full())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr.matches("cannot write the output").count(),
        1,
        "one error, and the run ends: {stderr}"
    );
    assert!(
        !stderr.contains("agrivn tag: read"),
        "no summary claims the articles: {stderr}"
    );
}

#[test]
fn strict_makes_a_rejected_line_an_error() {
    let mut child = agrivn()
        .args(["tag", "--strict"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"{bad\n").unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn unreadable_file_is_exit_status_1() {
    let out = agrivn()
        .args(["tag", "/nonexistent/agrivn.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/agrivn.jsonl"));
}

#[test]
fn an_invalid_taxonomy_is_exit_status_2_naming_file_and_line() {
    let dir = std::env::temp_dir().join(format!("agrivn-cli-taxonomy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("taxonomy.toml");
    let long = "chương trình mục tiêu quốc gia xây dựng nông thôn mới";
    std::fs::write(
        &path,
        format!(
            "version = 1\n[agri]\nthreshold = 8.0\nphrases = [\n  {{ text = \"{long}\", weight = 3.0 }},\n]\n\
             [[topic]]\nid = \"new_rural\"\nname_vi = \"Nông thôn mới\"\nname_en = \"New rural\"\nphrases = []\n"
        ),
    )
    .unwrap();
    let out = agrivn_with_stdin(
        &["tag", "--taxonomy", path.to_str().unwrap()],
        "{\"id\":\"1\",\"text\":\"Giá lúa tăng.\"}\n",
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing is tagged with a broken taxonomy");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("taxonomy.toml:5"), "{stderr}");
    assert!(stderr.contains("11 syllables"), "{stderr}");
}

#[test]
fn closed_stdout_ends_quietly() {
    let line = "{\"id\":\"1\",\"text\":\"Giá lúa hôm nay tăng.\"}\n".repeat(20000);
    let mut child = agrivn()
        .arg("tag")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(line.as_bytes());
    });
    drop(child.stdout.take()); // the reader of stdout goes away, like `| head`
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "no panic message: {stderr}");
}

#[test]
fn segment_in_parallel_keeps_the_order_and_says_which_line_was_not_utf8() {
    let mut input = Vec::new();
    for i in 0..5000 {
        if i == 4500 {
            input.extend_from_slice(b"caf\xe9 s\xe1ng\n");
        } else {
            input.extend_from_slice(format!("Giá lợn hơi tại Tiền Giang tăng {i} đồng/kg\n").as_bytes());
        }
    }
    let two = agrivn_with_stdin(&["segment", "--threads", "2"], input.clone());
    let one = agrivn_with_stdin(&["segment", "--threads", "1"], input);
    assert_eq!(two.stdout, one.stdout);
    let lines: Vec<&str> = std::str::from_utf8(&two.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 5000);
    assert_eq!(lines[4999], "Giá_lợn_hơi tại Tiền_Giang tăng 4999 đồng/kg");
    let stderr = String::from_utf8_lossy(&two.stderr);
    assert!(
        stderr.contains("<stdin>:4501: invalid UTF-8 at byte 3, decoded lossily"),
        "{stderr}"
    );
}

#[test]
fn segment_writes_the_corpus_format() {
    let out = agrivn_with_stdin(&["segment"], "Giá lợn hơi tại Tiền Giang tăng 2.000 đồng/kg\n");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Giá_lợn_hơi tại Tiền_Giang tăng 2.000 đồng/kg\n"
    );
}

#[test]
fn normalize_reports_bad_utf8_and_keeps_lines() {
    let out = agrivn_with_stdin(
        &["normalize", "--tone-style", "classic"],
        b"Thanh Hoa\xcc\x81\nbad \xff line\n".as_slice(),
    );
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        ["Thanh Hóa", "bad \u{FFFD} line"]
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:2: invalid UTF-8"));
}

#[test]
fn normalize_jsonl_passes_bad_lines_through() {
    // A line that is not JSON is written as read, but for a CR inside it:
    // one line out for each line in.
    for (input, want) in [
        (
            "{\"id\":1,\"text\":\"a\u{A0}\u{A0}b\"}\n{oops\n",
            "{\"id\":1,\"text\":\"a b\"}\n{oops\n",
        ),
        (
            "{oops\rstill the first line\r\n{\"id\":2,\"text\":\"a\\rb\"}\n",
            "{oops still the first line\n{\"id\":2,\"text\":\"a\\nb\"}\n",
        ),
    ] {
        let out = agrivn_with_stdin(&["normalize", "--format", "jsonl"], input);
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    }
}

#[test]
fn normalize_writes_one_line_per_line_and_reads_only_the_text_in_ascii_conventions() {
    // A line break inside a line becomes a space.
    let out = agrivn_with_stdin(&["normalize"], "một\rhai\nba\u{2028}bốn\nnăm\u{85}sáu\n");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "một hai\nba bốn\nnăm sáu\n"
    );
    // Telex and VIQR are read in the text field, not in the other fields.
    let line = r#"{"url":"https://x.vn/gia-lua?ref=home","author":"Hoangf Vaan","text":"Gias luas tawng"}"#;
    let out = agrivn_with_stdin(&["normalize", "--format", "jsonl", "--encoding", "telex"], line);
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["text"], "Giá lúa tăng");
    assert_eq!(got["url"], "https://x.vn/gia-lua?ref=home");
    assert_eq!(got["author"], "Hoangf Vaan");
    // A byte encoding reads raw bytes and their Windows-1252 view alike.
    let out = agrivn_with_stdin(
        &["normalize", "--encoding", "vni"],
        "Vieät Nam xuaát khaåu gaïo\n",
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Việt Nam xuất khẩu gạo\n");
    // auto: line by line, UTF-8 kept as it is, a legacy line decoded.
    let mut mixed = "Giá lúa tăng\n".as_bytes().to_vec();
    mixed.extend(
        agrivn::normalize::legacy::encode("Nông dân phấn khởi vì được giá", agrivn::normalize::Encoding::Vni)
            .unwrap(),
    );
    mixed.push(b'\n');
    let out = agrivn_with_stdin(&["normalize", "--encoding", "auto"], mixed);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Giá lúa tăng\nNông dân phấn khởi vì được giá\n"
    );
    // A record without a string text is written as read, and said.
    let out = agrivn_with_stdin(
        &["normalize", "--format", "jsonl"],
        "{\"id\":\"x\",\"text\":null}\n{\"id\":\"q\"}\n",
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"id\":\"x\",\"text\":null}\n{\"id\":\"q\"}\n"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:1: no string field \"text\""), "{stderr}");
    assert!(stderr.contains("<stdin>:2: no string field \"text\""), "{stderr}");
}

#[test]
fn normalize_reads_on_after_a_truncated_gzip_file() {
    let dir = tempfile::tempdir().unwrap();
    let text: String = (0..20_000).map(|i| format!("Giá lúa hôm nay {i}\n")).collect();
    let whole = gzip(text.as_bytes());
    let cut = dir.path().join("cut.txt.gz");
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    let next = dir.path().join("next.txt");
    std::fs::write(&next, "Hợp tác xã\n").unwrap();
    let out = agrivn().arg("normalize").arg(&cut).arg(&next).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cut.txt.gz after line"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.ends_with("Hợp tác xã\n"), "the next file is read");
}

#[test]
fn resume_says_when_a_repeated_id_made_it_unreliable() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let line = |id: &str| format!("{{\"id\":\"{id}\",\"title\":\"Giá lúa\",\"text\":\"Giá lúa tăng.\"}}\n");
    std::fs::write(&input, ["d", "x", "d", "y"].map(line).concat()).unwrap();
    // An interrupted run wrote d, x, d: "d" is met first on record 1.
    let output = dir.path().join("out.jsonl");
    let whole = agrivn()
        .args(["tag", "--quiet"])
        .arg(&input)
        .output()
        .unwrap()
        .stdout;
    let three: Vec<&[u8]> = whole.split_inclusive(|&b| b == b'\n').take(3).collect();
    std::fs::write(&output, three.concat()).unwrap();
    let out = agrivn()
        .args(["tag", "--quiet", "--resume"])
        .arg(&output)
        .arg(&input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the input repeats that id"), "{stderr}");
}

#[test]
fn old_mac_line_breaks_end_a_title_and_topic_names_may_have_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mac.txt");
    std::fs::write(&file, "Giá lúa tăng\rThương lái thu mua lúa.\r").unwrap();
    let out = agrivn()
        .args(["tag", "--quiet", "--topic", "trade, prices"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let tagged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tagged["title"], "Giá lúa tăng");
    assert_eq!(tagged["text"], "Thương lái thu mua lúa.");
}

#[test]
fn numbers_of_other_fields_keep_their_digits() {
    let line =
        r#"{"id":12345678901234567890123,"price":0.1,"views":18446744073709551616,"text":"Giá lúa tăng."}"#;
    for args in [&["tag", "--quiet"][..], &["normalize", "--format", "jsonl"][..]] {
        let out = agrivn_with_stdin(args, line);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout.starts_with(r#"{"id":12345678901234567890123,"price":0.1,"views":18446744073709551616,"#),
            "{args:?}: {stdout}"
        );
    }
}

#[test]
fn options_no_run_can_use_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.txt");
    std::fs::write(&gold, "Giá_lúa hôm_nay tăng\n").unwrap();
    let model = dir.path().join("model.bin");
    let gold = gold.to_str().unwrap();
    let model = model.to_str().unwrap();
    for (args, says) in [
        (vec!["tag", "--agri-threshold", "nan"], "--agri-threshold NaN"),
        (vec!["tag", "--topic-threshold", "inf"], "--topic-threshold inf"),
        (vec!["tag", "--threads", "100000"], "--threads 100000: at most"),
        (vec!["segment", "--threads", "5000"], "--threads 5000: at most"),
        (
            vec!["train", "segment", "--gold", gold, "--out", model, "--rate=nan"],
            "--rate NaN",
        ),
        (
            vec!["train", "segment", "--gold", gold, "--out", model, "--rate=1e300"],
            "--rate inf",
        ),
        (
            vec![
                "train", "segment", "--gold", gold, "--out", model, "--epochs", "0",
            ],
            "--epochs 0",
        ),
    ] {
        let out = agrivn_with_stdin(&args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    assert!(!std::path::Path::new(model).exists(), "no model written");
}

#[test]
fn an_output_that_is_an_input_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive.jsonl");
    let line = "{\"id\":\"1\",\"title\":\"Giá lúa\",\"text\":\"Giá lúa tăng.\"}\n";
    std::fs::write(&archive, line).unwrap();
    for option in ["--rejects", "--summary", "--resume"] {
        let out = agrivn()
            .args(["tag", option])
            .arg(&archive)
            .arg(&archive)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{option}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("this is the input file"), "{option}: {stderr}");
        assert_eq!(std::fs::read_to_string(&archive).unwrap(), line, "{option}");
    }
    // Two outputs that are one file, or a model written over its gold.
    let out = dir.path().join("out.txt");
    let run = agrivn()
        .args(["tag", "--rejects"])
        .arg(&out)
        .arg("--summary")
        .arg(&out)
        .arg(&archive)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("name the same file"));
    let gold = dir.path().join("gold.txt");
    std::fs::write(&gold, "Giá_lúa hôm_nay\n").unwrap();
    let run = agrivn()
        .args(["train", "segment", "--gold"])
        .arg(&gold)
        .arg("--out")
        .arg(&gold)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&gold).unwrap(), "Giá_lúa hôm_nay\n");
    // stdout appended to the input would grow it while it is read.
    for command in ["tag", "segment", "normalize"] {
        let append = std::fs::OpenOptions::new().append(true).open(&archive).unwrap();
        let out = agrivn()
            .arg(command)
            .arg(&archive)
            .stdout(append)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert_eq!(std::fs::read_to_string(&archive).unwrap(), line, "{command}");
    }
    // The same through stdin: `agrivn tag --rejects a.jsonl < a.jsonl`,
    // `agrivn tag < a.jsonl >> a.jsonl`.
    let stdin = || std::fs::File::open(&archive).unwrap();
    for option in ["--rejects", "--summary"] {
        let out = agrivn()
            .args(["tag", option])
            .arg(&archive)
            .stdin(stdin())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{option}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("the file read on stdin"));
        assert_eq!(std::fs::read_to_string(&archive).unwrap(), line, "{option}");
    }
    for command in ["tag", "segment", "normalize"] {
        let append = std::fs::OpenOptions::new().append(true).open(&archive).unwrap();
        let out = agrivn()
            .arg(command)
            .stdin(stdin())
            .stdout(append)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert_eq!(std::fs::read_to_string(&archive).unwrap(), line, "{command}");
    }
    // stdout and --rejects or --summary in one file would write over each
    // other.
    for option in ["--rejects", "--summary"] {
        let both = dir.path().join("both.jsonl");
        let out = agrivn()
            .args(["tag", option])
            .arg(&both)
            .arg(&archive)
            .stdout(std::fs::File::create(&both).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{option}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("also where stdout goes"));
    }
}

#[test]
fn eval_normalize_passes_every_case() {
    let Some(cases) = common::shared("normalization/cases.jsonl") else {
        return;
    };
    let out = agrivn()
        .args(["eval", "normalize", "--cases"])
        .arg(cases)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    let all = stdout.lines().find(|l| l.starts_with("all")).unwrap();
    let (pass, total) = all.split_whitespace().nth(1).unwrap().split_once('/').unwrap();
    assert_eq!(pass, total);
}

#[test]
fn eval_reads_its_gold_from_stdin_as_dash() {
    let case = r#"{"id":"c1","class":"tone","op":"normalize","input":"Thanh Hoa\u0301","expected":"Thanh Hoá","source":"agrivn","why":"NFC"}"#;
    let out = agrivn_with_stdin(&["eval", "normalize", "--cases", "-"], case);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout.contains("all                         1/1"), "{stdout}");
    let out = agrivn_with_stdin(&["eval", "segment", "--gold", "-"], "Giá_lúa hôm_nay tăng\n");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout.contains("P 1.0000 R 1.0000 F1 1.0000"), "{stdout}");
    // Input without diacritics is compared with gold without them.
    let out = agrivn_with_stdin(
        &[
            "eval",
            "segment",
            "--transform",
            "strip-diacritics",
            "--gold",
            "-",
        ],
        "Giá_lúa hôm_nay tăng\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("misaligned 0"), "{stdout}");
}

/// Tag `input` whole, then as a run interrupted after 20 lines and resumed:
/// the resumed output must equal the whole one.
fn assert_resume_round_trip(input: &[u8], args: &[&str]) {
    assert_resume_round_trip_writing(input, args, 50);
}

/// Bytes of the first `n` lines of `text`.
fn line_bytes(text: &[u8], n: usize) -> usize {
    text.iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .nth(n - 1)
        .expect("enough lines")
        .0
        + 1
}

/// Resuming after 20 lines written (and half of the 21st) gives the output
/// of an uninterrupted run, which writes `written` lines.
fn assert_resume_round_trip_writing(input: &[u8], args: &[&str], written: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, input).unwrap();
    let full = agrivn().arg("tag").args(args).arg(&path).output().unwrap().stdout;
    assert_eq!(
        full.iter().filter(|&&b| b == b'\n').count(),
        written,
        "lines written"
    );
    // An interrupted run: 20 complete lines and half of the 21st.
    let cut = line_bytes(&full, 20);
    let out = dir.path().join("out.jsonl");
    std::fs::write(&out, &full[..cut + 30]).unwrap();
    let status = agrivn()
        .args(["tag", "--resume"])
        .arg(&out)
        .args(args)
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read(&out).unwrap(), full);
}

#[test]
fn resume_continues_an_interrupted_run_without_gaps_or_repeats() {
    let lines: String = (0..50)
        .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"Giá lúa hôm nay tăng {i} đồng/kg.\"}}\n"))
        .collect();
    assert_resume_round_trip(lines.as_bytes(), &[]);
    // Lines in VISCII, which puts capitals on control bytes.
    let viscii = agrivn::normalize::legacy::encode(
        &lines.replace("Giá", "KỸ THUẬT MỚI. Giá"),
        agrivn::normalize::Encoding::Viscii,
    )
    .unwrap();
    assert!(
        viscii.iter().any(|&b| b < 0x20 && b != b'\n'),
        "control bytes in the input"
    );
    assert_resume_round_trip(&viscii, &["--encoding", "auto"]);
    // Lines in VNI, and English lines with Windows-1252 quotes, which
    // detection cannot settle alone: they are read in the encoding of the
    // lines around them, whether those are skipped when resuming or not;
    // none is rejected, by the resumed run either.
    let vni = agrivn::normalize::legacy::encode(&lines, agrivn::normalize::Encoding::Vni).unwrap();
    let english = |id: &str, quoted: &str| -> Vec<u8> {
        let mut line = format!("{{\"id\":\"{id}\",\"text\":\"Farmers said ").into_bytes();
        line.push(0x93);
        line.extend_from_slice(quoted.as_bytes());
        line.push(0x94);
        line.extend_from_slice(b" this week.\"}\n");
        line
    };
    // 18 lines in VNI, two English lines among them and two after them:
    // resuming after 20 lines leaves only the last two to tag.
    let mut mixed: Vec<Vec<u8>> = vni
        .split_inclusive(|&b| b == b'\n')
        .take(18)
        .map(<[u8]>::to_vec)
        .collect();
    mixed.splice(10..10, [english("e1", "prices rose"), english("e2", "hello")]);
    mixed.extend([english("e3", "prices rose"), english("e4", "hello")]);
    let mixed = mixed.concat();
    let dir = tempfile::tempdir().unwrap();
    let rejects = dir.path().join("rejects.jsonl");
    let rejects = rejects.to_str().unwrap();
    assert_resume_round_trip_writing(&mixed, &["--encoding", "auto", "--rejects", rejects], 22);
    // An archive with fields of its own.
    let renamed = lines.replace("\"id\"", "\"url\"").replace("\"text\"", "\"body\"");
    assert_resume_round_trip(renamed.as_bytes(), &["--id-field", "url", "--text-field", "body"]);
}

#[test]
fn resume_keeps_the_rejects_of_the_interrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..50)
        .map(|i| match i {
            3 | 11 => format!("{{bad json {i}\n"),
            _ => format!("{{\"id\":\"a{i}\",\"text\":\"Giá lúa hôm nay tăng {i} đồng/kg.\"}}\n"),
        })
        .collect();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, &lines).unwrap();
    let out = dir.path().join("out.jsonl");
    let rejects = dir.path().join("rejects.jsonl");
    let run = |resume: bool| {
        let mut cmd = agrivn();
        cmd.arg("tag").arg("--rejects").arg(&rejects);
        if resume {
            cmd.arg("--resume").arg(&out);
        }
        let output = cmd.arg(&input).output().unwrap();
        assert!(output.status.success());
        output.stdout
    };
    let full = run(false);
    let all_rejects = std::fs::read(&rejects).unwrap();
    assert_eq!(all_rejects, b"{bad json 3\n{bad json 11\n");
    // Interrupted after 20 articles (input line 22), both rejects written:
    // kept, not written twice. Interrupted after 5 articles (input line 6),
    // when the rejects file already held line 11 too (rejects are flushed
    // as they come, the output is not): line 11 is read again, and is in
    // the file once.
    for articles in [20, 5] {
        std::fs::write(&out, &full[..line_bytes(&full, articles)]).unwrap();
        std::fs::write(&rejects, &all_rejects).unwrap();
        run(true);
        assert_eq!(std::fs::read(&out).unwrap(), full);
        assert_eq!(std::fs::read(&rejects).unwrap(), all_rejects, "after {articles}");
    }
}

#[test]
fn tag_reads_the_fields_it_is_told_and_names_a_missing_one() {
    let line =
        "{\"url\":\"u1\",\"headline\":\"Giá lúa tăng mạnh\",\"body\":\"Thương lái đổ xô thu mua lúa.\"}\n";
    let out = agrivn_with_stdin(
        &[
            "tag",
            "--quiet",
            "--id-field",
            "url",
            "--title-field",
            "headline",
            "--text-field",
            "body",
        ],
        line,
    );
    let tagged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tagged["agri"], true, "{tagged}");
    let title_evidence = tagged["topics"][0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["field"] == "title");
    assert!(title_evidence, "the headline is read as the title: {tagged}");
    let out = agrivn_with_stdin(
        &["tag", "--quiet", "--text-field", "body", "--max-evidence", "0"],
        line,
    );
    let compact: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(compact["topics"][0]["id"], "prices", "{compact}");
    assert_eq!(
        compact["topics"][0]["evidence"],
        serde_json::json!([]),
        "{compact}"
    );
    let out = agrivn_with_stdin(&["tag", "--quiet"], line);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("<stdin>:1: rejected: no string field \"text\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("--text-field"),
        "the summary says how to name it: {stderr}"
    );
}

#[test]
fn tag_writes_only_what_the_filters_keep_and_counts_the_rest() {
    let lines = concat!(
        "{\"id\":\"s\",\"src\":\"x\",\"title\":\"Đội tuyển thắng 2-0\",\"text\":\"Trận đấu diễn ra tối qua trên sân Mỹ Đình.\"}\n",
        "{\"id\":\"p\",\"src\":\"y\",\"title\":\"Giá lúa hôm nay tăng mạnh\",\"text\":\"Thương lái thu mua lúa giá 7.000 đồng/kg.\"}\n",
        "{\"id\":\"c\",\"src\":\"z\",\"title\":\"Hợp tác xã nông nghiệp mở rộng liên kết\",\"text\":\"HTX ký hợp đồng bao tiêu với nông dân.\"}\n",
    );
    let ids = |out: &std::process::Output| -> Vec<String> {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                assert!(v.get("text").is_none(), "--drop-field text: {v}");
                assert!(v.get("src").is_some(), "other fields kept: {v}");
                v["id"].as_str().unwrap().to_owned()
            })
            .collect()
    };
    let out = agrivn_with_stdin(&["tag", "--agri-only", "--drop-field", "text"], lines);
    assert!(out.status.success());
    assert_eq!(ids(&out), ["p", "c"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("read 3 tagged 3 rejected 0"), "{stderr}");
    assert!(
        stderr.contains("written 2 (1 tagged articles left out by --agri-only)"),
        "{stderr}"
    );
    let out = agrivn_with_stdin(&["tag", "--topic", "cooperatives", "--drop-field", "text"], lines);
    assert_eq!(ids(&out), ["c"]);
    let out = agrivn_with_stdin(&["tag", "--agri-only", "--hadoop-counters"], lines);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for counter in [
        "reporter:counter:agrivn,read,3\n",
        "reporter:counter:agrivn,rejected,0\n",
        "reporter:counter:agrivn,agricultural,2\n",
        "reporter:counter:agrivn,written,2\n",
        "reporter:counter:agrivn topics,cooperatives,1\n",
    ] {
        assert!(stderr.contains(counter), "{counter} in {stderr}");
    }
    let out = agrivn_with_stdin(&["tag", "--topic", "cooperative"], lines);
    assert_eq!(out.status.code(), Some(2), "an unknown topic is a usage error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--topic cooperative: no such topic") && stderr.contains("cooperatives, prices"),
        "{stderr}"
    );
    // Resuming a filtered run continues after the last article written.
    let mixed: String = (0..90)
        .map(|i| match i % 3 {
            0 => format!(
                "{{\"id\":\"a{i}\",\"title\":\"Giá lúa hôm nay tăng mạnh\",\"text\":\"Thương lái thu mua lúa giá {i} đồng/kg.\"}}\n"
            ),
            _ => format!("{{\"id\":\"a{i}\",\"text\":\"Đội tuyển thắng {i} trận.\"}}\n"),
        })
        .collect();
    assert_resume_round_trip_writing(mixed.as_bytes(), &["--agri-only"], 30);
}

#[test]
fn a_byte_order_mark_costs_no_record() {
    const BOM: &str = "\u{feff}";
    // Two files saved by a Windows tool, put together with `cat`: a mark
    // starts each.
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles.jsonl");
    std::fs::write(
        &articles,
        format!(
            "{BOM}{{\"id\":\"p\",\"title\":\"Giá lúa hôm nay tăng mạnh\",\"text\":\"Thương lái thu mua lúa.\"}}\n\
             {BOM}{{\"id\":\"s\",\"title\":\"Đội tuyển thắng 2-0\",\"text\":\"Trận đấu tối qua.\"}}\n"
        ),
    )
    .unwrap();
    let out = agrivn().args(["tag", "--quiet"]).arg(&articles).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("read 2 tagged 2 rejected 0"), "{stderr}");
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!((&first["id"], &first["agri"]), (&"p".into(), &true.into()));
    // A text file saved with the mark: the title starts after it.
    let txt = dir.path().join("a.txt");
    std::fs::write(&txt, format!("{BOM}Giá lúa tăng\nThương lái thu mua lúa.")).unwrap();
    let out = agrivn().args(["tag", "--quiet"]).arg(&txt).output().unwrap();
    let tagged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tagged["title"], "Giá lúa tăng");
    // Labels saved with the mark are read from their first line.
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(
        &gold,
        format!(
            "{BOM}{{\"id\":\"p\",\"agri\":true,\"topics\":[\"prices\"]}}\n{{\"id\":\"s\",\"agri\":false,\"topics\":[]}}\n"
        ),
    )
    .unwrap();
    let out = agrivn()
        .args(["eval", "tag", "--gold"])
        .arg(&gold)
        .arg(&articles)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        report.contains("articles 2") && report.contains("agri accuracy 1.0000"),
        "{report}"
    );
    // normalize --format jsonl parses the first line too.
    let out = agrivn()
        .args(["normalize", "--format", "jsonl"])
        .arg(&articles)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("passed through unchanged"), "{stderr}");
}

/// `text` as UTF-16 with its byte-order mark, little- or big-endian.
fn utf16(text: &str, little: bool) -> Vec<u8> {
    std::iter::once(0xFEFF)
        .chain(text.encode_utf16())
        .flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() })
        .collect()
}

#[test]
fn utf16_files_are_read_as_their_utf8_text() {
    let dir = tempfile::tempdir().unwrap();
    let lines = concat!(
        "{\"id\":\"p\",\"title\":\"Giá lúa hôm nay tăng mạnh\",\"text\":\"Thương lái thu mua lúa 🌾.\"}\r\n",
        "{\"id\":\"s\",\"title\":\"Đội tuyển thắng 2-0\",\"text\":\"Trận đấu tối qua.\"}\r\n",
    );
    let plain = dir.path().join("plain.jsonl");
    std::fs::write(&plain, lines).unwrap();
    let expected = agrivn()
        .args(["tag", "--quiet"])
        .arg(&plain)
        .output()
        .unwrap()
        .stdout;
    assert_eq!(expected.iter().filter(|&&b| b == b'\n').count(), 2);
    for little in [true, false] {
        let path = dir.path().join("wide.jsonl");
        std::fs::write(&path, utf16(lines, little)).unwrap();
        let out = agrivn().args(["tag", "--quiet"]).arg(&path).output().unwrap();
        assert_eq!(out.stdout, expected, "little-endian: {little}");
        // Saved without the mark.
        std::fs::write(&path, &utf16(lines, little)[2..]).unwrap();
        let out = agrivn().args(["tag", "--quiet"]).arg(&path).output().unwrap();
        assert_eq!(out.stdout, expected, "no mark, little-endian: {little}");
        // Windows tools save text files so too.
        let txt = dir.path().join("a.txt");
        std::fs::write(&txt, utf16("Giá lúa tăng\r\nThương lái thu mua lúa.", little)).unwrap();
        let out = agrivn().args(["tag", "--quiet"]).arg(&txt).output().unwrap();
        let tagged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            (&tagged["title"], &tagged["agri"]),
            (&"Giá lúa tăng".into(), &true.into())
        );
        // Without the mark, starting with a Vietnamese letter: known by
        // the shape of its first code units.
        let text = "Đồng Tháp: giá lúa tăng\r\nThương lái thu mua lúa tươi 6.500 đồng/kg.";
        std::fs::write(&txt, &utf16(text, little)[2..]).unwrap();
        let out = agrivn().args(["tag", "--quiet"]).arg(&txt).output().unwrap();
        let tagged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            tagged["title"], "Đồng Tháp: giá lúa tăng",
            "little-endian: {little}"
        );
    }
    // A broken code unit is read as U+FFFD, and said.
    let mut broken = utf16(
        "{\"id\":\"w\",\"text\":\"lúa\"}\n{\"id\":\"x\",\"text\":\"lúa",
        true,
    );
    broken.extend_from_slice(&0xD800u16.to_le_bytes());
    broken.extend(utf16("\"}\n", true).into_iter().skip(2));
    let out = agrivn_with_stdin(&["tag", "--quiet"], broken);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("<stdin>:2: 1 broken UTF-16 code units read as U+FFFD"),
        "{stderr}"
    );
    assert!(stderr.contains("read 2 tagged 2"), "{stderr}");
}

#[test]
fn eval_tag_says_what_is_wrong_with_the_labels() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles.jsonl");
    std::fs::write(
        &articles,
        "{\"id\":\"p\",\"title\":\"Giá lúa hôm nay tăng mạnh\",\"text\":\"Thương lái thu mua lúa.\"}\n",
    )
    .unwrap();
    let eval = |labels: &str| {
        let gold = dir.path().join("gold.jsonl");
        std::fs::write(&gold, labels).unwrap();
        eval_tag(&gold, [&articles])
    };
    // A misspelt topic is said, with its line, and scored as a miss.
    let (code, report, stderr) = eval("{\"id\":\"p\",\"agri\":true,\"topics\":[\"prices\",\"price\"]}\n");
    assert_eq!(code, Some(0));
    assert!(
        stderr.contains("gold.jsonl:1: topic \"price\" is not in the taxonomy"),
        "{stderr}"
    );
    assert!(report.contains("topics micro P 1.0000 R 0.5000"), "{report}");
    // An id labelled twice is an error naming both lines.
    let (code, _, stderr) = eval(concat!(
        "{\"id\":\"p\",\"agri\":true,\"topics\":[]}\n",
        "{\"id\":\"p\",\"agri\":false,\"topics\":[]}\n"
    ));
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("gold.jsonl:2: id \"p\" labelled twice (first on line 1)"),
        "{stderr}"
    );
    // Labelled articles that are not in the input are named.
    let (_, report, stderr) = eval(concat!(
        "{\"id\":\"p\",\"agri\":true,\"topics\":[\"prices\"]}\n",
        "{\"id\":\"gone\",\"agri\":true,\"topics\":[]}\n"
    ));
    assert!(
        stderr.contains("1 labelled articles were not found in the input files (gone)"),
        "{stderr}"
    );
    assert!(report.contains("articles 1\n"), "{report}");
    // No labels at all is an error, not a report of zeros.
    let (code, report, stderr) = eval("");
    assert_eq!(code, Some(2));
    assert!(
        report.is_empty() && stderr.contains("gold.jsonl: no labels"),
        "{stderr}"
    );
}

#[test]
fn eval_tag_scores_a_second_annotator() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let other = dir.path().join("other.jsonl");
    std::fs::write(
        &gold,
        "{\"id\": \"a\", \"agri\": true, \"topics\": [\"crops\", \"prices\"]}\n\
         {\"id\": \"b\", \"agri\": false, \"topics\": []}\n",
    )
    .unwrap();
    std::fs::write(
        &other,
        "{\"id\": \"a\", \"agri\": true, \"topics\": [\"crops\"]}\n\
         {\"id\": \"b\", \"agri\": true, \"topics\": [\"trade\"]}\n",
    )
    .unwrap();
    let run = |predicted: &std::path::Path| {
        let (code, report, _) = eval_tag(
            &gold,
            [std::ffi::OsStr::new("--predicted"), predicted.as_os_str()],
        );
        assert_eq!(code, Some(0));
        report
    };
    let same = run(&gold);
    assert!(same.contains("agri accuracy 1.0000"), "{same}");
    assert!(same.contains("F1 1.0000"), "{same}");
    let differ = run(&other);
    assert!(differ.contains("agri accuracy 0.5000"), "{differ}");
    // One of two gold topics found, one wrong topic given: P = R = 0.5.
    assert!(
        differ.contains("topics micro P 0.5000 R 0.5000 F1 0.5000"),
        "{differ}"
    );
    assert!(
        differ.contains("non-agricultural articles given a topic 1/1"),
        "{differ}"
    );
}

#[test]
fn eval_tag_scores_the_samples_written_without_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    // What the tagger gives the samples as written.
    std::fs::write(
        &gold,
        "{\"id\": \"sample-1\", \"agri\": true, \"topics\": [\"cooperatives\"]}\n\
         {\"id\": \"sample-2\", \"agri\": true, \"topics\": [\"prices\", \"livestock\"]}\n\
         {\"id\": \"sample-3\", \"agri\": false, \"topics\": []}\n\
         {\"id\": \"sample-4\", \"agri\": true, \"topics\": [\"new_rural\", \"infrastructure\"]}\n\
         {\"id\": \"sample-5\", \"agri\": true, \"topics\": [\"disasters\", \"infrastructure\", \"crops\"]}\n\
         {\"id\": \"sample-6\", \"agri\": false, \"topics\": []}\n",
    )
    .unwrap();
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples/articles.jsonl");
    for transform in [None, Some("strip-diacritics")] {
        let mut args = vec![samples];
        if let Some(t) = transform {
            args.extend(["--transform", t]);
        }
        let (code, report, _) = eval_tag(&gold, args);
        assert_eq!(code, Some(0));
        assert!(report.contains("agri accuracy 1.0000"), "{transform:?}: {report}");
        assert!(
            report.contains("micro P 1.0000 R 1.0000 F1 1.0000"),
            "{transform:?}: {report}"
        );
    }
}

#[test]
fn eval_tag_reads_its_articles_as_tag_does() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(
        &gold,
        "{\"id\": \"p\", \"agri\": true, \"topics\": [\"prices\"]}\n\
         {\"id\": \"folder/c.txt\", \"agri\": true, \"topics\": [\"cooperatives\"]}\n\
         {\"id\": \"s\", \"agri\": false, \"topics\": []}\n",
    )
    .unwrap();
    let price =
        "{\"id\":\"p\",\"title\":\"Giá lúa hôm nay tăng mạnh\",\"text\":\"Thương lái thu mua lúa.\"}\n";
    let sport = "{\"id\":\"s\",\"title\":\"Đội tuyển thắng 2-0\",\"text\":\"Trận đấu diễn ra tối qua.\"}\n";
    let archive = dir.path().join("archive.jsonl.gz");
    std::fs::write(&archive, gzip(price.as_bytes())).unwrap();
    let root = dir.path().join("root");
    let folder = root.join("folder");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("c.txt"),
        "Hợp tác xã nông nghiệp mở rộng liên kết\nHợp tác xã ký hợp đồng bao tiêu với doanh nghiệp.\n",
    )
    .unwrap();
    // A gzip archive, a folder of text files (ids relative to it) and
    // stdin (as `-`), read together.
    let out = assert_cmd::Command::cargo_bin("agrivn")
        .unwrap()
        .args(["eval", "tag", "--gold"])
        .arg(&gold)
        .arg(&archive)
        .arg(&root)
        .arg("-")
        .write_stdin(sport)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(report.contains("articles 3\n"), "{report}{stderr}");
    assert!(report.contains("micro P 1.0000 R 1.0000 F1 1.0000"), "{report}");
    assert!(
        report.contains("non-agricultural articles given a topic 0/1"),
        "{report}"
    );
    // Without files, stdin; an id met twice is said, and the last scored.
    let out = agrivn_with_stdin(
        &["eval", "tag", "--gold", gold.to_str().unwrap()],
        format!("{sport}{price}{{\"title\":\"no id\",\"text\":\"x\"}}\n{price}"),
    );
    let report = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(report.contains("articles 2\n"), "{report}{stderr}");
    assert!(
        stderr.contains("<stdin>: 1 lines without an \"id\" field (the first on line 3)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 labelled ids appear more than once in the input (p)"),
        "{stderr}"
    );
    // A numeric id is labelled as it is written.
    let numeric = dir.path().join("numeric.jsonl");
    std::fs::write(
        &numeric,
        "{\"id\": 7, \"agri\": true, \"topics\": [\"prices\"]}\n",
    )
    .unwrap();
    let out = agrivn_with_stdin(
        &["eval", "tag", "--gold", numeric.to_str().unwrap()],
        price.replace("\"p\"", "7"),
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("articles 1\n"), "{report}");
    assert!(report.contains("micro P 1.0000 R 1.0000 F1 1.0000"), "{report}");
    // Nothing to score is an error, not a report of zeros.
    let out = agrivn_with_stdin(
        &["eval", "tag", "--gold", gold.to_str().unwrap()],
        "{\"id\":\"other\",\"text\":\"x\"}\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no labelled article was found to score"),
        "{:?}",
        out
    );
}

#[test]
fn tag_repair_and_html_read_damaged_text_with_spans_into_it() {
    // UTF-8 read as Windows-1252 in the title, HTML character references in
    // the text.
    let title = "GiÃ¡ lÃºa tÄƒng, thÆ°Æ¡ng lÃ¡i Ä‘á»• xÃ´ mua lÃºa";
    let text = "Gi&#225; l&#250;a h&#244;m nay t&#259;ng 500 &#273;&#7891;ng/kg. \
                N&#244;ng d&#226;n ph&#7845;n kh&#7903;i v&#236; &#273;&#432;&#7907;c gi&#225;.";
    let line = serde_json::json!({"id": "a", "title": title, "text": text}).to_string();
    let tag = |args: &[&str]| -> serde_json::Value {
        let out = agrivn_with_stdin(args, line.clone());
        assert!(out.status.success());
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let plain = tag(&["tag", "--quiet"]);
    assert_eq!(
        plain["agri"], false,
        "damaged text reads as no Vietnamese: {plain}"
    );
    let read = tag(&["tag", "--quiet", "--repair", "--html"]);
    assert_eq!(read["agri"], true, "{read}");
    let prices = read["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "prices")
        .unwrap_or_else(|| panic!("prices: {read}"));
    for e in prices["evidence"].as_array().unwrap() {
        let field = if e["field"] == "title" { title } else { text };
        let (s, end) = (
            e["span"]["start"].as_u64().unwrap() as usize,
            e["span"]["end"].as_u64().unwrap() as usize,
        );
        let got = &field[s..end];
        assert!(
            got.contains("Ã") || got.contains("&#"),
            "span {s}..{end} is {got:?}, not the damaged text"
        );
    }
}

#[test]
fn tag_encoding_auto_decodes_legacy_lines_and_rejects_the_unreadable() {
    use agrivn::normalize::Encoding;
    use agrivn::normalize::legacy::{cp1252_char, encode};
    let title = "Giá lúa tăng, thương lái đổ xô mua lúa";
    let text = "Giá lúa hôm nay tăng 500 đồng/kg. Nông dân phấn khởi vì được giá.";
    let article = |id: &str| serde_json::json!({"id": id, "title": title, "text": text}).to_string();
    let vni = encode(&article("vni"), Encoding::Vni).unwrap();
    let tcvn3_view: String = encode(&article("tcvn3"), Encoding::Tcvn3)
        .unwrap()
        .iter()
        .map(|&b| cp1252_char(b))
        .collect();
    let mut input = Vec::new();
    input.extend(article("utf8").bytes());
    input.push(b'\n');
    input.extend(&vni);
    input.push(b'\n');
    input.extend(tcvn3_view.bytes());
    input.push(b'\n');
    let bad = b"{\"id\":\"bad\",\"text\":\"\xff\xfe\x00\x81\"}\n";
    input.extend(bad);
    let alone = agrivn_with_stdin(&["tag", "--quiet", "--encoding", "auto"], &bad[..]);
    let stderr = String::from_utf8_lossy(&alone.stderr);
    assert!(
        stderr.contains("<stdin>:1: rejected: invalid UTF-8 at byte 20, and no legacy encoding recognised"),
        "{stderr}"
    );

    let strict = agrivn_with_stdin(&["tag", "--quiet"], input.clone());
    let stderr = String::from_utf8_lossy(&strict.stderr);
    assert!(
        stderr.contains("read 4 tagged 2 rejected 2"),
        "UTF-8 only:\n{stderr}"
    );

    let out = agrivn_with_stdin(&["tag", "--quiet", "--encoding", "auto"], input);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("read 4 tagged 3 rejected 1"), "{stderr}");
    assert!(
        stderr.contains("decoded from legacy encodings: tcvn3 1, vni 1"),
        "{stderr}"
    );
    // Detection cannot read it; in the encoding of the other decoded lines
    // it is no JSON.
    assert!(
        stderr.contains("<stdin>:4: rejected: invalid JSON (read as "),
        "{stderr}"
    );
    let lines: Vec<serde_json::Value> = std::str::from_utf8(&out.stdout)
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let first = &lines[0];
    for tagged in &lines {
        assert_eq!(tagged["title"], title, "decoded to Unicode: {tagged}");
        assert_eq!(tagged["topics"], first["topics"], "same tags as UTF-8: {tagged}");
    }
    assert_eq!(first["agri"], true);

    // `eval tag` reads its articles the same way.
    let dir = tempfile::tempdir().unwrap();
    let (articles, gold) = (dir.path().join("vni.jsonl"), dir.path().join("gold.jsonl"));
    std::fs::write(&articles, [vni.as_slice(), b"\n"].concat()).unwrap();
    std::fs::write(&gold, "{\"id\":\"vni\",\"agri\":true,\"topics\":[\"prices\"]}\n").unwrap();
    let eval = |encoding: &str| {
        let out = agrivn()
            .args(["eval", "tag", "--encoding", encoding, "--gold"])
            .arg(&gold)
            .arg(&articles)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    let auto = eval("auto");
    assert!(
        auto.contains("agri accuracy 1.0000") && auto.contains("F1 1.0000"),
        "{auto}"
    );
    let strict = eval("utf-8");
    assert!(strict.contains("vni.jsonl:1: invalid UTF-8"), "{strict}");
}

/// `text` gzip-compressed.
fn gzip(text: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text).unwrap();
    gz.finish().unwrap()
}

#[test]
fn tag_reads_gzip_archives_and_tags_what_precedes_a_truncation() {
    let samples = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/samples/articles.jsonl"
    ))
    .unwrap();
    let plain = agrivn()
        .args(["tag", "--quiet"])
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/samples/articles.jsonl"
        ))
        .output()
        .unwrap();
    assert!(plain.status.success());
    let n = samples.iter().filter(|&&b| b == b'\n').count();
    assert!(n >= 4, "samples hold several articles");

    let dir = tempfile::tempdir().unwrap();
    // Two gzip members, as `cat a.gz b.gz` writes them, in a folder.
    let cut = samples.iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut two = gzip(&samples[..cut]);
    two.extend(gzip(&samples[cut..]));
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(dir.path().join("archive/part-0.jsonl.gz"), &two).unwrap();
    let out = agrivn()
        .args(["tag", "--quiet"])
        .arg(dir.path().join("archive"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, plain.stdout, "same output as the uncompressed file");

    // On stdin, recognised by its magic number.
    let out = agrivn_with_stdin(&["tag", "--quiet"], two.clone());
    assert_eq!(out.stdout, plain.stdout);

    // Cut short: the lines before the cut are tagged, and the error names the place.
    let whole = gzip(&samples);
    let truncated = dir.path().join("cut.jsonl.gz");
    std::fs::write(&truncated, &whole[..whole.len() * 2 / 3]).unwrap();
    let out = agrivn()
        .args(["tag", "--quiet"])
        .arg(&truncated)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let tagged = out.stdout.iter().filter(|&&b| b == b'\n').count();
    assert!(tagged < n, "{stderr}");
    assert!(
        stderr.contains(&format!("cut.jsonl.gz after line {tagged}")),
        "the error says after which line: {stderr}"
    );
    assert!(
        stderr.contains(&format!("read {tagged} tagged {tagged}")),
        "{stderr}"
    );
    assert!(
        plain.stdout.starts_with(&out.stdout),
        "the lines before the cut are tagged as usual"
    );
    // `segment` writes the lines before the cut too, then says where it
    // stopped.
    let out = agrivn().arg("segment").arg(&truncated).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let segmented = out.stdout.iter().filter(|&&b| b == b'\n').count();
    assert!(segmented > 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "cannot read {} after line {segmented}",
            truncated.display()
        )),
        "{stderr}"
    );
}

#[test]
fn tag_reads_a_folder_of_text_files_and_json_lines_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    std::fs::create_dir_all(root.join("b")).unwrap();
    std::fs::write(
        root.join("a.txt"),
        "Giá lúa tăng\nThương lái thu mua lúa giá cao.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("b/c.txt"),
        "Đội tuyển thắng 2-0\r\nTrận đấu diễn ra tối qua.",
    )
    .unwrap();
    std::fs::write(
        root.join("b/d.jsonl"),
        "{\"id\":\"d1\",\"text\":\"Hợp tác xã nông nghiệp\"}\n",
    )
    .unwrap();
    std::fs::write(
        root.join("b/c.txt.gz"),
        gzip("Hợp tác xã nông nghiệp\nHợp tác xã ký hợp đồng bao tiêu.".as_bytes()),
    )
    .unwrap();
    std::fs::write(root.join("b/e.txt"), "").unwrap();
    std::fs::write(root.join("b/f.txt"), b"Gi\xe1 l\xfaa\n").unwrap();
    std::fs::write(root.join("g.md"), "not an article").unwrap();
    let rejects = dir.path().join("rejects.jsonl");
    let out = agrivn()
        .args(["tag", "--quiet", "--rejects"])
        .arg(&rejects)
        .arg(&root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let tagged: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = tagged.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["a.txt", "b/c.txt", "b/c.txt.gz", "d1"],
        "sorted paths, ids relative to the folder: {stderr}"
    );
    assert_eq!(tagged[0]["title"], "Giá lúa tăng");
    assert_eq!(tagged[0]["agri"], true);
    assert_eq!(tagged[1]["title"], "Đội tuyển thắng 2-0", "CR of CRLF trimmed");
    assert_eq!(tagged[1]["agri"], false);
    assert!(stderr.contains("b/e.txt:1: rejected: empty file"), "{stderr}");
    assert!(stderr.contains("b/f.txt:1: rejected: invalid UTF-8"), "{stderr}");
    assert!(
        stderr.contains("b/f.txt: a text file, not copied to --rejects"),
        "{stderr}"
    );
    assert_eq!(tagged[2]["title"], "Hợp tác xã nông nghiệp", "gzip text read");
    assert!(stderr.contains("read 6 tagged 4 rejected 2"), "{stderr}");
    assert_eq!(
        std::fs::read(&rejects).unwrap(),
        b"",
        "text files stay where they are"
    );
}

#[test]
fn the_help_of_agri_threshold_states_the_short_text_defaults() {
    let out = agrivn().args(["tag", "--help"]).output().expect("runs");
    let help = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let o = agrivn::tag::TagOptions::default();
    let said = format!(
        "at most {} bytes (a headline and a lead) needs {} of it",
        o.short_text_bytes, o.short_agri_factor
    );
    assert!(help.contains(&said), "{help}");
}

/// What a terminal of `width` columns shows after `output`: its rows, from
/// the first. Enough of a terminal for what agrivn writes (text that wraps
/// at the last column, CR, LF, and the cursor and erase sequences of the
/// progress bar).
fn terminal_rows(output: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = output.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => col = 0,
            '\n' => row += 1,
            '\x1b' if chars.peek() == Some(&'[') => {
                chars.next();
                let mut arg = String::new();
                let mut op = ' ';
                for c in chars.by_ref() {
                    if c.is_ascii_digit() || c == ';' || c == '?' {
                        arg.push(c);
                    } else {
                        op = c;
                        break;
                    }
                }
                let n = arg.parse::<usize>().unwrap_or(1);
                match op {
                    'A' => row = row.saturating_sub(n),
                    'B' => row += n,
                    'C' => col = (col + n).min(width - 1),
                    'D' => col = col.saturating_sub(n),
                    'K' | 'J' => {
                        rows.resize(rows.len().max(row + 1), Vec::new());
                        let line = &mut rows[row];
                        match arg.as_str() {
                            "2" => line.clear(),
                            "1" => line.iter_mut().take(col + 1).for_each(|c| *c = ' '),
                            _ => line.truncate(col),
                        }
                        if op == 'J' && arg.is_empty() {
                            rows.truncate(row + 1);
                        }
                    }
                    _ => {}
                }
            }
            c if c.is_control() => {}
            c => {
                if col == width {
                    row += 1;
                    col = 0;
                }
                rows.resize(rows.len().max(row + 1), Vec::new());
                let line = &mut rows[row];
                line.resize(line.len().max(col + 1), ' ');
                line[col] = c;
                col += 1;
            }
        }
    }
    rows.iter()
        .map(|r| r.iter().collect::<String>().trim_end().to_string())
        .collect()
}

#[test]
fn rejections_stay_on_the_terminal_above_the_progress_bar() {
    // A terminal of 80 columns, as `script` gives one; without `script`,
    // there is no terminal to test with.
    let script = Command::new("script")
        .args(["-qec", "stty cols 80 rows 24 && test -t 2", "/dev/null"])
        .stdin(Stdio::null())
        .output();
    if !script.is_ok_and(|o| o.status.success()) {
        eprintln!("no `script` giving a terminal: test skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let mut bad = Vec::new();
    let lines: String = (1..=5000)
        .map(|i| {
            if i % 400 == 300 {
                bad.push(i);
                format!("{{\"id\":\"b{i}\",\"title\":\"no text\"}}\n")
            } else {
                format!("{{\"id\":\"a{i}\",\"title\":\"Giá lúa tăng\",\"text\":\"Thương lái thu mua lúa {i}.\"}}\n")
            }
        })
        .collect();
    std::fs::write(&input, lines).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("agrivn");
    let command = format!(
        "stty cols 80 rows 24 && exec '{}' tag --threads 2 '{}' > /dev/null",
        bin.display(),
        input.display()
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("TERM", "xterm")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("articles"), "a progress bar was shown: {shown:?}");
    let rows = terminal_rows(&shown, 80);
    for i in &bad {
        let message = format!(
            "agrivn: {}:{i}: rejected: no string field \"text\"",
            input.display()
        );
        // The message may wrap at the last column, never be cut or erased.
        let lines = message.chars().count().div_ceil(80);
        let visible = rows.windows(lines).any(|w| w.concat() == message);
        assert!(visible, "line {i} reported on the terminal:\n{}", rows.join("\n"));
    }
    assert!(
        rows.iter()
            .any(|r| r.starts_with("agrivn tag: read 5000 tagged 4988 rejected 12")),
        "{}",
        rows.join("\n")
    );
}

#[test]
fn rejects_hold_each_line_as_read() {
    let dir = tempfile::tempdir().unwrap();
    // A byte-order mark and CRLF line breaks (as Windows tools write
    // them), a line of a lone CR, a last line without a line break.
    let input = dir.path().join("in.jsonl");
    let bad = b"\xef\xbb\xbf{\"id\":1,\"text\":5}\r\n{\"id\":2,\"text\":\"a\"\r\n\r\n".to_vec();
    let good = "{\"id\":4,\"text\":\"Giá lúa tăng\"}\r\n";
    let mut all = bad.clone();
    all.extend_from_slice(good.as_bytes());
    all.extend_from_slice(b"{oops\r");
    std::fs::write(&input, &all).unwrap();
    let rejects = dir.path().join("rejects.jsonl");
    let out = agrivn()
        .args(["tag", "--quiet", "--rejects"])
        .arg(&rejects)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut want = bad;
    want.extend_from_slice(b"{oops\r\n");
    assert_eq!(
        String::from_utf8_lossy(&std::fs::read(&rejects).unwrap()),
        String::from_utf8_lossy(&want),
        "each rejected line byte for byte"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("read 5 tagged 1 rejected 4"), "{stderr}");
}

#[test]
fn max_record_bytes_counts_the_record_without_its_cr_and_byte_order_mark() {
    // A record of 100 bytes is within --max-record-bytes 100 whatever its
    // line break, and after a byte-order mark; one of 101 is not.
    let dir = tempfile::tempdir().unwrap();
    let record = |n: usize| format!("{{\"id\":1,\"text\":\"{}\"}}", "x".repeat(n - 18));
    assert_eq!(record(100).len(), 100);
    for (framing, name) in [
        (("", "\n"), "lf"),
        (("", "\r\n"), "crlf"),
        (("\u{feff}", "\r\n"), "bom"),
    ] {
        let path = dir.path().join(format!("{name}.jsonl"));
        for (n, tagged) in [(100, 1), (101, 0)] {
            std::fs::write(&path, format!("{}{}{}", framing.0, record(n), framing.1)).unwrap();
            let out = agrivn()
                .args(["tag", "--quiet", "--max-record-bytes", "100"])
                .arg(&path)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains(&format!("read 1 tagged {tagged} rejected {}", 1 - tagged)),
                "{name}, {n} bytes: {stderr}"
            );
            if tagged == 0 {
                assert!(
                    stderr.contains("record of 101 bytes exceeds the limit of 100 bytes"),
                    "{stderr}"
                );
            }
        }
    }
}

/// `agrivn tag` reading a pipe that stays open, after three articles were
/// written to it, and the first three lines it writes (waiting at most a
/// minute for them: generous, since the test is that they come at all
/// before the input ends).
fn tag_three_articles_from_an_open_pipe() -> (std::process::Child, std::process::ChildStdin, Vec<String>) {
    use std::io::{BufRead, Write};
    use std::process::Stdio;
    let mut child = agrivn()
        .args(["tag", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..3 {
        let article = "\"title\":\"Giá lúa tăng\",\"text\":\"Thương lái thu mua lúa.\"";
        writeln!(stdin, "{{\"id\":\"{i}\",{article}}}").unwrap();
    }
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = std::io::BufReader::new(stdout).lines();
        for _ in 0..3 {
            let line = lines.next().unwrap().unwrap();
            tx.send(line).unwrap();
        }
    });
    let wait = std::time::Duration::from_secs(60);
    let got = (0..3)
        .map(|_| rx.recv_timeout(wait).expect("a tagged line"))
        .collect();
    (child, stdin, got)
}

#[test]
fn articles_from_a_pipe_are_written_before_the_input_ends() {
    let (child, stdin, got) = tag_three_articles_from_an_open_pipe();
    for (i, line) in got.iter().enumerate() {
        assert!(line.starts_with(&format!("{{\"id\":\"{i}\"")), "{line}");
        assert!(line.contains("\"agri\":true"), "{line}");
    }
    drop(stdin);
    assert!(child.wait_with_output().unwrap().status.success());
}

#[cfg(unix)]
#[test]
fn a_signal_ends_the_run_with_what_was_tagged_written_and_summed_up() {
    // Once the three are written, while it waits for more input: Ctrl-C.
    let (mut child, stdin, _) = tag_three_articles_from_an_open_pipe();
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    if !killed.is_ok_and(|s| s.success()) {
        eprintln!("no kill command: skipped");
        child.kill().unwrap();
        child.wait().unwrap();
        return;
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("read 3 tagged 3"), "{stderr}");
    assert!(stderr.contains("stopped by a signal"), "{stderr}");
    drop(stdin);
}

#[test]
fn normalize_twice_is_normalize_once_line_for_line() {
    let input = "\rb\na\u{b}\u{c}b\nx\u{2028}\n\u{2029}Giá  lúa\u{85}tăng \nx \u{301} y\n";
    for options in [&[][..], &["--strip-diacritics"], &["--fold"]] {
        let args = |o: &[&'static str]| [&["normalize"][..], o].concat();
        let once = agrivn_with_stdin(&args(options), input).stdout;
        let twice = agrivn_with_stdin(&args(options), once.clone()).stdout;
        assert_eq!(
            String::from_utf8_lossy(&twice),
            String::from_utf8_lossy(&once),
            "{options:?}"
        );
        assert_eq!(once.iter().filter(|&&b| b == b'\n').count(), 5, "{options:?}");
    }
}

#[test]
fn gold_files_are_read_as_every_input_and_bad_bytes_are_named_by_line() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m.bin");
    let train = |gold: &std::path::Path| {
        agrivn()
            .args(["train", "segment", "--gold"])
            .arg(gold)
            .arg("--out")
            .arg(&model)
            .output()
            .unwrap()
    };
    let gold = "Nông_dân thu_hoạch lúa .\nGiá lúa tăng .\n";
    let gz = dir.path().join("gold.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    enc.write_all(gold.as_bytes()).unwrap();
    enc.finish().unwrap();
    let run = train(&gz);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    for (name, bad, said) in [
        (
            "latin1.gold",
            &b"n\xf4ng_d\xe2n\n"[..],
            "latin1.gold:3: not valid UTF-8",
        ),
        (
            "underscores.gold",
            "nông_dân __ thu_hoạch\n".as_bytes(),
            "underscores.gold:3: the word \"__\"",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, [gold.as_bytes(), bad].concat()).unwrap();
        let run = train(&path);
        assert_eq!(run.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(said), "{stderr}");
    }
}

#[test]
fn normalize_auto_reads_a_line_it_cannot_settle_in_the_encoding_of_the_lines_before() {
    let vni = agrivn::normalize::legacy::encode(
        "Giá lúa hôm nay tăng mạnh.\nHợp tác xã thu mua lúa của nông dân.\n",
        agrivn::normalize::Encoding::Vni,
    )
    .unwrap();
    let input = [&vni[..], b"Farmers said \x93hello\x94.\n"].concat();
    let out = agrivn_with_stdin(&["normalize", "--encoding", "auto"], input);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with("Farmers said “hello”.\n"), "{text}");
    assert!(text.starts_with("Giá lúa hôm nay tăng mạnh.\n"), "{text}");
}

#[test]
fn segment_jsonl_spans_count_the_bytes_of_a_line_that_is_not_utf8() {
    let line = b"l\xc3\xbaa g\xff\xfeo t\xc4\x83ng\n".to_vec();
    let out = agrivn_with_stdin(&["segment", "--format", "jsonl"], line.clone());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tokens = json["tokens"].as_array().unwrap();
    let last = tokens.last().unwrap();
    let (start, end) = (
        last["start"].as_u64().unwrap() as usize,
        last["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&line[start..end], "tăng".as_bytes());
    assert!(String::from_utf8_lossy(&out.stderr).contains("decoded lossily"));
}
