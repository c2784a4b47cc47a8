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

    /// The next chunk, or nil at the end.
    mutating func read(_ size: Int) -> [UInt8]? {
        switch self {
        case .file(let handle):
            guard let data = try? handle.read(upToCount: size), !data.isEmpty else { return nil }
            return [UInt8](data)
        case .bytes(let bytes):
            guard !bytes.isEmpty else { return nil }
            self = .bytes(Array(bytes.dropFirst(size)))
            return Array(bytes.prefix(size))
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
