#!/usr/bin/env python3
"""The chart palette's WCAG 2.x contrast ratios: the oracle for the colours of templates/assets/charts.css.

    python3 scripts/palette_contrast.py            # a table per scheme; exit 1 if a colour fails
    python3 scripts/palette_contrast.py --markdown # the same as the Markdown table of docs/charts.md
    python3 scripts/palette_contrast.py --json Tests/FlightdeckChartsTests/Fixtures/palette-contrast.json

It reads the light (:root) and dark (prefers-color-scheme: dark) custom properties of charts.css, and the
backgrounds a chart can sit on: the chart's own (--fd-chart-bg) and the page's and cards' (--fd-bg and
--fd-surface of style.css). Each colour's ratio is its lowest against those backgrounds, by the WCAG 2.x
relative-luminance formula (sRGB, 0.03928 threshold as written in WCAG 2.1; 0.04045 gives the same
ratios to two decimals). Series colours, the axis line are graphics and need 3:1 (WCAG 1.4.11); tones also colour
threshold and event labels, so they, the text and the muted text need 4.5:1 (1.4.3). Grid lines are
decorative and pattern ink lies over a colour, not the background: both are listed but exempt.
"""
import argparse
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHARTS_CSS = ROOT / "templates/assets/charts.css"
STYLE_CSS = ROOT / "templates/assets/style.css"


def properties(block):
    return dict(re.findall(r"(--[a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;", block))


def schemes(css):
    """(light, dark) custom properties: the first :root block, and the :root inside the dark media query."""
    light = re.search(r":root\s*{([^}]*)}", css)
    dark = re.search(r"prefers-color-scheme:\s*dark\)\s*{\s*(?:/\*.*?\*/\s*)?:root\s*{([^}]*)}", css)
    if not light or not dark:
        raise SystemExit("palette_contrast: no light or dark :root block found")
    return properties(light.group(1)), properties(dark.group(1))


def luminance(hex_color):
    channels = [int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def requirement(name):
    if name.startswith("--fd-series-") or name == "--fd-chart-axis":
        return 3.0
    if name.startswith("--fd-tone-") or name in ("--fd-chart-fg", "--fd-chart-muted"):
        return 4.5
    return None


def report():
    chart_light, chart_dark = schemes(CHARTS_CSS.read_text())
    page_light, page_dark = schemes(STYLE_CSS.read_text())
    out = {}
    for scheme, chart, page in (("light", chart_light, page_light), ("dark", chart_dark, page_dark)):
        backgrounds = {"--fd-chart-bg": chart["--fd-chart-bg"], "--fd-bg": page["--fd-bg"], "--fd-surface": page["--fd-surface"]}
        rows = []
        for name, value in chart.items():
            if name == "--fd-chart-bg":
                continue
            worst = min(backgrounds.items(), key=lambda bg: ratio(value, bg[1]))
            needed = requirement(name)
            lowest = round(ratio(value, worst[1]), 2)
            rows.append({"property": name, "color": value.lower(), "ratio": lowest, "against": worst[0],
                         "required": needed, "passes": needed is None or lowest >= needed})
        out[scheme] = {"backgrounds": backgrounds, "colors": rows}
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=pathlib.Path, help="write the ratios as JSON to this file")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    result = report()
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    failed = [(s, c) for s in result for c in result[s]["colors"] if not c["passes"]]
    if args.markdown:
        print("| custom property | light | ratio | dark | ratio | needs |")
        print("| --- | --- | --- | --- | --- | --- |")
        dark = {c["property"]: c for c in result["dark"]["colors"]}
        for c in result["light"]["colors"]:
            d = dark.get(c["property"], {})
            needs = f"{c['required']:g}:1" if c["required"] else "exempt"
            print(f"| `{c['property']}` | `{c['color']}` | {c['ratio']:.2f} | `{d.get('color', '')}` | {d.get('ratio', 0):.2f} | {needs} |")
    elif not args.json:
        for scheme, data in result.items():
            print(f"{scheme}: backgrounds " + ", ".join(f"{k} {v}" for k, v in data["backgrounds"].items()))
            for c in data["colors"]:
                needs = f"needs {c['required']:g}:1" if c["required"] else "exempt"
                print(f"  {c['property']:<20} {c['color']}  {c['ratio']:5.2f}:1 against {c['against']:<14} {needs:<12} {'ok' if c['passes'] else 'FAIL'}")
    for scheme, c in failed:
        print(f"palette_contrast: {scheme} {c['property']} {c['color']} has {c['ratio']:.2f}:1, needs {c['required']:g}:1", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
