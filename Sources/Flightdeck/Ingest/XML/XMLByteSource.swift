package import Foundation

/// Where an `XMLTokenizer` reads bytes from: a file in chunks, or bytes already in memory.
package enum XMLByteSource {
    /// Reads a file a chunk at a time.
    case file(FileHandle)
    /// Bytes held in memory (tests, small inputs).
    case bytes([UInt8])

    /// Opens a file for chunked reading; the error names the file.
    package static func open(_ url: URL, path: String) throws(DiagnosticError) -> XMLByteSource {
        do { return .file(try FileHandle(forReadingFrom: url)) } catch {
            throw DiagnosticError(.error("cannot read file: \(error.localizedDescription)", at: .file(path)))
        }
    }

    /// Reads up to `size` bytes into `target`; the count read, 0 at the end (or on a read error).
    mutating func read(into target: UnsafeMutablePointer<UInt8>, size: Int) -> Int {
        switch self {
        case .file(let handle):
            while true {
                let count = Foundation.read(handle.fileDescriptor, target, size)
                if count < 0, errno == EINTR { continue }
                return max(0, count)
            }
        case .bytes(let bytes):
            let count = min(size, bytes.count)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                if let start = source.baseAddress { target.update(from: start, count: count) }
            }
            self = .bytes(Array(bytes.dropFirst(count)))
            return count
        }
    }

    /// Closes a file.
    func close() {
        if case .file(let handle) = self { try? handle.close() }
    }
}

/// One XML event.
package enum XMLToken {
    /// `<name a="v">` or `<name/>` (`selfClosing`), at the place of its `<`.
    case start(name: String, attributes: [(name: String, value: String)], location: SourceLocation, selfClosing: Bool)
    /// `</name>` (also sent right after a self-closing start).
    case end(name: String)
    /// Character data (entities decoded, CDATA included), only while `captureText` is on; may come in pieces.
    case text(String)
}
