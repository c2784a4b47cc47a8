#!/usr/bin/env bash
# Whole-site build: flightdeck (release build) against Hugo on the same content, in one run.
#
# Generates N releases (default 300), each with release.yaml, notes.md (~1,500 words of Markdown),
# a checklist, sign-offs and a JUnit file of 200 test cases, and a Hugo site with the same three
# pages per release (notes, checklist and sign-offs as Markdown) and minimal layouts. Flightdeck
# also parses the XML, computes figures and the verdict, draws charts and uses a full theme.
# Prints wall times (best of 3) and the ratio. Usage: Benchmarks/site.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-300}
WORK=$(mktemp -d /tmp/flightdeck-site-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)"; exit 1; }
BIN=${FLIGHTDECK_BIN:-.build/release/flightdeck}   # FLIGHTDECK_BIN=path uses an existing release binary
[ -n "${FLIGHTDECK_BIN:-}" ] || swift build -c release --product flightdeck >/dev/null
python3 Benchmarks/generate_site.py "$N" "$WORK/fd" "$WORK/hugo"
best() {  # best wall time of 3 runs, in seconds
  local best=999999
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
    best=$(python3 -c "print(min($best, $end - $start))")
  done
  echo "$best"
}
FD=$(best "$BIN" build --source "$WORK/fd" --quiet)
HUGO=$(best hugo --source "$WORK/hugo" --quiet --destination "$WORK/hugo/public")
FDPAGES=$(find "$WORK/fd/public" -name '*.html' | wc -l)
HUGOPAGES=$(find "$WORK/hugo/public" -name '*.html' | wc -l)
python3 - "$N" "$FD" "$HUGO" "$FDPAGES" "$HUGOPAGES" <<'PY'
import sys
n, fd, hugo, fdp, hp = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f"releases: {n}")
print(f"flightdeck: {fd*1000:8.0f} ms  ({fdp} pages)")
print(f"hugo:       {hugo*1000:8.0f} ms  ({hp} pages)")
print(f"ratio hugo/flightdeck: {hugo/fd:.2f}x ({'flightdeck faster' if fd < hugo else 'hugo faster'})")
PY
