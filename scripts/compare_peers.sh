#!/usr/bin/env bash
# Word segmentation: agrivn against pyvi and underthesea, on the same gold
# files, scored by the same scorer (../shared/tools/seg_score.py), and their
# speed on the same text on one core; and normalization against underthesea's
# text_normalize on the conformance cases it can be asked to pass.
#
# usage: scripts/compare_peers.sh
#
# Needs ../shared (the UD corpora and the scorer), python3 with venv, and
# PyPI: the peers are installed, at pinned versions, into a virtual
# environment under target/ (PEERS_VENV to put it elsewhere). Nothing is
# written to the repository; the segmented files go to a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."

shared=../shared
[ -f "$shared/tools/seg_score.py" ] || { echo "$shared/tools/seg_score.py is missing" >&2; exit 1; }
venv=${PEERS_VENV:-target/peers-venv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --features cli --quiet
agrivn=target/release/agrivn

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet pyvi==0.1.1 underthesea==9.5.0

echo "== accuracy (word F1, seg_score.py)"
for corpus in ud-vtb/test ud-tuecl/test; do
    raw=$shared/corpora/$corpus.raw
    gold=$shared/corpora/$corpus.gold
    name=${corpus//\//_}
    "$agrivn" segment --threads 1 < "$raw" > "$work/agrivn.$name"
    printf '%s agrivn: ' "$corpus"
    python3 "$shared/tools/seg_score.py" "$gold" "$work/agrivn.$name" 2>&1 \
        | grep -E '^(sentences|P )' | tr '\n' ' '
    echo
    for tool in pyvi underthesea; do
        "$venv/bin/python" scripts/peer_segment.py "$tool" "$raw" "$work/$tool.$name" 2>/dev/null
        printf '%s %s: ' "$corpus" "$tool"
        python3 "$shared/tools/seg_score.py" "$gold" "$work/$tool.$name" 2>&1 \
            | grep -E '^(sentences|P )' | tr '\n' ' '
        echo
    done
done

echo "== speed, one core: UD VTB test text 100 times over"
for _ in $(seq 100); do cat "$shared/corpora/ud-vtb/test.raw"; done > "$work/speed.txt"
bytes=$(wc -c < "$work/speed.txt")
start=$(date +%s.%N)
"$agrivn" segment --threads 1 < "$work/speed.txt" > /dev/null
end=$(date +%s.%N)
python3 -c "b=$bytes; s=$end-$start; print(f'agrivn: {b} bytes in {s:.2f} s, {b/s/1e6:.2f} MB/s (start-up and dictionary included)')"
for tool in pyvi underthesea; do
    "$venv/bin/python" scripts/peer_segment.py "$tool" "$work/speed.txt" /dev/null
done

echo "== normalization conformance (../shared/normalization/cases.jsonl)"
"$agrivn" eval normalize --cases "$shared/normalization/cases.jsonl" | tail -1
"$venv/bin/python" scripts/peer_normalize.py "$shared/normalization/cases.jsonl" 2>/dev/null
