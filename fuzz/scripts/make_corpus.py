#!/usr/bin/env python3
"""Build temporary seed corpora from a JSON Lines file of articles.

Usage: make_corpus.py NEWS_JSONL OUT_DIR [N]

Writes OUT_DIR/<target>/<k> for the targets normalize, legacy_decode,
segment, tag and jsonl from the first N (default 300) articles. OUT_DIR
should be outside the repository (e.g. /tmp/agrivn-corpus): the articles
are not part of agrivn.
"""
import json
import os
import sys


def cut(b: bytes, n: int) -> bytes:
    """At most n bytes, on a UTF-8 boundary."""
    if len(b) <= n:
        return b
    b = b[:n]
    while b and (b[-1] & 0xC0) == 0x80:
        b = b[:-1]
    return b[:-1] if b and b[-1] >= 0xC0 else b


def cp1252_view(b: bytes) -> bytes:
    """UTF-8 bytes read as Windows-1252 and written back as UTF-8."""
    return b.decode("cp1252", errors="replace").encode("utf-8")


def main() -> None:
    src, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    lines = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                lines.append(line.rstrip("\n"))
            if len(lines) >= n:
                break
    dirs = {t: os.path.join(out, t) for t in ["normalize", "legacy_decode", "segment", "tag", "jsonl"]}
    for d in dirs.values():
        os.makedirs(d, exist_ok=True)

    def put(target: str, name: str, data: bytes) -> None:
        with open(os.path.join(dirs[target], name), "wb") as f:
            f.write(data)

    for k, line in enumerate(lines):
        a = json.loads(line)
        title = (a.get("title") or "").encode()
        text = (a.get("text") or "").encode()
        put("normalize", f"{k}", cut(title + b"\n" + text, 1024))
        put("segment", f"{k}", cut(text, 4096))
        put("tag", f"{k}", cut(title, 512) + b"\0" + cut(text, 4000))
        put("legacy_decode", f"{k}", cut(title, 512))
        put("legacy_decode", f"{k}-mojibake", cut(cp1252_view(cut(title, 256)), 1024))
        if k % 3 == 0:
            put("jsonl", f"{k}", "\n".join(lines[k : k + 3]).encode()[:8192])


if __name__ == "__main__":
    main()
