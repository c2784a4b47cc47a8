#!/bin/sh
# Expected HTML from cmark's own command-line tool (Debian package `cmark`, same libcmark as the build).
# Run from this folder after adding a .md case: sh generate.sh
set -e
for f in *.md; do cmark --validate-utf8 "$f" > "${f%.md}.html"; done
