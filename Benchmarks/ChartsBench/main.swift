import Flightdeck
import Foundation

/// `ChartsBench gallery DIR` writes DIR/gallery.html; `ChartsBench bench [ITERATIONS]` times rendering.
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "gallery":
    let directory = arguments.dropFirst().first ?? "gallery"
    do {
        let path = try Gallery.write(to: URL(fileURLWithPath: directory))
        print("wrote \(path)")
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
case "site":
    // Every chart of a Flightdeck site (default: the example site in the current folder).
    let folder = arguments.dropFirst().first ?? "."
    let iterations = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 200
    do {
        let draw = try Site(root: URL(fileURLWithPath: folder)).chartDrawer()
        var times: [Double] = []
        var drawn = (charts: 0, bytes: 0)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            drawn = draw()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        let median = times[times.count / 2]
        print(String(format: "site charts: %d charts, %d bytes (SVG + tables), median %.3f ms per site over %d runs", drawn.charts, drawn.bytes, median, iterations))
        print(String(format: "RESULT site_charts=%d site_ms=%.4f site_bytes=%d", drawn.charts, median, drawn.bytes))
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
case "bench":
    let iterations = arguments.dropFirst().first.flatMap { Int($0) } ?? 200
    ChartTiming.run(iterations: iterations)
default:
    print("usage: ChartsBench gallery DIR | ChartsBench bench [ITERATIONS] | ChartsBench site [DIR [ITERATIONS]]")
    exit(2)
}
