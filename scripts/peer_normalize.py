#!/usr/bin/env python3
"""Score underthesea's text_normalize on the normalization conformance cases
it can be asked to pass.

usage: peer_normalize.py CASES.jsonl

text_normalize always writes the classic tone style and has no options, so
it is scored on the `normalize` cases without options or with
`tone_style: classic` only; per class, cases passed of cases tried.
"""
import collections
import json
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    from underthesea import text_normalize

    tried, passed = collections.Counter(), collections.Counter()
    for line in open(sys.argv[1], encoding="utf-8"):
        case = json.loads(line)
        options = case.get("options", {})
        if case["op"] != "normalize" or options not in ({}, {"tone_style": "classic"}):
            continue
        tried[case["class"]] += 1
        try:
            out = text_normalize(case["input"])
        except Exception:  # a crash is a failed case
            out = None
        passed[case["class"]] += out == case["expected"]
    for cls in sorted(tried):
        print(f"  {cls:<24} {passed[cls]}/{tried[cls]}")
    print(f"underthesea text_normalize: {sum(passed.values())}/{sum(tried.values())}")


if __name__ == "__main__":
    main()
