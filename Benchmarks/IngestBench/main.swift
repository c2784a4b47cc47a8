// IngestBench: times Flightdeck's ingest of a large JUnit file and a large baseline CSV, in release mode.
// Usage: IngestBench junit FILE [REPEATS] | IngestBench baseline FILE [REPEATS]
// Prints one line: `swift <kind> best=<wall s> cpu=<CPU s> tests=<n>|rows=<n> peak_rss_mb=<MB>` (Benchmarks/ingest.sh runs it).
import Flightdeck
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: IngestBench junit|baseline FILE [REPEATS]\n".utf8))
    exit(2)
}
let kind = arguments[1]
let url = URL(fileURLWithPath: arguments[2])
let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3

/// Peak resident set size of this process so far, in MB (Linux reports ru_maxrss in KB).
func peakMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// CPU seconds this process has used (user + system): steadier than wall time on a shared machine.
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

var best = Double.infinity
var bestCPU = Double.infinity
var summary = ""
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    let startCPU = cpuSeconds()
    switch kind {
    case "junit":
        let figures = IngestBenchmark.junit(url)
        summary = "tests=\(figures.total) failed=\(figures.failed) error=\(figures.error) skipped=\(figures.skipped) time=\(String(format: "%.3f", figures.time))"
    case "baseline":
        let figures = IngestBenchmark.baseline(url)
        summary = "rows=\(figures.rows) successful=\(figures.successful) cost=\(String(format: "%.4f", figures.cost))"
    case "csvswift":
        let figures = CSVSwiftPeer.baseline(url)
        summary = "rows=\(figures.rows) successful=\(figures.successful) cost=\(String(format: "%.4f", figures.cost))"
    default:
        FileHandle.standardError.write(Data("unknown kind \(kind)\n".utf8))
        exit(2)
    }
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    bestCPU = min(bestCPU, cpuSeconds() - startCPU)
}
print("swift \(kind) best=\(String(format: "%.3f", best)) cpu=\(String(format: "%.3f", bestCPU)) \(summary) peak_rss_mb=\(String(format: "%.1f", peakMegabytes()))")
