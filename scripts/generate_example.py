#!/usr/bin/env python3
"""Regenerate the example site's data files in content/releases/ (deterministic: seeded generators).

The narrative files (release.yaml, notes.md, checklist.md, signoffs.yaml, content/index.md and
content/pages/) are written by hand; the data files come from two seeded generators:

- scripts/example/quality.py     baseline, test suites and performance tests
- scripts/example/operations.py  rollout, incidents and A/B experiments

Run `python3 scripts/generate_example.py` (or `make example`) and commit the result.
"""
import pathlib
import runpy
import sys

HERE = pathlib.Path(__file__).resolve().parent
for name in ("quality", "operations"):
    script = HERE / "example" / f"{name}.py"
    if not script.exists():
        sys.exit(f"missing generator {script}")
    runpy.run_path(str(script), run_name="__main__")
