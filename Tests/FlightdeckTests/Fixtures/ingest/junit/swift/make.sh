#!/bin/sh
# Regenerates swift-testing.xml with the real `swift test --xunit-output` (Swift 6.3, Swift Testing) over a few
# of Flightdeck's own tests. Run from the package root after `swift build --build-tests`.
cd "$(dirname "$0")/../../../../../.." && FLIGHTDECK_NO_SERVER=1 swift test --skip-build --filter TestAnalysisTests \
  --xunit-output /tmp/flightdeck-xunit.xml >/dev/null 2>&1
cp /tmp/flightdeck-xunit-swift-testing.xml Tests/FlightdeckTests/Fixtures/ingest/junit/swift/swift-testing.xml
