#!/usr/bin/env bash
# Charts benchmark: ChartsBench (release build) beside pygal rendering the same report charts and a 100,000-point line.
# Usage: Benchmarks/charts.sh [ITERATIONS]   (default 200 for Swift, a tenth of that for pygal)
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-200}"
python3 -c "import pygal" 2>/dev/null || python3 -m pip install --quiet pygal
FLIGHTDECK_NO_SERVER=1 swift build -c release --product ChartsBench >/dev/null
swift_out="$(.build/release/ChartsBench bench "$iterations")"
peer_out="$(python3 Benchmarks/charts_peer.py "$(( iterations / 10 > 2 ? iterations / 10 : 2 ))")"
echo "== Swift (FlightdeckCharts, release)"
echo "$swift_out" | grep -v '^RESULT'
echo "== Peer (pygal)"
echo "$peer_out" | grep -v '^RESULT'
value() { echo "$1" | grep '^RESULT' | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{b / a:.1f}x' if a > 0 else 'n/a')" "$1" "$2"; }
echo "== Ratios (pygal / Swift; higher means Swift is faster or smaller)"
echo "report render time: $(ratio "$(value "$swift_out" report_ms)" "$(value "$peer_out" report_ms)")"
echo "report output size: $(ratio "$(value "$swift_out" report_bytes)" "$(value "$peer_out" report_bytes)")"
echo "100k line time:     $(ratio "$(value "$swift_out" huge_ms)" "$(value "$peer_out" huge_ms)")"
echo "100k line size:     $(ratio "$(value "$swift_out" huge_bytes)" "$(value "$peer_out" huge_bytes)")"
echo "== Every chart of the example site (content/), drawn by the pipeline's chart mapping"
.build/release/ChartsBench site . "$iterations" | grep -v '^RESULT'

