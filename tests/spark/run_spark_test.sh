#!/usr/bin/env bash
# End-to-end test of examples/spark/tag_archive.py on a local Spark (local[2]).
#
#   tests/spark/run_spark_test.sh          (from anywhere; CI: AGRIVN_SPARK_TEST=1)
#
# Steps, each timed: a Python venv with pyspark under target/spark-venv
# (reused when it already has the right pyspark), `cargo build --release
# --features cli`, a test archive of a few thousand articles made from
# ../shared/articles/news.jsonl (with three bad lines), tag_archive.py run with
# spark-submit --master local[2] (once with the binary shipped by --files and
# found with SparkFiles.get, once through PySpark's RDD.pipe), `agrivn tag` run
# directly on the same input, and tests/spark/check_spark_output.py comparing
# them. Exits non-zero on any difference.
#
# Needs: python3 with venv, Java 17 (or 8/11) on PATH, cargo, and PyPI the first
# time. Environment:
#   AGRIVN_PYSPARK_VERSION  pyspark to install (default 3.5.8; 3.5.x runs on Java 8/11/17)
#   AGRIVN_SHARED           the shared data folder (default: ../shared next to the repository)
#   AGRIVN_SPARK_TIMEOUT    seconds allowed to each Spark run (default 900)

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

PYSPARK_VERSION="${AGRIVN_PYSPARK_VERSION:-3.5.8}"
SHARED="${AGRIVN_SHARED:-$ROOT/../shared}"
NEWS="$SHARED/articles/news.jsonl"
TIMEOUT="${AGRIVN_SPARK_TIMEOUT:-900}"
VENV="$ROOT/target/spark-venv"
WORK="$ROOT/target/spark-test"
CHECK="$ROOT/tests/spark/check_spark_output.py"

die() { echo "run_spark_test: $*" >&2; exit 1; }

# --- timing -----------------------------------------------------------------
TIMINGS=()
step_start() { STEP="$1"; T0=$(date +%s.%N); echo "==> $STEP"; }
step_end() {
    local t
    t=$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    TIMINGS+=("$(printf '%-38s %7s s' "$STEP" "$t")")
    echo "    $STEP: ${t} s"
}
report() {
    local rc=$?
    if [ "${#TIMINGS[@]}" -gt 0 ]; then
        echo "--- elapsed time per step"
        printf '    %s\n' "${TIMINGS[@]}"
    fi
    if [ "$rc" -eq 0 ]; then echo "run_spark_test: PASSED"; else echo "run_spark_test: FAILED (status $rc)"; fi
}
trap report EXIT

# --- prerequisites ----------------------------------------------------------
[ -f "$NEWS" ] || die "missing $NEWS: the test needs the shared article corpus (../shared next to the repository, or set AGRIVN_SHARED)"
command -v java >/dev/null || die "java not found on PATH: Spark needs Java 8, 11 or 17"
command -v python3 >/dev/null || die "python3 not found"
command -v cargo >/dev/null || die "cargo not found"
echo "java: $(java -version 2>&1 | head -1)"

# --- 1. venv + pyspark ------------------------------------------------------
step_start "venv + pip install pyspark"
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import sys, pyspark; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "    reusing $VENV (pyspark $PYSPARK_VERSION)"
else
    if ! [ -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "" 2>/dev/null; then
        python3 -m venv --clear "$VENV" || die "python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
    fi
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION" \
        || die "pip install pyspark==$PYSPARK_VERSION failed (is PyPI reachable?)"
fi
PY="$VENV/bin/python"
echo "    pyspark $("$PY" -c 'import pyspark; print(pyspark.__version__)') in $VENV"
step_end

# --- 2. build ---------------------------------------------------------------
step_start "cargo build --release --features cli"
cargo build --release --features cli
# Others may rebuild target/release/agrivn while the test runs: use a copy.
mkdir -p "$WORK/bin"
cp target/release/agrivn "$WORK/bin/agrivn"
AGRIVN="$WORK/bin/agrivn"
step_end

# --- 3. input ---------------------------------------------------------------
step_start "make the test input"
rm -rf "$WORK/input"
python3 "$CHECK" make-input "$NEWS" "$WORK/input"
INPUTS=("$WORK/input/news-1.jsonl" "$WORK/input/news-2.jsonl")
step_end

# --- 4. Spark runs ------------------------------------------------------------
export PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
unset SPARK_HOME  # the pip pyspark, not some other installation
SPARK_CONF=(--master "local[2]"
    --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false
    --conf spark.log.level=WARN --conf "spark.local.dir=$WORK/spark-tmp")
mkdir -p "$WORK/spark-tmp"

spark_run() {  # spark_run LABEL OUT [tag_archive args...]
    local label="$1" out="$2"; shift 2
    rm -rf "$out"
    local log="$WORK/$label.log"
    if ! timeout "$TIMEOUT" "$VENV/bin/spark-submit" "${SPARK_CONF[@]}" "$@" >"$log" 2>&1; then
        echo "    spark-submit failed or timed out; last lines of $log:"
        tail -40 "$log" | sed 's/^/    | /'
        die "the Spark run ($label) failed"
    fi
    grep -E '^(tag_archive:|\[partition [0-9]+\] agrivn)' "$log" | grep -v 'agrivn tag: topics:' | sed 's/^/    /' || true
}

step_start "spark run (--files, SparkFiles.get)"
spark_run spark-files "$WORK/out-files" --files "$AGRIVN" \
    examples/spark/tag_archive.py "$WORK/input/news-*.jsonl" "$WORK/out-files" --partitions 4
step_end

step_start "spark run (RDD.pipe)"
spark_run spark-rdd-pipe "$WORK/out-rdd-pipe" \
    examples/spark/tag_archive.py "$WORK/input" "$WORK/out-rdd-pipe" --partitions 3 \
    --binary "$AGRIVN" --use-rdd-pipe
step_end

# --- 5. direct run ----------------------------------------------------------
step_start "agrivn tag (direct)"
"$AGRIVN" tag --quiet "${INPUTS[@]}" >"$WORK/direct.jsonl" 2>"$WORK/direct.err" \
    || { cat "$WORK/direct.err"; die "agrivn tag failed"; }
grep '^agrivn tag: read' "$WORK/direct.err" | sed 's/^/    /'
step_end

# --- 6. check ---------------------------------------------------------------
step_start "check"
status=0
for out in out-files out-rdd-pipe; do
    python3 "$CHECK" check --label "$out" --input "${INPUTS[@]}" --direct "$WORK/direct.jsonl" \
        --spark "$WORK/$out" --expect-rejected 3 || status=1
done
# Every bad line must have been reported, not written.
for log in spark-files spark-rdd-pipe; do
    n=$(grep -c 'rejected: ' "$WORK/$log.log" || true)
    [ "$n" -ge 3 ] || { echo "    $log: expected 3 rejected-line reports on stderr, found $n"; status=1; }
done
step_end
exit "$status"
