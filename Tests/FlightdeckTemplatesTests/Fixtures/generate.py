#!/usr/bin/env python3
"""Expected outputs for the template corpus, from Python Jinja2 3.1 (the oracle).

For every ok/<case>.jinja (files starting with "_" are partials, not cases) this renders the template
with ok/<case>.json as context (or an empty one) and writes ok/<case>.out. Environment as TEMPLATES.md
says: FileSystemLoader on the folder, autoescape=True, StrictUndefined, default delimiters and whitespace,
plus Flightdeck's own additions in Python (flightdeck_additions.py).

For errors/<case>.jinja it checks that Jinja2 fails too (TEMPLATES.md makes Flightdeck stricter in one
place: an unknown filter or test fails even in a branch never taken; such cases are listed in STRICTER).
Their expected diagnostics (errors/<case>.err) are Flightdeck's own text, recorded with
`TemplatesBench corpus Fixtures --record` and reviewed by hand.

Run: python3 Tests/FlightdeckTemplatesTests/Fixtures/generate.py
"""
import json
import pathlib
import sys

import jinja2

from flightdeck_additions import register

HERE = pathlib.Path(__file__).resolve().parent
STRICTER = {
    # TEMPLATES.md: unknown filters and tests fail at compile time, even where never used.
    "unknown_filter_untaken", "unknown_test_untaken", "unknown_filter_in_macro_never_called",
    # Outside the subset, where Jinja2 prints Python's reprs or big integers: Flightdeck fails instead.
    "print_list", "print_dict", "dict_method_without_call", "integer_overflow", "syntax_chained_comparison",
}


def environment(folder):
    # With Flightdeck's additions (the url filter and safe_url test) written in Python: flightdeck_additions.py.
    return register(jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                                       undefined=jinja2.StrictUndefined))


def context(path):
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {}


def main():
    problems = 0
    ok = HERE / "ok"
    env = environment(ok)
    for template in sorted(ok.glob("*.jinja")):
        if template.name.startswith("_"):
            continue
        try:
            out = env.get_template(template.name).render(context(template.with_suffix(".json")))
        except Exception as error:  # a case that Jinja2 rejects belongs in errors/
            print(f"ok/{template.name}: Jinja2 failed: {type(error).__name__}: {error}")
            problems += 1
            continue
        template.with_suffix(".out").write_text(out, encoding="utf-8", newline="")
    errors = HERE / "errors"
    env = environment(errors)
    for template in sorted(errors.glob("*.jinja")):
        if template.name.startswith("_"):
            continue
        try:
            env.get_template(template.name).render(context(template.with_suffix(".json")))
        except RecursionError:
            continue
        except Exception:
            continue
        if template.stem not in STRICTER:
            print(f"errors/{template.name}: Jinja2 renders it without an error")
            problems += 1
    print(f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
