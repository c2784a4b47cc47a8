#!/usr/bin/env python3
"""The oracle of SiteFilesCLITests: checks Atom feeds against RFC 4287's rules, with xml.etree only.

Usage: check_atom.py FEED.xml...  Prints one line per problem and exits 1 if there is any; exits 0 otherwise.

Checked (RFC 4287 section numbers): the document is well-formed XML whose root is atom:feed (4.1.1); the feed has
exactly one atom:id, atom:title and atom:updated, and atom:author unless every entry has one (4.1.1); each entry
has exactly one atom:id, atom:title and atom:updated (4.1.2) and, having no atom:content, an atom:link with
rel="alternate" (4.1.2); ids are absolute IRIs (4.2.6) and unique among entries; dates are RFC 3339 date-times
(3.3); no two alternate links of the feed or of an entry share a type (4.1.1, 4.1.2); every link has an href
(4.2.7.1); a rel="self" link is absolute; text constructs of type "text" hold no child elements (3.1.1.1).
"""
import re
import sys
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def exactly_one(parent, name, where, problems):
    found = parent.findall(ATOM + name)
    if len(found) != 1:
        problems.append(f"{where}: expected exactly one atom:{name}, found {len(found)}")
        return None
    return found[0]


def check_common(element, where, problems):
    ident = exactly_one(element, "id", where, problems)
    if ident is not None and not SCHEME.match((ident.text or "").strip()):
        problems.append(f"{where}: atom:id {ident.text!r} is not an absolute IRI")
    title = exactly_one(element, "title", where, problems)
    if title is not None and title.get("type", "text") == "text" and len(title):
        problems.append(f"{where}: a text atom:title holds child elements")
    updated = exactly_one(element, "updated", where, problems)
    if updated is not None and not DATE.match((updated.text or "").strip()):
        problems.append(f"{where}: atom:updated {updated.text!r} is not an RFC 3339 date-time")
    alternates = {}
    for link in element.findall(ATOM + "link"):
        if not link.get("href"):
            problems.append(f"{where}: an atom:link has no href")
        rel = link.get("rel", "alternate")
        if rel == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            if key in alternates:
                problems.append(f"{where}: two alternate links with type {key[0]!r}")
            alternates[key] = link
        if rel == "self" and not SCHEME.match(link.get("href", "")):
            problems.append(f"{where}: the self link {link.get('href')!r} is not absolute")
    return ident, alternates


def check(path):
    problems = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        return [f"{path}: not well-formed XML: {error}"]
    if root.tag != ATOM + "feed":
        return [f"{path}: the root is {root.tag}, not atom:feed"]
    check_common(root, f"{path}: feed", problems)
    entries = root.findall(ATOM + "entry")
    if not root.findall(ATOM + "author") and not all(e.findall(ATOM + "author") for e in entries):
        problems.append(f"{path}: feed: no atom:author, and not every entry has one")
    ids = set()
    for number, entry in enumerate(entries, 1):
        where = f"{path}: entry {number}"
        ident, alternates = check_common(entry, where, problems)
        if ident is not None:
            if ident.text in ids:
                problems.append(f"{where}: atom:id {ident.text!r} is not unique")
            ids.add(ident.text)
        if entry.find(ATOM + "content") is None and not alternates:
            problems.append(f"{where}: no atom:content and no alternate link")
    return problems


def main(paths):
    problems = [problem for path in paths for problem in check(path)]
    for problem in problems:
        print(problem)
    return 1 if problems or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
