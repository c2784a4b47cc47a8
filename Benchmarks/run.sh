#!/usr/bin/env bash
# All benchmarks, release mode, each side by side with its named peer (see docs/performance.md).
# Usage: Benchmarks/run.sh [site|markdown_pages|large|templates|ingest|charts|server ...]   (default: all)
# large (1,000 releases x 1,000 tests, issue #13) takes several minutes; Benchmarks/large.sh N M runs a smaller one.
set -euo pipefail
cd "$(dirname "$0")/.."
topics=("$@")
[ ${#topics[@]} -gt 0 ] || topics=(site markdown_pages large templates ingest charts server)
for topic in "${topics[@]}"; do
  script="Benchmarks/$topic.sh"
  if [ ! -x "$script" ]; then echo "no benchmark '$topic' ($script)"; exit 2; fi
  echo "== $topic"
  "$script"
  echo
done
