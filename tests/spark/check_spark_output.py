#!/usr/bin/env python3
"""Helpers for tests/spark/run_spark_test.sh (standard library only).

    check_spark_output.py make-input NEWS.jsonl FOLDER
        Write a test archive of a few thousand articles to FOLDER:
        news-1.jsonl (NEWS as it is, with three bad lines among the articles)
        and news-2.jsonl (every article again, in reverse order, id + "~2").

    check_spark_output.py check --input FILE... --direct DIRECT.jsonl --spark OUT
        Compare the output of examples/spark/tag_archive.py (OUT/articles,
        OUT/summary, OUT/topic_counts) with `agrivn tag` run directly on the
        same input. Exit 1 on any difference.

Checked: the Spark output has exactly the ids of the good input lines (JSON
objects with a string "text"), one line each; the ids of each input file come
out in that file's order; every record (agri, topics, agri_score and all
other fields) is the one of the direct run; the summary and topic counts
agree with the direct run.
"""

import argparse
import csv
import glob
import json
import os
import sys
from collections import Counter

BAD_LINES = {
    100: "",  # an empty line
    1000: '{"id": "bad-json", "title": "cắt ngang", "text": "dòng',  # truncated JSON
    1500: '{"id": "no-text", "title": "không có trường text"}',  # no "text"
}


def make_input(news, folder):
    with open(news, encoding="utf-8") as f:
        lines = f.read().splitlines()
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "news-1.jsonl"), "w", encoding="utf-8", newline="\n") as out:
        for i, line in enumerate(lines):
            if i in BAD_LINES:
                out.write(BAD_LINES[i] + "\n")
            out.write(line + "\n")
    with open(os.path.join(folder, "news-2.jsonl"), "w", encoding="utf-8", newline="\n") as out:
        for line in reversed(lines):
            obj = json.loads(line)
            obj["id"] = f"{obj['id']}~2"
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    n = len(lines)
    print(f"make-input: {folder}: {2 * n} articles and {len(BAD_LINES)} bad lines in 2 files")


