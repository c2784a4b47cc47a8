#!/usr/bin/env python3
"""Open every page of a built site in headless Chromium and check what a reader would meet.

    python3 scripts/check_pages.py public/ [more sites...] [--screenshots DIR] [--width 360]

For each HTML page, at a 360 px wide phone viewport (and 1280 px when taking screenshots):
  - the page must not scroll sideways: the document is no wider than the viewport. Content inside
    an element that scrolls on its own (a .table-wrap, a <pre>) does not count, as the browser
    already keeps it inside that element; what overflows is named, to find it in the theme;
  - the page loads nothing from the network: every request is file: or data: (offline, no CDN);
  - no JavaScript error is thrown, and the console shows no error: in particular no Content-Security-Policy
    violation (a blocked script, style, object or base URL), which Chromium reports there;
  - printed, even from a browser in dark mode, no element has a dark background;
  - no chart text renders below 11 CSS px: the computed font size of each SVG <text> times the scale its
    SVG is drawn at (getScreenCTM: the viewBox scaling and any rotation), at the phone width and again at
    1280 px (--chart-width, repeatable).
With --url URL (repeatable) it checks pages as a server serves them, e.g. `flightdeck serve` with its
live-reload script, instead of (or beside) files on disk; requests to the page's own origin are allowed then.
With --screenshots DIR it also writes DIR/<site>/<page>-360.png and -1280.png (the full page).
With --shot NAME=PAGE[#ID] (repeatable; PAGE relative to the one site named, alternatives separated by "|",
the first that exists is taken) and --shots-dir DIR it writes DIR/NAME-390.png and DIR/NAME-1280.png instead:
the whole page, or only the element with that id (a section). `make screenshots` uses it for docs/screenshots/.

Chromium is driven through the DevTools protocol over a pipe (--remote-debugging-pipe: JSON
messages separated by NUL bytes on file descriptors 3 and 4), so the standard library is enough:
no WebSocket client, no port. Exit status 1 when any page fails a check, 2 when Chromium misbehaves.
"""
import argparse
import base64
import fcntl
import json
import os
import pathlib
import select
import shutil
import subprocess
import sys
import tempfile
import time

OVERFLOW_PROBE = r"""
(() => {
  const vw = document.documentElement.clientWidth;
  const width = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  const culprits = [];
  if (width > vw) {
    const scrolls = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    const name = (el) => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += '#' + el.id;
      if (el.classList.length) s += '.' + [...el.classList].join('.');
      const sec = el.closest('section[id]');
      if (sec && sec !== el) s = 'section#' + sec.id + ' ' + s;
      return s;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > vw + 0.5 && !scrolls(el)) {
        const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
        culprits.push(name(el) + ' right=' + Math.round(r.right) + (text ? ' "' + text + '"' : ''));
        if (culprits.length >= 8) break;
      }
    }
  }
  return {viewport: vw, width: width, culprits: culprits};
})()
"""


# Chart text as rendered: the computed font size (CSS px in the SVG's user units) times the scale the SVG is
# drawn at (its screen transform, which includes the viewBox scaling and any rotation), for every <text> of
# every chart that is laid out. A chart inside a scrolling box counts at its full size, as the reader sees it.
MINIMUM_CHART_TEXT = 11.0
CHART_TEXT_PROBE = r"""
(() => {
  const small = [];
  let count = 0, smallest = Infinity;
  for (const text of document.querySelectorAll('svg text')) {
    const box = text.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const m = text.getScreenCTM();
    if (!m) continue;
    const scale = Math.sqrt(m.a * m.a + m.b * m.b);
    const size = parseFloat(getComputedStyle(text).fontSize) * scale;
    count++;
    smallest = Math.min(smallest, size);
    if (size < %MIN% - 0.05) {
      const svg = text.closest('svg');
      small.push((svg && svg.id ? 'svg#' + svg.id : 'svg') + ' "' + (text.textContent || '').trim().slice(0, 40) + '" ' + size.toFixed(1) + ' px');
    }
  }
  return {count: count, smallest: count ? smallest : null, small: small.slice(0, 8), total: small.length};
})()
""".replace("%MIN%", str(MINIMUM_CHART_TEXT))


# Printed, even from a browser in dark mode, no element has a dark background (ink, legibility).
PRINT_PROBE = r"""
(() => {
  const dark = [];
  const luminance = (c) => {
    const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
    if (!m || (m[4] !== undefined && parseFloat(m[4]) < 0.2)) return 1;
    const [r, g, b] = [m[1], m[2], m[3]].map((v) => { v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  for (const el of [document.documentElement, document.body, ...document.body.querySelectorAll('*')]) {
    const bg = getComputedStyle(el).backgroundColor;
    const r = el.getBoundingClientRect();
    if (r.width * r.height > 400 && luminance(bg) < 0.4) {
      dark.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' ' + bg);
      if (dark.length >= 5) break;
    }
  }
  return dark;
})()
"""


class ChromiumError(Exception):
    pass


