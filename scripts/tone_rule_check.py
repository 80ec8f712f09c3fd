#!/usr/bin/env python3
"""Check `agrivn normalize --tone-style` against a second, independent reading
of ../shared/normalization/TONE_RULE.md, on every syllable agrivn knows.

usage: python3 scripts/tone_rule_check.py [AGRIVN] [NEWS.jsonl]

AGRIVN defaults to the repository's target/release/agrivn (build it with
`cargo build --release --features cli`). The syllables are those of the word
lists under data/dict/ and, when it is there, of ../shared/articles/news.jsonl
(both found from the script's place, wherever it is run from).
Each syllable is written with each of the five tones on each of its vowels, in
lower case, capitalized and upper case; the rule below says where the tone
goes (or that the word is not a Vietnamese syllable and stays as it is), and
every line agrivn writes must agree, in both styles. Standard library only.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata as ud

TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
VOWELS = set("aăâeêioôơuưy")
SHAPED = set("ăâêôơư")
INITIALS = ["ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu"] + list(
    "bcdđghklmnpqrstvx"
)
CLUSTERS = set(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo "
    "ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê iêu yêu oai oay oao oeo uây uôi uya uyê uyu "
    "ươi ươu".split()
)
# A glide or an open diphthong ends the rhyme: no final consonant after it.
OPEN_ONLY = set(
    "ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu oai oay oao oeo uây uôi uyu ươi ươu "
    "iêu yêu ia ua ưa uya uơ".split()
)
# Only before a final consonant (the long oo only before ng and c).
CLOSED_ONLY = set("ă â oă uâ iê yê uô ươ uyê oo".split())


def split_tone(word):
    d = ud.normalize("NFD", word)
    tones = [c for c in d if c in TONES]
    return ud.normalize("NFC", "".join(c for c in d if c not in TONES)), tones


def parse(low):
    """(initial, vowel cluster, final) of a lower-case word without tone, or None."""
    for initial in INITIALS + [""]:
        if not low.startswith(initial):
            continue
        rest = low[len(initial):]
        if initial in ("gi", "qu") and not (rest and rest[0] in VOWELS):
            continue
        m = re.fullmatch(r"([aăâeêioôơuưy]+)(ch|ng|nh|c|m|n|p|t)?", rest)
        if m:
            return initial, m.group(1), m.group(2) or ""
    return None


def is_syllable(initial, cluster, final):
    if cluster not in CLUSTERS:
        return False
    if not final:
        return cluster not in CLOSED_ONLY
    if cluster == "oo":
        return final in ("ng", "c")
    return cluster not in OPEN_ONLY


def tone_place(cluster, final, style):
    """Index in the cluster of the letter that takes the tone."""
    shaped = [i for i, c in enumerate(cluster) if c in SHAPED]
    if shaped:
        return shaped[-1]
    if len(cluster) == 1:
        return 0
    if cluster[:2] in ("oa", "oe", "uy", "oo"):
        if style == "classic" and not final and cluster in ("oa", "oe", "uy"):
            return 0
        return 1
    return 0


def expected(word, style):
    base, tones = split_tone(word)
    parts = parse(base.lower()) if len(tones) == 1 else None
    if not parts or not is_syllable(*parts):
        return ud.normalize("NFC", word)
    initial, cluster, final = parts
    k = len(initial) + tone_place(cluster, final, style)
    return ud.normalize("NFC", base[: k + 1] + tones[0] + base[k + 1:])


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def syllables(news):
    words = set()
    for path in glob.glob(os.path.join(ROOT, "data", "dict", "*.txt")):
        for line in open(path, encoding="utf-8"):
            if not line.startswith("#"):
                words.update(line.split())
    if news and os.path.exists(news):
        for line in open(news, encoding="utf-8"):
            a = json.loads(line)
            words.update(re.findall(r"\w+", (a.get("title") or "") + " " + a["text"]))
    out = set()
    for w in words:
        base, _ = split_tone(ud.normalize("NFC", w.lower()))
        parts = parse(base) if base.isalpha() else None
        if parts and parts[1] in CLUSTERS:
            out.add((base, parts))
    return out


def inputs(news):
    seen = set()
    for base, (initial, cluster, _) in syllables(news):
        for tone in TONES:
            for i in range(len(cluster)):
                k = len(initial) + i
                w = ud.normalize("NFC", base[: k + 1] + tone + base[k + 1:])
                seen.update((w, w.upper(), w[:1].upper() + w[1:]))
    return sorted(seen)


def main():
    agrivn = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "agrivn")
    news = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "articles", "news.jsonl")
    words = inputs(news)
    if not words:
        sys.exit(f"no syllables found under {ROOT}/data/dict")
    failed = 0
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as f:
        f.write("\n".join(words) + "\n")
        f.flush()
        for style in ("main_vowel", "classic"):
            flag = style.replace("_", "-")
            out = subprocess.run(
                [agrivn, "normalize", "--tone-style", flag, f.name],
                capture_output=True, text=True, check=True,
            ).stdout.split("\n")[: len(words)]
            bad = [(w, o, expected(w, style)) for w, o in zip(words, out) if o != expected(w, style)]
            failed += len(bad)
            print(f"{style}: {len(words) - len(bad)}/{len(words)} agree")
            for w, o, e in bad[:20]:
                print(f"  {w!r}: agrivn {o!r}, rule {e!r}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
