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
case "bench":
    let iterations = arguments.dropFirst().first.flatMap { Int($0) } ?? 200
    ChartTiming.run(iterations: iterations)
default:
    print("usage: ChartsBench gallery DIR | ChartsBench bench [ITERATIONS]")
    exit(2)
}
