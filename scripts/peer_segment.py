#!/usr/bin/env python3
"""Segment a text file, one sentence per line, with a Python word segmenter.

usage: peer_segment.py TOOL INPUT OUTPUT

TOOL is `pyvi` (ViTokenizer.tokenize) or `underthesea`
(word_tokenize(..., format="text")). Both write the syllables of a word joined
by `_` and words separated by spaces, as `agrivn segment` does, so the output
is scored by ../shared/tools/seg_score.py like agrivn's.

The model is loaded (one sentence segmented) before the clock starts, so the
speed printed on stderr is that of segmenting alone.
"""
import sys
import time


def segmenter(tool):
    if tool == "pyvi":
        from pyvi import ViTokenizer

        return ViTokenizer.tokenize
    if tool == "underthesea":
        from underthesea import word_tokenize

        return lambda s: word_tokenize(s, format="text")
    sys.exit(f"unknown tool {tool!r}: pyvi or underthesea")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    tool, src, dst = sys.argv[1:4]
    lines = open(src, encoding="utf-8").read().splitlines()
    segment = segmenter(tool)
    segment(lines[0] if lines else "")
    start = time.perf_counter()
    out = [segment(line) for line in lines]
    seconds = time.perf_counter() - start
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    print(
        f"{tool}: {size} bytes in {seconds:.2f} s, {size / seconds / 1e6:.2f} MB/s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
