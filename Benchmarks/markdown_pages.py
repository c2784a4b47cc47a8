#!/usr/bin/env python3
"""Generate K plain Markdown pages as a Flightdeck site and as a Hugo site (for Benchmarks/markdown_pages.sh).

Usage: Benchmarks/markdown_pages.py K FLIGHTDECK_DIR HUGO_DIR

Each page is about 1,500 words in six sections (paragraphs, a list, emphasis, code), the same text in
both sites. Both use one page template that puts the page's HTML into a minimal layout, and a home page
listing every page. Flightdeck's pages are content/pages/<slug>.md; Hugo's are content/pages/<slug>.md
with the same front matter. Deterministic (seeded).
"""
import pathlib
import random
import sys

k, fd_root, hugo_root = int(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
rng = random.Random(13)
WORDS = ("release canary rollout baseline latency throughput regression gate incident checklist "
         "signoff trainer warehouse invoice pipeline validation monitoring dashboard error budget").split()


def paragraph(n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def page(i):
    parts = []
    for s in range(6):
        parts.append(f"## Section {s}\n")
        parts += [paragraph(40) + "\n" for _ in range(5)]
        parts.append("- " + "\n- ".join(paragraph(8) for _ in range(4)) + "\n")
        parts.append(f"Some *emphasis*, **strong** and `code` in section {s} of page {i}.\n")
    return "\n".join(parts)


(fd_root / "content" / "pages").mkdir(parents=True)
(fd_root / "templates").mkdir()
(fd_root / "flightdeck.yaml").write_text('title: "Pages"\n')
# One template for the pages, as minimal as Hugo's; the home page lists them, like Hugo's list.html.
(fd_root / "templates" / "page.html").write_text(
    "<!DOCTYPE html><html><head><title>{{ page.title }}</title></head><body><main>{{ content.html | safe }}</main></body></html>\n")
(fd_root / "templates" / "index.html").write_text(
    '<!DOCTYPE html><html><head><title>{{ site.title }}</title></head><body><ul>{% for p in nav.pages %}'
    '<li><a href="{{ root }}{{ p.url }}">{{ p.title }}</a></li>{% endfor %}</ul></body></html>\n')
(fd_root / "templates" / "404.html").write_text(
    "<!DOCTYPE html><html><head><title>Not found</title></head><body><main>Not found</main></body></html>\n")
(hugo_root / "content" / "pages").mkdir(parents=True)
(hugo_root / "layouts" / "_default").mkdir(parents=True)
(hugo_root / "hugo.toml").write_text('baseURL = "https://example.com/"\ntitle = "Pages"\n'
                                     'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
(hugo_root / "layouts" / "_default" / "single.html").write_text(
    "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n")
(hugo_root / "layouts" / "_default" / "list.html").write_text(
    '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Site.RegularPages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n')
for i in range(k):
    text = f'---\ntitle: "Page {i}"\n---\n' + page(i)
    (fd_root / "content" / "pages" / f"p{i:04d}.md").write_text(text)
    (hugo_root / "content" / "pages" / f"p{i:04d}.md").write_text(text)
