#!/usr/bin/env python3
"""Examples of every filter and test: written as corpus cases (ok/doc_*.jinja, checked against Jinja2 by
generate.py and by the Swift corpus test) and printed as the Markdown tables of docs/templates.md.

Run: python3 Tests/FlightdeckTemplatesTests/Fixtures/docs_examples.py > /tmp/examples.md
"""
import pathlib

import jinja2

from flightdeck_additions import register

HERE = pathlib.Path(__file__).resolve().parent
CONTEXT = {}

FILTERS = [
    ("abs", ["{{ -3|abs }}", "{{ -2.5|abs }}"]),
    ("batch(n, fill=none)", ["{{ [1, 2, 3, 4, 5]|batch(2)|map('join', '')|join(' ') }}", "{{ [1, 2, 3]|batch(2, 0)|map('join', '')|join(' ') }}"]),
    ("capitalize", ["{{ 'hello WORLD'|capitalize }}"]),
    ("default(value='', boolean=false), d", ["{{ missing|default('n/a') }}", "{{ ''|default('empty', true) }}", "{{ none|d('x') }}"]),
    ("dictsort(case_sensitive=false, by='key', reverse=false)", ["{% for k, v in {'b': 1, 'A': 2}|dictsort %}{{ k }}={{ v }} {% endfor %}", "{% for k, v in {'b': 1, 'a': 2}|dictsort(by='value') %}{{ k }} {% endfor %}"]),
    ("escape, e", ["{{ '<a & b>'|e }}", "{{ '<b>'|safe|e }}"]),
    ("first, last", ["{{ [3, 1, 2]|first }} {{ [3, 1, 2]|last }}", "{{ 'xyz'|first }}"]),
    ("float(default=0.0)", ["{{ '2.5'|float }} {{ 'x'|float }} {{ 3|float }}"]),
    ("format(*args, **kwargs)", ["{{ '%s: %5.1f%%'|format('rate', 97.25) }}", "{{ '%05d|%-4s|%x|%e'|format(42, 'ab', 255, 1234.5) }}", "{{ '%(n)s=%(v)d'|format(n='x', v=3) }}"]),
    ("groupby(attribute, default=none, case_sensitive=false)", ["{% for g in [{'t': 'b', 'n': 1}, {'t': 'a', 'n': 2}, {'t': 'B', 'n': 3}]|groupby('t') %}{{ g.grouper }}:{{ g.list|map(attribute='n')|join(',') }} {% endfor %}"]),
    ("int(default=0, base=10)", ["{{ '42'|int }} {{ '4.7'|int }} {{ 'x'|int(-1) }} {{ 'ff'|int(base=16) }}"]),
    ("join(d='', attribute=none)", ["{{ [1, 2, 3]|join(', ') }}", "{{ [{'n': 'a'}, {'n': 'b'}]|join('/', attribute='n') }}"]),
    ("length, count", ["{{ 'héllo'|length }} {{ [1, 2]|count }} {{ {'a': 1}|length }}"]),
    ("list", ["{{ 'abc'|list|join('.') }}"]),
    ("lower, upper", ["{{ 'MiXeD'|lower }} {{ 'straße'|upper }}"]),
    ("map(attribute=..., default=...) and map('filter', *args)", ["{{ [{'n': 'a'}, {'n': 'b'}]|map(attribute='n')|join }}", "{{ ['a', 'b']|map('upper')|join }}", "{{ [1.25, 2.5]|map('round', 1)|join(' ') }}"]),
    ("max, min(case_sensitive=false, attribute=none)", ["{{ [3, 9, 2]|max }} {{ ['b', 'A', 'c']|min }}", "{{ ([{'v': 2}, {'v': 5}]|max(attribute='v')).v }}"]),
    ("replace(old, new, count=none)", ["{{ 'a-b-c'|replace('-', '+') }} {{ 'aaa'|replace('a', 'b', 2) }}"]),
    ("reverse", ["{{ 'abc'|reverse }} {{ [1, 2, 3]|reverse|join }}"]),
    ("round(precision=0, method='common')", ["{{ 2.5|round }} {{ 3.5|round }} {{ 2.675|round(2) }}", "{{ 2.1|round(method='ceil') }} {{ 2.9|round(method='floor') }} {{ 42|round }}"]),
    ("safe", ["{{ '<b>bold</b>'|safe }}"]),
    ("select, reject(test=truthiness, *args)", ["{{ [1, 2, 3, 4]|select('odd')|join }} {{ [1, 2, 3, 4]|reject('odd')|join }}", "{{ [0, 1, '', 'a']|select|list|length }}"]),
    ("selectattr, rejectattr(attribute, test=truthiness, *args)", ["{{ [{'n': 'a', 'ok': true}, {'n': 'b', 'ok': false}]|selectattr('ok')|map(attribute='n')|join }}", "{{ [{'a': 5}, {'a': 9}]|rejectattr('a', 'gt', 6)|list|length }}"]),
    ("sort(reverse=false, case_sensitive=false, attribute=none)", ["{{ ['b', 'a', 'C']|sort|join }} {{ ['b', 'a', 'C']|sort(case_sensitive=true)|join }}", "{{ [{'n': 'x', 'v': 2}, {'n': 'y', 'v': 1}]|sort(attribute='v')|map(attribute='n')|join }}"]),
    ("string", ["{{ (5|string) ~ (2.0|string) }}"]),
    ("striptags", ["{{ '<p>Hello <b>world</b> &amp; co</p>'|striptags }}"]),
    ("sum(attribute=none, start=0)", ["{{ [1, 2, 3]|sum }} {{ [{'v': 1.5}, {'v': 2}]|sum(attribute='v') }} {{ [1]|sum(start=10) }}"]),
    ("title", ["{{ 'release notes-for q3'|title }}"]),
    ("tojson(indent=none)", ["{{ {'b': [1, 2.0], 'a': '<x>'}|tojson }}"]),
    ("trim(chars=none)", ["[{{ '  x  '|trim }}] [{{ '--x--'|trim('-') }}]"]),
    ("truncate(length=255, killwords=false, end='...', leeway=5)", ["{{ 'The quick brown fox jumps'|truncate(12) }}", "{{ 'The quick brown fox jumps'|truncate(12, true) }}", "{{ 'The quick brown fox'|truncate(16) }}"]),
    ("unique(case_sensitive=false, attribute=none)", ["{{ ['a', 'A', 'b', 'a']|unique|join }}"]),
    ("urlencode", ["{{ 'a b/c?d=é'|urlencode }} {{ {'q': 'x y', 'n': 1}|urlencode }}"]),
    ("wordcount", ["{{ 'one two, three'|wordcount }}"]),
]

