#!/bin/sh
# Ingest benchmark: Flightdeck (release build) side by side with Python peers, ratios printed.
#   1. JUnit, 100,000 testcases: JUnitReader + TestAnalysis  vs  xml.etree.ElementTree parse + count.
#   2. Baseline CSV, 1,000,000 rows: BaselineReader + BaselineAnalysis  vs  csv module + per-type sums.
#      (and, for reference, CSV.swift doing the Python peer's sums)
#   3. JUnit, ~200 MB (100,000 testcases with 2 KB of output each): time and peak memory of both.
# Usage: Benchmarks/ingest.sh [REPEATS]   (inputs go to ${BENCH_DIR:-/tmp/flightdeck-ingest-bench})
set -e
cd "$(dirname "$0")/.."
REPEATS=${1:-3}
DIR=${BENCH_DIR:-/tmp/flightdeck-ingest-bench}
PEERS=Benchmarks/ingest-peers
mkdir -p "$DIR"
[ -f "$DIR/junit-100k.xml" ] || python3 $PEERS/generate.py junit "$DIR/junit-100k.xml" 100000
[ -f "$DIR/baseline-1m.csv" ] || python3 $PEERS/generate.py baseline "$DIR/baseline-1m.csv" 1000000
[ -f "$DIR/junit-200mb.xml" ] || python3 $PEERS/generate.py junit "$DIR/junit-200mb.xml" 100000 2000
FLIGHTDECK_NO_SERVER=1 swift build -c release --product IngestBench >/dev/null
BIN=$(FLIGHTDECK_NO_SERVER=1 swift build -c release --show-bin-path)/IngestBench

field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
compare() { # label swift-line python-line
    s=$(field "$2" best); p=$(field "$3" best); sc=$(field "$2" cpu); pc=$(field "$3" cpu)
    sm=$(field "$2" peak_rss_mb); pm=$(field "$3" peak_rss_mb)
    echo "  $2"
    echo "  $3"
    python3 -c "print(f'  => {\"$1\"}: Python/Swift ratio {$pc/$sc:.2f}x in CPU time (Swift {$sc:.3f}s, Python {$pc:.3f}s), {$p/$s:.2f}x in wall time; peak memory Swift {$sm:.0f} MB, Python {$pm:.0f} MB')"
}
echo "Ingest benchmark ($(date -u +%Y-%m-%dT%H:%MZ), best of $REPEATS, $(nproc) cores, load $(cut -d\  -f1 /proc/loadavg))"
echo "1. JUnit, 100,000 testcases ($(du -h "$DIR/junit-100k.xml" | cut -f1))"
compare "junit 100k" "$("$BIN" junit "$DIR/junit-100k.xml" "$REPEATS")" "$(python3 $PEERS/junit_etree.py "$DIR/junit-100k.xml" "$REPEATS")"
echo "2. Baseline CSV, 1,000,000 rows ($(du -h "$DIR/baseline-1m.csv" | cut -f1))"
compare "baseline 1M" "$("$BIN" baseline "$DIR/baseline-1m.csv" "$REPEATS")" "$(python3 $PEERS/baseline_csv.py "$DIR/baseline-1m.csv" "$REPEATS")"
echo "   For reference, CSV.swift (the CSV package first used) reading the same file and doing the Python sums, one run:"
echo "  $("$BIN" csvswift "$DIR/baseline-1m.csv" 1)"
echo "3. JUnit, large file ($(du -h "$DIR/junit-200mb.xml" | cut -f1)), one run each"
compare "junit 200 MB" "$("$BIN" junit "$DIR/junit-200mb.xml" 1)" "$(python3 $PEERS/junit_etree.py "$DIR/junit-200mb.xml" 1)"
