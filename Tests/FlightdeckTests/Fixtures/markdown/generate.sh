#!/bin/sh
# Expected HTML from GitHub's cmark-gfm (Debian package `cmark-gfm`) with the extensions Flightdeck adds over
# libcmark: tables, strikethrough and autolinks, in cmark's safe mode (raw HTML omitted) like Flightdeck's default.
# cmark-gfm puts no ids on headings; MarkdownTests strips Flightdeck's heading ids before comparing.
# Run from this folder after adding a .md case: sh generate.sh
set -e
for f in *.md; do cmark-gfm --validate-utf8 -e table -e strikethrough -e autolink "$f" > "${f%.md}.html"; done
