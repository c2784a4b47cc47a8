#!/usr/bin/env python3
"""Generate the same release content as a Flightdeck site and as a Hugo site (for Benchmarks/site.sh)."""
import pathlib
import random
import sys

n, fd_root, hugo_root = int(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
rng = random.Random(7)
WORDS = ("release canary rollout baseline latency throughput regression gate incident checklist "
         "signoff trainer warehouse invoice pipeline validation monitoring dashboard error budget").split()


def paragraph(k):
    return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize() + "."


def notes(i):
    parts = [f"# Release {i}\n"]
    for s in range(6):
        parts.append(f"## Section {s}\n")
        parts += [paragraph(40) + "\n" for _ in range(5)]
        parts.append("- " + "\n- ".join(paragraph(8) for _ in range(4)) + "\n")
        parts.append(f"Some *emphasis*, **strong** and `code` in section {s}.\n")
    return "\n".join(parts)


def junit(i):
    cases = []
    for c in range(200):
        t = rng.uniform(0.01, 3)
        body = '<failure message="boom">trace</failure>' if rng.random() < 0.02 else ""
        cases.append(f'<testcase classname="suite.Mod{c % 10}" name="test_{c}" time="{t:.3f}">{body}</testcase>')
    return ('<?xml version="1.0" encoding="utf-8"?>\n<testsuites><testsuite name="suite" tests="200">'
            + "".join(cases) + "</testsuite></testsuites>\n")


(fd_root / "content" / "releases").mkdir(parents=True)
(fd_root / "flightdeck.yaml").write_text("title: Bench\n")
(fd_root / "content" / "index.md").write_text("Benchmark site.\n")
(hugo_root / "content" / "releases").mkdir(parents=True)
(hugo_root / "layouts" / "_default").mkdir(parents=True)
(hugo_root / "hugo.toml").write_text('baseURL = "https://example.com/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
(hugo_root / "layouts" / "_default" / "single.html").write_text(
    "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n")
(hugo_root / "layouts" / "_default" / "list.html").write_text(
    "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
for i in range(n):
    rid = f"r{i:04d}"
    folder = fd_root / "content" / "releases" / rid
    (folder / "tests").mkdir(parents=True)
    text = notes(i)
    (folder / "release.yaml").write_text(f'title: "Release {i}"\ndate: 2026-01-{1 + i % 28:02d}\nversion: "1.{i}.0"\n')
    (folder / "notes.md").write_text(text)
    (folder / "checklist.md").write_text("## Ready\n- [x] Tests pass `check: tests.success_rate >= 0.5`\n- [ ] Docs\n")
    (folder / "signoffs.yaml").write_text("required: [qa]\nsignoffs:\n  - { role: qa, approver: A, decision: approved }\n")
    (folder / "tests" / "junit.xml").write_text(junit(i))
    # Hugo gets the same three pages per release: the notes, the checklist and the sign-offs.
    hugo_release = hugo_root / "content" / "releases" / rid
    hugo_release.mkdir()
    (hugo_release / "_index.md").write_text(f'---\ntitle: "Release {i}"\n---\n' + text)
    (hugo_release / "checklist.md").write_text(f'---\ntitle: "Checklist {i}"\n---\n## Ready\n\n- [x] Tests pass\n- [ ] Docs\n')
    (hugo_release / "signoffs.md").write_text(f'---\ntitle: "Sign-offs {i}"\n---\n| Role | Approver | Decision |\n|---|---|---|\n| qa | A | approved |\n')
