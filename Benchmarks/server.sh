#!/usr/bin/env bash
# Static serving: `flightdeck serve` (release build) against nginx serving the same public/ folder on
# loopback, in one run, with wrk; then the save-to-reload latency of `flightdeck serve`.
#
# The site is the repository's example site built by `flightdeck build`; while that build cannot succeed
# yet, a synthetic public/ of the same shape (home, release pages with inline SVG charts, CSS, SVG) is
# generated instead and served as the last good site. Traffic goes only to 127.0.0.1, every run is bounded.
#
# Usage: Benchmarks/server.sh            (DURATION=10s CONNECTIONS=50 THREADS=2 SAVES=20 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
SAVES=${SAVES:-20}
for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install $tool)"; exit 1; }
done

swift build -c release --product flightdeck >/dev/null
BIN=$PWD/.build/release/flightdeck
WORK=$(mktemp -d /tmp/flightdeck-server-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
chmod 755 "$WORK"
mkdir -p "$WORK/site"
cp -R flightdeck.yaml content templates "$WORK/site/" 2>/dev/null || true

if "$BIN" build --source "$WORK/site" --quiet >/dev/null 2>&1; then
  KIND="example site, built by flightdeck build"
else
  KIND="synthetic public/ (flightdeck build of the example site failed)"
  python3 - "$WORK/site/public" <<'PY'
import pathlib, random, sys
out = pathlib.Path(sys.argv[1]); rng = random.Random(7)
words = "release canary rollout baseline latency throughput regression gate incident checklist signoff".split()
def para(n): return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."
def svg(points):
    path = " ".join(f"L{x*12},{200-rng.randint(0,180)}" for x in range(points))
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {points*12} 200" role="img"><title>Latency</title><desc>p95 latency per build</desc><path d="M0,100 {path}" fill="none" stroke="#246"/></svg>'
def page(title, body): return f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title><link rel="stylesheet" href="/assets/style.css"></head>\n<body><header><nav><a href="/">Releases</a></nav></header><main><h1>{title}</h1>\n{body}\n</main></body></html>\n'
(out / "assets").mkdir(parents=True)
(out / "assets" / "style.css").write_text("\n".join(f".c{i} {{ margin: {i}px; padding: {i % 7}px; color: #{i:06x}; }}" for i in range(250)))
(out / "assets" / "latency.svg").write_text(svg(400))
releases = [f"2.{i}" for i in range(30)]
rows = "".join(f'<tr><th><a href="/releases/{r}/">{r}</a></th><td>{rng.choice(["go", "no-go", "pending"])}</td><td>{para(8)}</td></tr>\n' for r in releases)
(out / "index.html").write_text(page("Releases", f"<p>{para(60)}</p><table><thead><tr><th>Release</th><th>Verdict</th><th>Summary</th></tr></thead><tbody>{rows}</tbody></table>"))
for r in releases:
    body = "".join(f"<h2>Section {s}</h2><p>{para(80)}</p>{svg(60)}<table><tbody>" + "".join(f"<tr><th>job {j}</th><td>{rng.uniform(1, 900):.1f} ms</td></tr>" for j in range(20)) + "</tbody></table>" for s in range(6))
    (out / "releases" / r).mkdir(parents=True)
    (out / "releases" / r / "index.html").write_text(page(f"Release {r}", body))
(out / "404.html").write_text(page("Not found", "<p>No such page.</p>"))
PY
fi
PUBLIC="$WORK/site/public"
chmod -R a+rX "$WORK"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
FD_PORT=$(free_port)
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $PUBLIC;
    index index.html;
    error_page 404 /404.html;
  }
}
CONF
"$BIN" serve --source "$WORK/site" --port "$FD_PORT" --quiet >"$WORK/serve.log" 2>&1 &
PIDS+=($!)
nginx -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
PIDS+=($!)
for port in "$FD_PORT" "$NGINX_PORT"; do
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
sleep 3  # files written less than 2 s ago are not cached yet

