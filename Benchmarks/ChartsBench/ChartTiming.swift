import FlightdeckCharts

/// Times rendering in release mode: the charts of one release report, and one 100,000-point line chart.
enum ChartTiming {
    /// The median of `runs` timings of `body`, in milliseconds, and the bytes it produced.
    static func measure(runs: Int, _ body: () -> Int) -> (ms: Double, bytes: Int) {
        var bytes = 0
        var samples: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<max(runs, 1) {
            let elapsed = clock.measure { bytes = body() }
            samples.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
        }
        samples.sort()
        return (samples[samples.count / 2], bytes)
    }

    static func run(iterations: Int) {
        let report = Samples.report
        let huge = Samples.hugeLine
        _ = report.map { $0.svg() }  // warm up
        let reportSVG = measure(runs: iterations) { report.reduce(0) { $0 + $1.svg().utf8.count } }
        let reportTables = measure(runs: iterations) { report.reduce(0) { $0 + $1.dataTable().utf8.count } }
        let hugeSVG = measure(runs: max(iterations / 10, 5)) { huge.svg().utf8.count }
        let hugeTable = measure(runs: max(iterations / 10, 5)) { huge.dataTable().utf8.count }
        let largest = report.map { $0.svg().utf8.count }.max() ?? 0
        print("report: \(report.count) charts, median of \(iterations) runs")
        print("  svg    \(fixed(reportSVG.ms)) ms per report (\(fixed(reportSVG.ms / Double(report.count) * 1000)) µs per chart), \(reportSVG.bytes) bytes, largest chart \(largest) bytes")
        print("  tables \(fixed(reportTables.ms)) ms per report, \(reportTables.bytes) bytes")
        print("huge line: 100,000 points")
        print("  svg    \(fixed(hugeSVG.ms)) ms per render, \(hugeSVG.bytes) bytes")
        print("  table  \(fixed(hugeTable.ms)) ms per render, \(hugeTable.bytes) bytes")
        print("RESULT report_ms=\(fixed(reportSVG.ms)) report_bytes=\(reportSVG.bytes) huge_ms=\(fixed(hugeSVG.ms)) huge_bytes=\(hugeSVG.bytes)")
    }

    static func fixed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return String(hundredths / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
