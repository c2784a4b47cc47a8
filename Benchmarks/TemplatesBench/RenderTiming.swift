import Foundation
import FlightdeckTemplates

/// `TemplatesBench bench DIR ITERATIONS`: renders DIR/report.html with DIR/context.json and prints timings:
/// wall-clock time and process CPU time (the fairer figure on a busy machine; the caller only waits while
/// the render thread works).
enum RenderTiming {
    static func run(folder: URL, iterations: Int) throws {
        let loadStart = ContinuousClock.now
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("context.json").path),
              case .object(let pairs) = try Value(jsonData: data) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        let context = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        let loadTime = milliseconds(ContinuousClock.now - loadStart)
        let environment = Environment(sources: [.directory(folder)])
        let firstStart = ContinuousClock.now
        let output = try environment.render("report.html", context: context)
        let firstTime = milliseconds(ContinuousClock.now - firstStart)
        try output.write(to: folder.appendingPathComponent("flightdeck.html"), atomically: true, encoding: .utf8)
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<iterations {
            let start = ContinuousClock.now, cpuStart = cpuMilliseconds()
            let again = try environment.render("report.html", context: context)
            cpu.append(cpuMilliseconds() - cpuStart)
            wall.append(milliseconds(ContinuousClock.now - start))
            precondition(again.utf8.count == output.utf8.count)
        }
        wall.sort()
        cpu.sort()
        print(String(format: "flightdeck: json load %.1f ms, first render (parse + render) %.2f ms, render median %.2f ms (min %.2f), cpu median %.2f ms (min %.2f) over %d, output %d bytes",
                     loadTime, firstTime, wall[wall.count / 2], wall[0], cpu[cpu.count / 2], cpu[0], iterations, output.utf8.count))
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// CPU time of the whole process (all threads).
    static func cpuMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }
}