# Representative files: the home page, the largest page, a stylesheet and an SVG.
cd "$PUBLIC"
LARGEST=$(find . -name '*.html' ! -name 404.html -printf '%s %P\n' | sort -n | tail -1 | cut -d' ' -f2)
CSS=$(find . -name '*.css' -printf '%P\n' | sort | head -1)
SVG=$(find . -name '*.svg' -printf '%P\n' | sort | head -1)
cd - >/dev/null
PATHS=("/" "/$LARGEST")
[ -n "$CSS" ] && PATHS+=("/$CSS")
[ -n "$SVG" ] && PATHS+=("/$SVG")

run_wrk() {  # URL → "requests/s avg-latency p99-latency errors"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$1" >/dev/null 2>&1 || true
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1" 2>&1 | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    n, u = float(re.match(r"[\d.]+", v).group()), re.sub(r"[\d.]+", "", v)
    return n * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[u]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
avg = ms(re.search(r"Latency\s+(\S+)", text).group(1))
p99 = ms(re.search(r"99%\s+(\S+)", text).group(1))
errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
errors += int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
print(f"{rps:.0f} {avg:.2f} {p99:.2f} {errors}")'
}

echo "site: $KIND"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on 127.0.0.1, $(nproc) cores shared by wrk and the server"
printf '%-34s %9s %9s %6s   %-22s %-22s %s\n' "file (bytes)" "fd req/s" "nginx" "ratio" "fd avg/p99 ms" "nginx avg/p99 ms" "errors fd/nginx"
for path in "${PATHS[@]}"; do
  size=$(curl -s "http://127.0.0.1:$NGINX_PORT$path" | wc -c)
  read -r fd_rps fd_avg fd_p99 fd_err <<<"$(run_wrk "http://127.0.0.1:$FD_PORT$path")"
  read -r ng_rps ng_avg ng_p99 ng_err <<<"$(run_wrk "http://127.0.0.1:$NGINX_PORT$path")"
  ratio=$(python3 -c "print(f'{$fd_rps / $ng_rps:.2f}')")
  printf '%-34s %9s %9s %6s   %-22s %-22s %s\n' "$path ($size)" "$fd_rps" "$ng_rps" "$ratio" "$fd_avg / $fd_p99" "$ng_avg / $ng_p99" "$fd_err / $ng_err"
done

# Save-to-reload latency: append to a watched file, time until the event stream reports the rebuild.
python3 - "$FD_PORT" "$WORK/site" "$SAVES" <<'PY'
import pathlib, socket, statistics, sys, time
port, site, saves = int(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
target = site / "content" / "index.md"
target.parent.mkdir(parents=True, exist_ok=True)
if not target.exists(): target.write_text("# Home\n")
sock = socket.create_connection(("127.0.0.1", port))
sock.sendall(b"GET /__flightdeck/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
sock.settimeout(10)
buffer = b""
def wait_for(markers):
    global buffer
    while True:
        for marker in markers:
            if marker in buffer:
                buffer = buffer[buffer.index(marker) + len(marker):]
                return marker.decode().strip().removeprefix("event: ")
        buffer += sock.recv(65536)
wait_for([b"event: hello"])
wait_for([b"\n\n"])
time.sleep(0.2)
# A failed build at start sends its error right after hello; drop whatever is queued.
sock.settimeout(0.3)
try:
    while sock.recv(65536): pass
except socket.timeout:
    pass
sock.settimeout(10)
buffer = b""
timings, kinds = [], set()
original = target.read_text()
for i in range(saves):
    start = time.perf_counter()
    target.write_text(original + f"\n<!-- save {i} -->\n")
    kinds.add(wait_for([b"event: reload", b"event: css", b"event: error"]))
    timings.append((time.perf_counter() - start) * 1000)
    time.sleep(0.3)
target.write_text(original)
timings.sort()
print(f"save-to-event latency over {saves} saves (event: {', '.join(sorted(kinds))}): "
      f"median {statistics.median(timings):.1f} ms, min {timings[0]:.1f} ms, max {timings[-1]:.1f} ms "
      f"(includes the 30 ms quiet period and the rebuild)")
PY
