#!/usr/bin/env python3
"""Writes urls.json, the browser's reading of hostile and ordinary URLs, for SafeURLTests.

Run from anywhere: python3 Tests/FlightdeckCoreTests/Fixtures/generate_urls.py (needs node on the PATH).

Node's `URL` implements the WHATWG URL standard that browsers use for `href` and `src`. Each case is resolved
against an https base page, as a link on a report page would be; `protocol` is what the browser would follow
("https:" for a relative URL). `safe` is Flightdeck's intended answer (SafeURL.isSafe), written here by hand:
the test checks both that SafeURL gives it and that no URL it calls safe reaches a scheme other than
http, https or mailto in the browser. Where Flightdeck is stricter than the browser (text before a ':' that a
browser reads as a relative path), `safe` is false while `protocol` is "https:".
"""
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = "https://reports.example/releases/2.4/index.html"

# (url, safe)
CASES = [
    ("https://example.com/", True), ("http://example.com/a?b#c", True), ("HTTPS://EXAMPLE.COM", True),
    ("mailto:oncall@example.com", True), ("MailTo:x@y", True), ("//cdn.example/x", True), ("/abs/path", True),
    ("../runbook.html#rollback", True), ("runbook.html", True), ("?q=a:b", True), ("#section:2", True),
    ("", True), ("   ", True), ("./javascript:alert(1)", True), ("a/b:c", True), ("javascript%3Aalert(1)", True),
    ("  https://example.com/  ", True), ("ht\ttps://example.com", True), ("h\nttp://x", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), (" JaVaScRiPt:alert(1)", False),
    ("java\tscript:alert(1)", False), ("java\nscript:alert(1)", False), ("java\rscript:alert(1)", False),
    ("\x01javascript:alert(1)", False), ("\x00javascript:alert(1)", False), ("\x1f\x20javascript:alert(1)", False),
    ("javascript\t:alert(1)", False), ("\tjavascript:alert(1)", False), ("javascript:alert(1)\x00", False),
    ("data:text/html,<script>alert(1)</script>", False), ("DATA:text/html;base64,PHNjcmlwdD4=", False),
    ("data:image/png;base64,iVBORw0KGgo=", False), ("vbscript:msgbox(1)", False), ("file:///etc/passwd", False),
    ("ftp://example.com/", False), ("blob:https://example.com/x", False), ("x:y", False), ("tel:+15551234", False),
    ("jav\u00e1script:alert(1)", False), ("\u00a0javascript:alert(1)", False), ("a b:c", False), ("java\\script:x", False),
    ("%6Aavascript:alert(1)", False), ("javascript&colon;alert(1)", True), ("\u212aavascript:x", False),
]


def main():
    script = ("const [base, ...urls] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(urls.map(u => { try { return new URL(u, base).protocol } catch (e) { return null } })))")
    urls = [url for url, _ in CASES]
    out = subprocess.run(["node", "-e", script], input=json.dumps([BASE] + urls), capture_output=True, text=True, check=True)
    protocols = json.loads(out.stdout)
    cases = [{"url": url, "safe": safe, "protocol": protocol} for (url, safe), protocol in zip(CASES, protocols)]
    with open(os.path.join(HERE, "urls.json"), "w", encoding="utf-8") as f:
        json.dump({"base": BASE, "cases": cases}, f, indent=1, ensure_ascii=True)
        f.write("\n")


if __name__ == "__main__":
    main()