def read_lines(path):
    """Lines as Spark's textFile and agrivn see them (no trailing empty line)."""
    with open(path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [line[:-1] if line.endswith(b"\r") else line for line in lines]


def good_id(line):
    """The id of a line agrivn tags, None for one it rejects."""
    try:
        obj = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return None
    return json.dumps(obj.get("id"), ensure_ascii=False)


def key(record):
    return json.dumps(record.get("id"), ensure_ascii=False)


def topic_ids(record):
    return sorted({t["id"] for t in record.get("topics") or []})


def read_csv_folder(folder):
    parts = sorted(glob.glob(os.path.join(folder, "part-*.csv")))
    if len(parts) != 1:
        raise SystemExit(f"check: expected one part-*.csv in {folder}, found {len(parts)}")
    with open(parts[0], encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def check(args):
    problems = []

    def fail(msg, examples=()):
        examples = list(examples)
        more = f" (first {min(len(examples), 10)} of {len(examples)}: {examples[:10]})" if examples else ""
        problems.append(msg + more)

    # The input: expected ids, per file in order.
    per_file = []
    input_records = 0
    for path in args.input:
        lines = read_lines(path)
        input_records += len(lines)
        per_file.append([i for i in map(good_id, lines) if i is not None])
    expected = [i for ids in per_file for i in ids]
    if len(set(expected)) != len(expected):
        raise SystemExit("check: the test input has duplicate ids; fix the input, not the code")
    expected_set = set(expected)

    # The direct run.
    direct = {}
    direct_order = []
    with open(args.direct, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            direct[key(rec)] = rec
            direct_order.append(key(rec))
    if set(direct) != expected_set or len(direct_order) != len(expected):
        fail("the direct run of agrivn tag does not have one line per good input line",
             sorted(expected_set.symmetric_difference(direct)))

    # The Spark output.
    parts = sorted(glob.glob(os.path.join(args.spark, "articles", "part-*")))
    if not parts:
        raise SystemExit(f"check: no part files in {args.spark}/articles")
    spark_order = []
    spark = {}
    raw_lines = []
    for part in parts:
        with open(part, "rb") as f:
            data = f.read()
        if data and not data.endswith(b"\n"):
            fail(f"{part} does not end with a line break")
        for n, raw in enumerate(data.splitlines(), 1):
            raw_lines.append(raw)
            try:
                rec = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as e:
                fail(f"{part}:{n}: not a JSON line ({e}): {raw[:120]!r}")
                continue
            if not isinstance(rec, dict):
                fail(f"{part}:{n}: not a JSON object")
                continue
            k = key(rec)
            spark_order.append(k)
            spark.setdefault(k, []).append(rec)

    dups = [k for k, recs in spark.items() if len(recs) > 1]
    if dups:
        fail("ids written more than once by Spark", dups)
    missing = sorted(expected_set - set(spark))
    extra = sorted(set(spark) - expected_set)
    if missing:
        fail("ids of the input missing from the Spark output", missing)
    if extra:
        fail("ids in the Spark output that are not good input lines", extra)

    # Order: the ids of each input file come out in the file's order.
    position = {k: i for i, k in enumerate(spark_order)}
    for path, ids in zip(args.input, per_file):
        seen = [k for k in ids if k in position]
        if [position[k] for k in seen] != sorted(position[k] for k in seen):
            bad = [a for a, b in zip(seen, seen[1:]) if position[a] > position[b]]
            fail(f"the Spark output is not in the order of {path}", bad)

    # Tags per id, then whole records.
    tag_diff, other_diff = [], []
    for k, recs in spark.items():
        d = direct.get(k)
        if d is None:
            continue
        s = recs[0]
        if s.get("agri") != d.get("agri") or s.get("topics") != d.get("topics"):
            tag_diff.append(k)
        elif s != d:
            other_diff.append(k)
    if tag_diff:
        fail("agri/topics differ between Spark and the direct run", tag_diff)
    if other_diff:
        fail("records differ (fields other than agri/topics) between Spark and the direct run", other_diff)

    # Summary and topic counts.
    agri = sum(1 for r in direct.values() if r.get("agri") is True)
    want_summary = {
        "input_records": input_records,
        "tagged": len(expected),
        "rejected": input_records - len(expected),
        "agricultural": agri,
    }
    if args.expect_rejected is not None and want_summary["rejected"] != args.expect_rejected:
        fail(f"the input has {want_summary['rejected']} bad lines, the test expects {args.expect_rejected}")
    rows = read_csv_folder(os.path.join(args.spark, "summary"))
    got_summary = {k: int(v) for k, v in rows[0].items()} if len(rows) == 1 else {}
    if got_summary != want_summary:
        fail(f"summary {got_summary} != expected {want_summary}")
    want_topics = Counter(t for r in direct.values() for t in topic_ids(r))
    got_topics = {r["topic"]: int(r["articles"]) for r in read_csv_folder(os.path.join(args.spark, "topic_counts"))}
    if got_topics != dict(want_topics):
        fail(f"topic counts {got_topics} != expected {dict(want_topics)}")

    # Informational: byte-for-byte comparison with the direct run when the
    # order of the files allows it.
    with open(args.direct, "rb") as f:
        direct_raw = f.read().splitlines()
    identical = "byte-identical" if raw_lines == direct_raw else "not byte-identical (file order may differ)"

    label = args.label or args.spark
    if problems:
        print(f"check [{label}]: FAILED")
        for p in problems:
            print(f"  - {p}")
        return 1
    print(f"check [{label}]: OK: {len(expected)} articles in {len(parts)} part files, "
          f"{want_summary['rejected']} rejected, {agri} agricultural, {len(want_topics)} topics; "
          f"output {identical} to the direct run")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make-input")
    m.add_argument("news")
    m.add_argument("folder")
    c = sub.add_parser("check")
    c.add_argument("--input", nargs="+", required=True, help="the input files, in the order Spark read them")
    c.add_argument("--direct", required=True, help="output of `agrivn tag` on the same input")
    c.add_argument("--spark", required=True, help="output folder of tag_archive.py")
    c.add_argument("--expect-rejected", type=int)
    c.add_argument("--label")
    args = p.parse_args()
    if args.cmd == "make-input":
        make_input(args.news, args.folder)
        return 0
    return check(args)


if __name__ == "__main__":
    sys.exit(main())
