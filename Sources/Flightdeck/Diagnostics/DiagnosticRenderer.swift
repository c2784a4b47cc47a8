package import Foundation

/// Formats diagnostics for a terminal: the compiler-style line, the source line and a caret under the place.
package enum DiagnosticRenderer {
    /// Renders each diagnostic, reading source lines from files under `root` (paths stay as given).
    package static func render(_ diagnostics: [Diagnostic], root: URL) -> String {
        // The lines each file's diagnostics point at, read in one pass over the file.
        var wanted: [String: Set<Int>] = [:]
        for diagnostic in diagnostics where diagnostic.sourceLine == nil {
            if let location = diagnostic.location, location.line > 0 { wanted[location.file, default: []].insert(location.line) }
        }
        var lines: [String: [Int: String]] = [:]
        for (file, numbers) in wanted {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : root.appendingPathComponent(file)
            lines[file] = Self.lines(numbers, of: url)
        }
        return diagnostics.map { diagnostic in
            guard diagnostic.sourceLine == nil, let location = diagnostic.location,
                  let line = lines[location.file]?[location.line] else { return diagnostic.rendered }
            let shown = line.count > 200 ? String(line.prefix(200)) : line
            return Diagnostic(diagnostic.severity, at: location, diagnostic.message, sourceLine: shown, span: 1).rendered
        }.joined(separator: "\n")
    }

    /// The most bytes of a line kept to show: more than the 200 characters shown take.
    private static let lineBytes = 4_096

    /// The lines `numbers` (1-based, split at line feeds) of the file at `url`, without their line breaks, read a
    /// block at a time up to the last one wanted, so that a large file is never held whole. A line that is not
    /// UTF-8 is left out; nothing is found in a file that cannot be read (the excerpt is only a help).
    static func lines(_ numbers: Set<Int>, of url: URL) -> [Int: String] {
        guard let last = numbers.max(), let handle = try? FileHandle(forReadingFrom: url) else { return [:] }
        defer { try? handle.close() }
        var found: [Int: String] = [:]
        var line = 1
        var keeping = numbers.contains(1)
        var current: [UInt8] = []
        var cut = false
        func finish() {
            if keeping {
                if current.last == UInt8(ascii: "\r") { current.removeLast() }
                // A line cut short may end inside a character: that end is repaired, not the line refused.
                if let text = cut ? String(decoding: current, as: UTF8.self) : String(validating: current, as: UTF8.self) {
                    found[line] = text
                }
            }
            current.removeAll(keepingCapacity: true)
            cut = false
            line += 1
            keeping = numbers.contains(line)
        }
        while line <= last, let block = try? handle.read(upToCount: 1 << 16), !block.isEmpty {
            block.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                guard let base = bytes.baseAddress else { return }
                var offset = 0
                while offset < bytes.count, line <= last {
                    let end = memchr(base + offset, 0x0A, bytes.count - offset).map { base.distance(to: UnsafeRawPointer($0)) }
                    if keeping {
                        let room = Self.lineBytes - current.count
                        let piece = (end ?? bytes.count) - offset
                        current.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + min(piece, room))]))
                        if piece > room { cut = true }
                    }
                    guard let end else { break }
                    finish()
                    offset = end + 1
                }
            }
        }
        if line <= last { finish() }   // the last line, without a line break
        return found
    }
}
