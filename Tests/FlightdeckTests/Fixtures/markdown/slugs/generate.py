#!/usr/bin/env python3
"""Expected heading ids for headings.txt, by GitHub's rules as github-slugger 2 implements them.

github-slugger lowercases the heading text, removes every character of the Unicode general categories
Other_Number, Close/Final/Initial/Open/Other_Punctuation, Dash_Punctuation (except "-"), Symbol, Control,
Private_Use, Format, Unassigned and Separator (except " "), keeping alphabetic characters, then turns each
space into "-". A repeated slug gets "-1", "-2", ... (the counter is kept per original slug).
Python's str.isalpha() stands in for Unicode's Alphabetic property (they differ on a few symbols such as
circled letters, which headings.txt avoids).

Run from this folder: python3 generate.py > headings.ids
"""
import sys
import unicodedata

REMOVED = {"No", "Pe", "Pf", "Pi", "Ps", "Po", "Pd", "Sc", "Sk", "Sm", "So", "Cc", "Co", "Cf", "Cn", "Cs", "Zs", "Zl", "Zp"}


def slug(text):
    out = []
    for ch in text.lower():
        if ch == " ":
            out.append("-")
        elif ch == "-" or ch.isalpha() or unicodedata.category(ch) not in REMOVED:
            out.append(ch)
    return "".join(out)


def main():
    occurrences = {}
    with open("headings.txt", encoding="utf-8") as f:
        for line in f.read().split("\n")[:-1]:
            original = result = slug(line)
            while result in occurrences:
                occurrences[original] += 1
                result = original + "-" + str(occurrences[original])
            occurrences[result] = 0
            sys.stdout.write(result + "\n")


main()