class Chromium:
    """A headless Chromium driven over --remote-debugging-pipe."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="check-pages-")
        # The child reads commands on fd 3 and writes replies on fd 4. Its ends of the pipes are
        # first moved above 10 so that placing them on 3 and 4 cannot overwrite one another.
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        child_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_child_r)
        os.close(from_child_w)

        def wire_fds():
            os.dup2(child_r, 3)
            os.dup2(child_w, 4)

        args = [
            binary, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--mute-audio",
            "--hide-scrollbars", "--force-color-profile=srgb", "--font-render-hinting=none",
            f"--user-data-dir={self.profile}", "about:blank",
        ]
        # close_fds=False: subprocess would otherwise close 3 and 4 after wire_fds. Every other
        # descriptor of ours is close-on-exec.
        self.process = subprocess.Popen(
            args, close_fds=False, preexec_fn=wire_fds,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(child_r)
        os.close(child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except ChromiumError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.to_child, self.from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChromiumError("timed out waiting for Chromium")
            ready, _, _ = select.select([self.from_child], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise ChromiumError("Chromium closed the DevTools pipe (did it start?)")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise ChromiumError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method, session, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event["method"] == method and event.get("sessionId") == session:
                    del self.events[i]
                    return event
            reply = self._read_message(deadline)
            if "method" in reply:
                self.events.append(reply)


class Tab:
    """One page target, attached with a flat session."""

    def __init__(self, browser):
        self.browser = browser
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")

    def call(self, method, params=None, timeout=30):
        return self.browser.call(method, params, session=self.session, timeout=timeout)

    def open(self, url, width, height=800):
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800})
        self.browser.events.clear()
        self.call("Page.navigate", {"url": url})
        self.browser.wait_event("Page.loadEventFired", self.session)
        # Fonts and layout settle before measuring.
        self.call("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)",
                                       "awaitPromise": True, "returnByValue": True})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise ChromiumError(result["exceptionDetails"].get("text", "exception"))
        return result["result"].get("value")

    def drain(self, method):
        """Events of one kind received so far for this tab."""
        found = [e for e in self.browser.events if e["method"] == method and e.get("sessionId") == self.session]
        self.browser.events = [e for e in self.browser.events if e not in found]
        return found

    def screenshot(self, path, width, clip=None):
        height = self.evaluate("Math.ceil(document.documentElement.scrollHeight)") or 800
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": min(int(height), 16000), "deviceScaleFactor": 1, "mobile": width < 800})
        params = {"format": "png"}
        if clip:
            # A little margin around the element, kept inside the page.
            x, y = max(clip["x"] - 8, 0), max(clip["y"] - 8, 0)
            params["clip"] = {"x": x, "y": y, "width": min(clip["width"] + 16, width - x),
                              "height": min(clip["height"] + 16, 16000), "scale": 1}
        data = self.call("Page.captureScreenshot", params, timeout=60)["data"]
        path.write_bytes(base64.b64decode(data))


def take_shots(tab, site, shots, folder):
    """--shot NAME=PAGE[#ID]: NAME-390.png and NAME-1280.png of a page, or of one element of it."""
    folder.mkdir(parents=True, exist_ok=True)
    failures = 0
    for shot in shots:
        name, _, target = shot.partition("=")
        choices = []
        for alternative in target.split("|"):
            page, _, element = alternative.partition("#")
            choices.append((site / page, element))
        found = next(((p, e) for p, e in choices if p.is_file()), None)
        if not name or found is None:
            print(f"--shot {shot}: no such page in {site}")
            failures += 1
            continue
        page, element = found
        for width in (390, 1280):
            tab.open(page.resolve().as_uri(), width)
            out = folder / f"{name}-{width}.png"
            if element:
                box = tab.evaluate(f"(() => {{ const e = document.getElementById({json.dumps(element)}); if (!e) return null;"
                                   " const r = e.getBoundingClientRect(); return {x: r.left + scrollX, y: r.top + scrollY,"
                                   " width: r.width, height: r.height}; })()")
                if not box:
                    print(f"--shot {shot}: no element #{element} in {page}")
                    failures += 1
                    break
                tab.screenshot(out, width, clip=box)
            else:
                tab.screenshot(out, width)
            print(f"wrote {out}")
    return failures


def pages(site):
    return sorted(p for p in site.rglob("*.html") if p.is_file())


def label(site):
    """A folder name for a site's screenshots: its path, flattened."""
    name = os.path.relpath(site.resolve()).replace(os.sep, "_").lstrip("._")
    return name or "site"


def console_problems(tab):
    """Errors the page logged: CSP violations (Log domain, source "security" or "violation"), console.error calls."""
    problems = []
    for event in tab.drain("Log.entryAdded"):
        entry = event["params"]["entry"]
        # The browser's own favicon request fails on a served site that has none: not the page's doing.
        if entry.get("level") == "error" and not entry.get("url", "").endswith("/favicon.ico"):
            kind = "Content-Security-Policy violation" if "Content Security Policy" in entry.get("text", "") else "console error"
            problems.append(f"{kind}: {entry.get('text', '').strip()}" + (f" ({entry['url']})" if entry.get("url") else ""))
    for event in tab.drain("Runtime.consoleAPICalled"):
        if event["params"].get("type") == "error":
            args = event["params"].get("args", [])
            problems.append("console.error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in args))
    return problems


def chart_text_problems(tab, width):
    """Chart text rendered below MINIMUM_CHART_TEXT px at this viewport width."""
    probe = tab.evaluate(CHART_TEXT_PROBE)
    if not probe["total"]:
        return []
    lines = [f"chart text under {MINIMUM_CHART_TEXT:g} px at {width} px wide: {probe['total']} labels, the smallest {probe['smallest']:.1f} px"]
    lines.extend(f"  {s}" for s in probe["small"])
    return lines


def check_page(tab, path, width, chart_widths=()):
    return check_url(tab, path.resolve().as_uri(), width, chart_widths)


def check_url(tab, url, width, chart_widths=()):
    problems = []
    tab.open(url, width)
    probe = tab.evaluate(OVERFLOW_PROBE)
    if probe["width"] > probe["viewport"]:
        problems.append(f"scrolls sideways at {width} px: the page is {probe['width']} px wide")
        problems.extend(f"  overflows: {c}" for c in probe["culprits"])
    problems.extend(chart_text_problems(tab, width))
    for wide in chart_widths:
        tab.open(url, wide)
        problems.extend(chart_text_problems(tab, wide))
        tab.open(url, width)
    tab.call("Emulation.setEmulatedMedia", {"media": "print", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    dark = tab.evaluate(PRINT_PROBE)
    tab.call("Emulation.setEmulatedMedia", {"media": "", "features": []})
    problems.extend(f"dark background in print (dark mode browser): {d}" for d in dark)
    origin = "/".join(url.split("/")[:3]) + "/" if url.startswith(("http:", "https:")) else None
    for event in tab.drain("Network.requestWillBeSent"):
        requested = event["params"]["request"]["url"]
        if not requested.startswith(("file:", "data:", "about:")) and not (origin and requested.startswith(origin)):
            problems.append(f"loads from the network: {requested}")
    for event in tab.drain("Runtime.exceptionThrown"):
        details = event["params"]["exceptionDetails"]
        problems.append(f"JavaScript error: {details.get('exception', {}).get('description') or details.get('text')}")
    problems.extend(console_problems(tab))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="*", type=pathlib.Path, help="folders of built sites")
    parser.add_argument("--url", action="append", default=[], help="also check this served page (repeatable)")
    parser.add_argument("--width", type=int, default=360, help="phone viewport width in CSS px (360)")
    parser.add_argument("--screenshots", type=pathlib.Path, help="also write full-page PNGs at 360 and 1280 px here")
    parser.add_argument("--chart-width", type=int, action="append", dest="chart_widths",
                        help="also check chart text at this viewport width (repeatable; 1280 unless given)")
    parser.add_argument("--shot", action="append", default=[], help="NAME=PAGE[#ID]: a named screenshot (see above)")
    parser.add_argument("--shots-dir", type=pathlib.Path, help="where --shot writes NAME-390.png and NAME-1280.png")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = parser.parse_args()
    if not args.sites and not args.url:
        parser.error("name a built site folder or a --url")
    if args.shot and (len(args.sites) != 1 or not args.shots_dir):
        parser.error("--shot needs one site folder and --shots-dir")
    chart_widths = args.chart_widths if args.chart_widths is not None else [1280]

    browser = Chromium(args.chromium)
    failures = checked = 0
    try:
        browser.call("Browser.getVersion", timeout=60)
        tab = Tab(browser)
        if args.shot:
            failures = take_shots(tab, args.sites[0], args.shot, args.shots_dir)
            print(f"check_pages: {len(args.shot)} screenshots, {failures} failed")
            return 1 if failures else 0
        for site in args.sites:
            for path in pages(site):
                checked += 1
                problems = check_page(tab, path, args.width, chart_widths)
                shown = site / path.relative_to(site)
                if problems:
                    failures += 1
                    print(f"{shown}: FAIL")
                    for p in problems:
                        print(f"  {p}")
                if args.screenshots:
                    stem = path.relative_to(site).with_suffix("").as_posix().replace("/", "_")
                    out = args.screenshots / label(site)
                    out.mkdir(parents=True, exist_ok=True)
                    tab.screenshot(out / f"{stem}-{args.width}.png", args.width)
                    tab.open(path.resolve().as_uri(), 1280)
                    tab.screenshot(out / f"{stem}-1280.png", 1280)
        for url in args.url:
            checked += 1
            problems = check_url(tab, url, args.width, chart_widths)
            if problems:
                failures += 1
                print(f"{url}: FAIL")
                for p in problems:
                    print(f"  {p}")
    except ChromiumError as error:
        print(f"check_pages: Chromium: {error}", file=sys.stderr)
        return 2
    finally:
        browser.close()
    print(f"check_pages: {checked} pages at {args.width} px, {failures} with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
