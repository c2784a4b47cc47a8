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
        // A file that exists but cannot be read says so under its diagnostics, rather than their lines going missing
        // without a word; a file that is not there (a diagnostic about a missing file) shows no line.
        var unreadable: [String: String] = [:]
        for (file, numbers) in wanted {
            let path = file.hasPrefix("/") ? file : root.appendingPathComponent(file).path
            do {
                lines[file] = try Self.lines(numbers, of: path)
            } catch where error.code == .ENOENT {
                continue
            } catch {
                unreadable[file] = error.localizedDescription
            }
        }
        return diagnostics.map { diagnostic in
            guard diagnostic.sourceLine == nil, let location = diagnostic.location else { return diagnostic.rendered }
            if let why = unreadable[location.file] { return diagnostic.rendered + "\n  (cannot read \(location.file) to show the line: \(why))" }
            guard let line = lines[location.file]?[location.line] else { return diagnostic.rendered }
            let shown = line.count > 200 ? String(line.prefix(200)) : line
            return Diagnostic(diagnostic.severity, at: location, diagnostic.message, sourceLine: shown, span: 1).rendered
        }.joined(separator: "\n")
    }

    /// The most bytes of a line kept to show: more than the 200 characters shown take.
    private static let lineBytes = 4_096

    /// The lines `numbers` (1-based, split at line feeds) of the file at `path`, without their line breaks, read a
    /// block at a time up to the last one wanted, so that a large file is never held whole. A line that is not UTF-8
    /// is left out; a file that cannot be opened or read is an error.
    static func lines(_ numbers: Set<Int>, of path: String) throws(POSIXError) -> [Int: String] {
        guard let last = numbers.max() else { return [:] }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
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
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while line <= last {
            let count = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            if count == 0 { break }
            block.withUnsafeBytes { (whole: UnsafeRawBufferPointer) in
                guard let base = whole.baseAddress else { return }
                let bytes = UnsafeRawBufferPointer(start: base, count: count)
                var offset = 0
                while offset < count, line <= last {
                    let end = memchr(base + offset, 0x0A, count - offset).map { base.distance(to: UnsafeRawPointer($0)) }
                    if keeping {
                        let room = Self.lineBytes - current.count
                        let piece = (end ?? count) - offset
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