TESTS = [
    ("defined, undefined", ["{{ missing is defined }} {{ missing is undefined }}"]),
    ("none, boolean, true, false", ["{{ none is none }} {{ true is boolean }} {{ 1 is true }} {{ false is false }}"]),
    ("number, integer, float", ["{{ 1 is number }} {{ 1 is integer }} {{ 1.0 is float }} {{ true is number }}"]),
    ("string, mapping, sequence, iterable", ["{{ 'a' is string }} {{ {} is mapping }} {{ 'a' is sequence }} {{ [] is iterable }}"]),
    ("even, odd, divisibleby(n)", ["{{ 4 is even }} {{ -3 is odd }} {{ 9 is divisibleby 3 }}"]),
    ("eq, ne, lt, gt, le, ge (and equalto, lessthan, greaterthan)", ["{{ 2 is eq 2 }} {{ 2 is lt 3 }} {{ 'b' is ge 'a' }} {{ [1, 5]|select('gt', 2)|join }}"]),
    ("in(seq)", ["{{ 2 is in [1, 2] }} {{ 'k' is in {'k': 1} }} {{ 'z' is not in 'abc' }}"]),
]

# Flightdeck's additions: not in Jinja2; the oracle runs them from flightdeck_additions.py.
ADDITION_FILTERS = [
    ("url", ["{{ 'https://example.com/?a=1&b=2'|url }} [{{ 'javascript:alert(1)'|url }}] [{{ ' JaVa\\tScRiPt:x'|url }}]",
             "{{ '../runbook.html#rollback'|url }} {{ 'mailto:ops@example.com'|url }} [{{ 'data:text/html,x'|url }}]",
             "{% set u = 'vbscript:x' %}{% if u|url %}<a href=\"{{ u|url }}\">link</a>{% else %}{{ u }}{% endif %}"]),
]

ADDITION_TESTS = [
    ("safe_url", ["{{ 'https://example.com' is safe_url }} {{ 'javascript:x' is safe_url }} {{ 'notes.html#risks' is safe_url }} {{ 42 is safe_url }}"]),
]


def slug(heading):
    return heading.split("(")[0].split(",")[0].split(" ")[0].strip()


def main():
    env = register(jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "ok")), autoescape=True,
                                      undefined=jinja2.StrictUndefined))
    for kind, table in (("filter", FILTERS), ("test", TESTS), ("filter", ADDITION_FILTERS), ("test", ADDITION_TESTS)):
        print(f"| {kind.capitalize()} | Template | Output |\n|---|---|---|")
        for heading, examples in table:
            (HERE / "ok" / f"doc_{kind}_{slug(heading)}.jinja").write_text("\n".join(examples) + "\n", encoding="utf-8")
            for i, example in enumerate(examples):
                out = env.from_string(example).render(CONTEXT)
                name = f"`{heading}`" if i == 0 else ""
                cell = example.replace("|", "\\|")
                print(f"| {name} | `{cell}` | `{out.replace('|', chr(92) + '|')}` |")
        print()


if __name__ == "__main__":
    main()
