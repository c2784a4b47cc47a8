#!/usr/bin/env python3
"""Random Markdown documents about link reference definitions, with the HTML GitHub's cmark-gfm gives them.

Each document is a run of blocks drawn with a fixed seed: definitions at the top level, in block quotes and list
items, before a paragraph's text or a setext underline, over two lines, with titles over lines, entities and
escapes; text that only looks like a definition (in code, in HTML, on a paragraph's later line); duplicate labels
in other cases; references of every form, in paragraphs and in table cells. MarkdownPiecesTests parses each whole
(which must give cmark-gfm's HTML) and in the smallest pieces (which must give the same).

Links whose URL Flightdeck refuses (javascript:) are left out: they become text on purpose (LinkFilter).
The oracle is the Debian package `cmark-gfm` (0.29.0.gfm.6) with the extensions Flightdeck adds:
    cmark-gfm --validate-utf8 -e table -e strikethrough -e autolink
Run from this folder: python3 generate.py  (writes cases.json)
"""
import json
import random
import subprocess

SEED = 1717
COUNT = 400

LABELS = ["foo", "Foo", "FOO", "bar baz", "Bar  Baz", "a\\]b", "x1", "ẞ", "SS", "ǆ", "Ǆ", "émile", "ÉMILE", "t", "q"]
DESTINATIONS = ["/u", "/v?a=1&amp;b=2", "<a b>", "<>", "https://example.com/p", "/back\\\\slash", "/paren(x)",
                "&#32;/lead", "/e&nGt;", "<x\\<y\\>>", "/ü", "/q\\*r", "%20/pct"]
TITLES = ["", ' "Title"', " 'single'", " (paren)", ' "with \\"quote\\""', ' "amp &amp; &copy;"', ' "two\nlines"',
          ' "ent &#10; nl"', " 'it\\'s'", ' "back\\\\slash"', '\n  "next line"']


def label(rng):
    return rng.choice(LABELS)


def definition(rng):
    return "[" + label(rng) + "]: " + rng.choice(DESTINATIONS) + rng.choice(TITLES)


def reference(rng):
    name = label(rng).replace("\n", " ")
    return rng.choice([
        "[" + name + "]",
        "[text][" + name + "]",
        "[" + name + "][]",
        "![alt][" + name + "]",
        "[*em*][" + name + "]",
    ])


def sentence(rng):
    words = ["Release", "notes", "say", "see", "the", "loader", "fixed", "in", "`code`"]
    parts = [rng.choice(words) for _ in range(rng.randint(2, 6))]
    parts.insert(rng.randint(0, len(parts)), reference(rng))
    return " ".join(parts) + "."


def block(rng):
    kind = rng.randrange(22)
    if kind == 0:
        return definition(rng)
    if kind == 1:
        return definition(rng) + "\n" + definition(rng)
    if kind == 2:
        return "> " + definition(rng).replace("\n", "\n> ")
    if kind == 3:
        return "- " + definition(rng).replace("\n", "\n  ")
    if kind == 4:
        return "1. " + sentence(rng) + "\n\n   " + definition(rng).replace("\n", "\n   ")
    if kind == 5:
        return definition(rng) + "\n" + sentence(rng)
    if kind == 6:
        return definition(rng) + "\n===="
    if kind == 7:
        first, second = rng.choice([("long", "label"), ("Long", "Label"), ("a", "b c")])
        return "[" + first + "\n" + second + "]: /multi"
    if kind == 8:
        return "> [Long\n> Label]: /quoted 'Q'"
    if kind == 9:
        return "```\n" + definition(rng) + "\n```"
    if kind == 10:
        return "    " + definition(rng).replace("\n", "\n    ")
    if kind == 11:
        return "<!--\n" + definition(rng) + "\n-->"
    if kind == 12:
        return sentence(rng) + "\n" + definition(rng)
    if kind == 13:
        return "The map is `m[" + label(rng) + "]: v` here."
    if kind == 14:
        return "| a | b |\n|---|---|\n| " + reference(rng) + " | " + reference(rng) + " |"
    if kind == 15:
        return "> " + sentence(rng) + "\n" + definition(rng)
    if kind == 16:
        return "# " + sentence(rng)
    if kind == 17:
        return "[not a label] x]: y"
    if kind == 18:
        return "- item " + reference(rng) + "\n\n  " + definition(rng).replace("\n", "\n  ")
    if kind == 19:
        return "[" + label(rng) + "]:\n" + rng.choice(DESTINATIONS)
    return sentence(rng)


def document(rng):
    blocks = [block(rng) for _ in range(rng.randint(4, 12))]
    return "\n\n".join(blocks) + "\n"


def main():
    rng = random.Random(SEED)
    cases = []
    for _ in range(COUNT):
        markdown = document(rng)
        html = subprocess.run(["cmark-gfm", "--validate-utf8", "-e", "table", "-e", "strikethrough", "-e", "autolink"],
                              input=markdown.encode(), capture_output=True, check=True).stdout.decode()
        cases.append({"markdown": markdown, "html": html})
    with open("cases.json", "w", encoding="utf-8") as out:
        json.dump(cases, out, ensure_ascii=False, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
