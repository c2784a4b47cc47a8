#!/bin/sh
# Expected HTML from GitHub's cmark-gfm (Debian package `cmark-gfm`) with the extensions Flightdeck adds over
# libcmark: tables, strikethrough and autolinks. Files named *.unsafe.md are rendered with raw HTML passed
# through (markdown.unsafe_html: true), the others in cmark's safe mode, Flightdeck's default.
# cmark-gfm puts no ids on headings; MarkdownTests strips Flightdeck's heading ids before comparing.
# Flightdeck writes a cell's alignment as class="align-…" (the align attribute is obsolete in HTML5): so does this.
# Run from this folder after adding a .md case: sh generate.sh
set -e
for f in *.md; do
    case "$f" in *.unsafe.md) unsafe=--unsafe ;; *) unsafe= ;; esac
    cmark-gfm --validate-utf8 $unsafe -e table -e strikethrough -e autolink "$f" \
        | sed -E 's/ align="(left|center|right)"/ class="align-\1"/g' > "${f%.md}.html"
done
