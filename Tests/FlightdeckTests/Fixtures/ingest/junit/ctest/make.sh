#!/bin/sh
# Regenerates ctest.xml with the real ctest --output-junit (CMake 3.25): a pass, a failure, a slow test, a disabled test.
set -e
cd "$(dirname "$0")"
rm -rf /tmp/ctest-fixture-build && mkdir /tmp/ctest-fixture-build
cmake -S src -B /tmp/ctest-fixture-build >/dev/null
(cd /tmp/ctest-fixture-build && ctest --output-junit "$PWD/ctest.xml" >/dev/null 2>&1 || true)
cp /tmp/ctest-fixture-build/ctest.xml ctest.xml
