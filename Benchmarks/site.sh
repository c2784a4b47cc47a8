#!/usr/bin/env bash
# Whole-site build: flightdeck (release build) against Hugo on the same content, in one run.
#
# Generates N releases (default 300), each with release.yaml, notes.md (~1,500 words of Markdown),
# a checklist, sign-offs and a JUnit file of 200 test cases, and a Hugo site with the same three
# pages per release (notes, checklist and sign-offs as Markdown) and minimal layouts. Flightdeck
# also parses the XML, computes figures and the verdict, draws charts and uses a full theme.
# Prints wall times (best of 5) of a clean build and of a rebuild, and the ratios. Usage: Benchmarks/site.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-300}
WORK=$(mktemp -d /tmp/flightdeck-site-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)"; exit 1; }
BIN=${FLIGHTDECK_BIN:-.build/release/flightdeck}   # FLIGHTDECK_BIN=path uses an existing release binary
[ -n "${FLIGHTDECK_BIN:-}" ] || swift build -c release --product flightdeck >/dev/null
python3 Benchmarks/generate_site.py "$N" "$WORK/fd" "$WORK/hugo"
best() {  # best wall time of 5 runs, in seconds; PREPARE runs untimed before each
  local best=999999
  for _ in 1 2 3 4 5; do
    local start end
    eval "$PREPARE"
    start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
    best=$(python3 -c "print(min($best, $end - $start))")
  done
  echo "$best"
}
# Clean: no output from an earlier build (a fresh CI checkout). Rebuild: the same site built again (preview, CI cache).
PREPARE="rm -rf '$WORK/fd/public' '$WORK/fd/.public.previous' '$WORK/fd/.flightdeck-cache'"
FD_CLEAN=$(best "$BIN" build --source "$WORK/fd" --quiet)
PREPARE="rm -rf '$WORK/hugo/public'"
HUGO_CLEAN=$(best hugo --source "$WORK/hugo" --quiet --destination "$WORK/hugo/public")
PREPARE=":"
FD=$(best "$BIN" build --source "$WORK/fd" --quiet)
HUGO=$(best hugo --source "$WORK/hugo" --quiet --destination "$WORK/hugo/public")
FDPAGES=$(find "$WORK/fd/public" -name '*.html' | wc -l)
HUGOPAGES=$(find "$WORK/hugo/public" -name '*.html' | wc -l)
"$BIN" build --source "$WORK/fd" --verbose 2>&1 | grep '^Stage times' || true
python3 - "$N" "$FD_CLEAN" "$HUGO_CLEAN" "$FD" "$HUGO" "$FDPAGES" "$HUGOPAGES" <<'PY'
import sys
n, fdc, hugoc, fd, hugo = int(sys.argv[1]), *map(float, sys.argv[2:6])
fdp, hp = int(sys.argv[6]), int(sys.argv[7])
print(f"releases: {n}, pages: flightdeck {fdp}, hugo {hp}")
print(f"             {'flightdeck':>11} {'hugo':>9}  ratio hugo/flightdeck")
for label, f, h in (("clean build", fdc, hugoc), ("rebuild", fd, hugo)):
    print(f"{label:12} {f*1000:8.0f} ms {h*1000:6.0f} ms  {h/f:.2f}x ({'flightdeck faster' if f < h else 'hugo faster'})")
PY
