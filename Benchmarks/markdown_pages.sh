#!/usr/bin/env bash
# Plain Markdown pages (issue #13): K pages (default 2,000) of about 1,500 words with one page template,
# Flightdeck (release build) against Hugo on the same text in the same run (Benchmarks/markdown_pages.py).
# Measures wall time, CPU time (user+sys) and peak RSS with /usr/bin/time, best (lowest wall) of R runs (5):
#   clean    no earlier output (Flightdeck: no public/ and no .public.previous/; Hugo: no public/)
#   rebuild  the same site built again over its own output
# Prints the table and the ratios Flightdeck/Hugo against the targets: wall time <= 0.5x Hugo's for both,
# peak memory below Hugo's. Usage: Benchmarks/markdown_pages.sh [K]   (FLIGHTDECK_BIN=path skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
K=${1:-2000}
RUNS=${RUNS:-5}
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)"; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)"; exit 1; }
WORK=$(mktemp -d /tmp/flightdeck-pages-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
BIN=${FLIGHTDECK_BIN:-.build/release/flightdeck}
[ -n "${FLIGHTDECK_BIN:-}" ] || swift build -c release --product flightdeck >/dev/null
python3 Benchmarks/markdown_pages.py "$K" "$WORK/fd" "$WORK/hugo"
echo "$K pages, $(du -sm "$WORK/fd/content" | cut -f1) MB of Markdown; $(hugo version | cut -d' ' -f1-2)"
: >"$WORK/results"
measure() {  # measure NAME PREPARE COMMAND...: best wall of $RUNS runs, with its CPU, and the highest peak RSS
  local name=$1 prepare=$2 best="" peak=0; shift 2
  for _ in $(seq "$RUNS"); do
    eval "$prepare"
    if ! /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >"$WORK/out" 2>&1; then
      echo "$name failed:"; cat "$WORK/out"; exit 1
    fi
    read -r wall user sys rss <"$WORK/time"
    [ "$rss" -gt "$peak" ] && peak=$rss
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $wall < ${best%% *} else 1)"; then best="$wall $user $sys"; fi
  done
  echo "$name $best $peak" >>"$WORK/results"
}
FD=("$BIN" build --source "$WORK/fd" --quiet)
HUGO=(hugo --source "$WORK/hugo" --quiet --destination "$WORK/hugo/public")
# Interleaved, so that both tools see the same load on a shared machine.
measure fd_clean "rm -rf '$WORK/fd/public' '$WORK/fd/.public.previous' '$WORK/fd/.flightdeck-cache'" "${FD[@]}"
measure hugo_clean "rm -rf '$WORK/hugo/public'" "${HUGO[@]}"
measure fd_rebuild ":" "${FD[@]}"
measure hugo_rebuild ":" "${HUGO[@]}"
echo "flightdeck stage times (rebuild): $("$BIN" build --source "$WORK/fd" --verbose 2>&1 | grep '^Stage times' | sed 's/^Stage times: //')"
echo "pages written: flightdeck $(find "$WORK/fd/public" -name '*.html' | wc -l), hugo $(find "$WORK/hugo/public" -name '*.html' | wc -l)"
python3 - "$WORK/results" <<'PY'
import sys
r = {}
for line in open(sys.argv[1]):
    name, wall, user, sys_, peak = line.split()
    r[name] = (float(wall), float(user) + float(sys_), int(peak) / 1024)
print(f"{'':12} {'flightdeck wall / CPU / peak':>30} {'hugo wall / CPU / peak':>28}   ratio fd/hugo: wall, CPU, peak")
for kind in ("clean", "rebuild"):
    f, h = r["fd_" + kind], r["hugo_" + kind]
    print(f"{kind:12} {f[0]:8.2f} s {f[1]:6.2f} s {f[2]:6.0f} MB {h[0]:8.2f} s {h[1]:6.2f} s {h[2]:5.0f} MB"
          f"   {f[0] / h[0]:.2f}x {f[1] / h[1]:.2f}x {f[2] / h[2]:.2f}x")
print("Targets (issue #13): wall <= 0.5x Hugo's, peak memory below Hugo's")
for kind in ("clean", "rebuild"):
    f, h = r["fd_" + kind], r["hugo_" + kind]
    print(f"  {kind}: wall {f[0] / h[0]:.2f}x: {'met' if f[0] <= 0.5 * h[0] else 'NOT MET'}; "
          f"peak {f[2]:.0f} MB vs {h[2]:.0f} MB: {'met' if f[2] < h[2] else 'NOT MET'}")
PY
