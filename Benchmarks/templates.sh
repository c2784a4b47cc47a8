#!/usr/bin/env bash
# Template engine benchmark: Flightdeck (release build) and Python Jinja2 3.1 render the same report-sized
# template (a layout with blocks, a macro file and a 10,000-row test table with filters) from the same JSON,
# in one run; prints both times per render, the ratio, peak memory, and checks that the outputs are identical.
#
# Usage: Benchmarks/templates.sh [ROWS] [ITERATIONS]     (defaults: 10000 rows, 20 timed renders each)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-10000}"
ITERATIONS="${2:-20}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [ ! -x /usr/bin/time ]; then
    echo "Installing GNU time for peak-memory figures..."
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time </dev/null
fi

FLIGHTDECK_NO_SERVER=1 swift build -c release --product TemplatesBench >/dev/null
BENCH="$(FLIGHTDECK_NO_SERVER=1 swift build -c release --product TemplatesBench --show-bin-path)/TemplatesBench"
"$BENCH" prepare "$WORK" "$ROWS"

cat > "$WORK/jinja_bench.py" <<'PY'
import json, pathlib, statistics, sys, time
import jinja2
folder, iterations = pathlib.Path(sys.argv[1]), int(sys.argv[2])
t0 = time.perf_counter()
context = json.loads((folder / "context.json").read_text(encoding="utf-8"))
load = time.perf_counter() - t0
env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True, undefined=jinja2.StrictUndefined)
t0 = time.perf_counter()
output = env.get_template("report.html").render(context)
first = time.perf_counter() - t0
(folder / "jinja2.html").write_text(output, encoding="utf-8")
wall, cpu = [], []
for _ in range(iterations):
    t0, c0 = time.perf_counter(), time.process_time()
    env.get_template("report.html").render(context)
    cpu.append((time.process_time() - c0) * 1000)
    wall.append((time.perf_counter() - t0) * 1000)
wall.sort()
cpu.sort()
print(f"jinja2: json load {load * 1000:.1f} ms, first render (compile + render) {first * 1000:.2f} ms, "
      f"render median {wall[len(wall) // 2]:.2f} ms (min {wall[0]:.2f}), cpu median {cpu[len(cpu) // 2]:.2f} ms (min {cpu[0]:.2f}) "
      f"over {iterations}, output {len(output.encode())} bytes")
PY

echo "== $ROWS rows, $ITERATIONS timed renders each (after one untimed first render)"
/usr/bin/time -f "flightdeck peak memory: %M KiB" "$BENCH" bench "$WORK" "$ITERATIONS" 2>&1 | tee "$WORK/flightdeck.txt"
/usr/bin/time -f "jinja2 peak memory: %M KiB" python3 "$WORK/jinja_bench.py" "$WORK" "$ITERATIONS" 2>&1 | tee "$WORK/jinja2.txt"

if cmp -s "$WORK/flightdeck.html" "$WORK/jinja2.html"; then
    echo "outputs: identical ($(wc -c < "$WORK/flightdeck.html") bytes)"
else
    echo "outputs: DIFFERENT"; diff <(head -c 4000 "$WORK/flightdeck.html") <(head -c 4000 "$WORK/jinja2.html") | head -20; exit 1
fi
figure() { sed -n "s/.*$2 median \([0-9.]*\) ms.*/\1/p" "$1"; }
for kind in render cpu; do
    awk -v f="$(figure "$WORK/flightdeck.txt" $kind)" -v j="$(figure "$WORK/jinja2.txt" $kind)" -v k="$kind" \
        'BEGIN { printf "ratio (%s time median): Jinja2 %.2f ms / Flightdeck %.2f ms = %.1fx faster per render\n", (k == "cpu" ? "CPU" : "wall"), j, f, j / f }'
done
