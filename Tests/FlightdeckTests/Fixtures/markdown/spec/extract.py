#!/usr/bin/env python3
"""Extracts the Markdown of every example of the CommonMark spec into examples.json.

Source: commonmark/cmark, test/spec.txt at tag 0.30.2 (commit a8da5a2f252b96eca60ae8bada1a9ba059a38401), the spec
of the libcmark version Flightdeck links (Debian's libcmark 0.30.2). The spec is CC-BY-SA 4.0, John MacFarlane.

    git -C cmark show a8da5a2f252b96eca60ae8bada1a9ba059a38401:test/spec.txt | python3 extract.py > examples.json

The parsing follows cmark's test/spec_tests.py: an example is fenced by 32 backticks and the word `example`; its
Markdown runs to a line holding only `.`; `→` stands for a tab.
"""
import json
import sys

FENCE = "`" * 32 + " example"

examples, section, state, lines, number = [], "", 0, [], 0
for line in sys.stdin.read().splitlines(keepends=True):
    stripped = line.rstrip("\n")
    if state == 0:
        if stripped.startswith("#"):
            section = stripped.lstrip("#").strip()
        if stripped == FENCE:
            state, lines = 1, []
    elif state == 1:
        if stripped == ".":
            state = 2
            number += 1
            examples.append({"example": number, "section": section, "markdown": "".join(lines).replace("→", "\t")})
        else:
            lines.append(line)
    elif state == 2 and stripped == "`" * 32:
        state = 0
json.dump(examples, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
