#!/bin/sh
# Regenerates pytest.xml with the real pytest (xunit2 family, the default) from src/.
cd "$(dirname "$0")" && python3 -m pytest src -q -p no:cacheprovider -p no:benchmark --junitxml=pytest.xml -o junit_family=xunit2 -o junit_logging=all >/dev/null; exit 0
