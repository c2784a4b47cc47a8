"""Flightdeck's additions to Jinja2, written again in Python so that the oracle can render templates using them.

They are not part of Jinja2: docs/templates.md lists them as Flightdeck additions. The rule mirrors
FlightdeckCore's SafeURL (Sources/FlightdeckCore/SafeURL.swift), whose own tests check it against a browser's
URL parser:
- `url` filter: the value itself when its text is an http, https, mailto or relative URL, otherwise "";
- `safe_url` test: a string whose text is such a URL.
"""

ALLOWED_SCHEMES = {"http", "https", "mailto"}


def scheme(url):
    """The scheme as a browser reads it (trimmed, tabs and newlines removed, ASCII lowercased); None if relative."""
    text = url.lstrip("".join(chr(c) for c in range(0x21)))
    found = []
    for ch in text:
        if ch == ":":
            return "".join(found)
        if ch in "/?#":
            return None
        if ch in "\t\n\r":
            continue
        found.append(ch.lower() if "A" <= ch <= "Z" else ch)
    return None


def is_safe_url(url):
    found = scheme(url)
    return found is None or found in ALLOWED_SCHEMES


def url_filter(value):
    if isinstance(value, (list, tuple, dict)):
        raise TypeError("url needs text, not a list or object (as Flightdeck, which cannot turn them into text)")
    return value if is_safe_url(str(value)) else ""


def safe_url_test(value):
    return isinstance(value, str) and is_safe_url(value)


def register(env):
    """Adds the Flightdeck filters and tests to a Jinja2 environment and returns it."""
    env.filters["url"] = url_filter
    env.tests["safe_url"] = safe_url_test
    return env
