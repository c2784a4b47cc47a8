import FlightdeckTemplates

/// The Markdown body of a file (after its front matter), kept for the rest of the build: the text itself, or, for
/// a long file read in place (`MarkdownFile`), only where it is in the file, read again where it is used once
/// checked to be what was read (its SHA-256). A 4 MiB postmortem is then not held beside its HTML for the whole
/// build: the export streams it from its file (`writePieces`), and a page reads it only if its templates do.
package struct MarkdownBody: Sendable, Encodable, JSONStreamedString {
    private enum Storage: Sendable {
        case text(String)
        /// `count` bytes from byte `start` of the file at `path` (absolute), whose SHA-256 is `digest`.
        case file(path: String, start: Int, count: Int, digest: [UInt8])
    }

    private let storage: Storage
    /// The file's path, relative to the site root, for diagnostics.
    let file: String
    /// Whether the body is only white space (or nothing): then there is no postmortem.
    let isBlank: Bool

    /// No body.
    package static let empty = MarkdownBody("", file: "")

    /// The body `text` of `file`.
    package init(_ text: String, file: String) {
        // Searched, not trimmed: a long body is not copied.
        self.init(storage: .text(text), file: file, isBlank: !text.unicodeScalars.contains { !$0.properties.isWhitespace })
    }

    /// The bytes of `mapped` from `start` (its body), kept as where they are in their file; as text when they were
    /// read into memory rather than mapped.
    init(_ mapped: MappedFile, from start: Int, file: String) {
        let bytes = UnsafeBufferPointer(rebasing: mapped.bytes[start...])
        guard let path = mapped.path else {
            self.init(String(decoding: bytes, as: UTF8.self), file: file)
            return
        }
        var blank = true
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        scan: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar) where scalar.properties.isWhitespace: continue
            case .emptyInput: break scan
            case .scalarValue, .error:
                blank = false
                break scan
            }
        }
        self.init(storage: .file(path: path, start: start, count: bytes.count, digest: mapped.digest(from: start)),
                  file: file, isBlank: blank)
    }

    private init(storage: Storage, file: String, isBlank: Bool) {
        self.storage = storage
        self.file = file
        self.isBlank = isBlank
    }

    /// Whether the body is empty.
    package var isEmpty: Bool {
        switch storage {
        case .text(let text): text.isEmpty
        case .file(_, _, let count, _): count == 0
        }
    }

    /// The text, read again from its file if that is where it is kept.
    package func text() throws(DiagnosticError) -> String {
        switch storage {
        case .text(let text): return text
        case .file(let path, let start, let count, let digest):
            guard let mapped = MappedFile.unchanged(path: path, start: start, count: count, digest: digest) else { throw Self.changed(file) }
            return String(decoding: UnsafeBufferPointer(rebasing: mapped.bytes[start...]), as: UTF8.self)
        }
    }

    /// The body parsed as Markdown; the arguments as in `MarkdownRenderer.parse`. A body kept in its file is parsed
    /// there, in place.
    func parse(unsafeHTML: Bool, nested: Bool = false, demote: Bool = true, ids: HeadingIDScope = .page, firstLine: Int,
               keepLinks: Bool) throws(DiagnosticError) -> MarkdownDocument {
        switch storage {
        case .text(let text):
            return try MarkdownRenderer.parse(text, file: file, unsafeHTML: unsafeHTML, nested: nested, demote: demote, ids: ids,
                                              firstLine: firstLine, keepLinks: keepLinks)
        case .file(let path, let start, let count, let digest):
            guard let mapped = MappedFile.unchanged(path: path, start: start, count: count, digest: digest) else { throw Self.changed(file) }
            return try MarkdownRenderer.parse(mapped, from: start, file: file, unsafeHTML: unsafeHTML, nested: nested, demote: demote,
                                              ids: ids, firstLine: firstLine, keepLinks: keepLinks)
        }
    }

    /// Calls `body` with the text's bytes and a `giveBack(n)` that lets the first `n` of them leave memory; a body
    /// kept in its file is mapped again, once checked to be what was read (else a located error, before `body`).
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>, _ giveBack: (Int) -> Void) throws -> R) throws -> R {
        switch storage {
        case .text(var text):
            return try text.withUTF8 { try body($0, { _ in }) }
        case .file(let path, let start, let count, let digest):
            guard let mapped = MappedFile.unchanged(path: path, start: start, count: count, digest: digest) else { throw Self.changed(file) }
            return try body(UnsafeBufferPointer(rebasing: mapped.bytes[start...]), { mapped.release(start..<(start + $0)) })
        }
    }

    /// Hands the text to `piece`: a body kept in its file is read a piece of at most `pieceBytes` at a time (cut
    /// between characters), after its file is checked, so that it is never whole in memory.
    package func writePieces(_ piece: (String) throws -> Void) throws {
        if case .text(let text) = storage { return try piece(text) }
        try withBytes { bytes, giveBack in
            var from = 0
            while from < bytes.count {
                var to = min(bytes.count, from + Self.pieceBytes)
                while to < bytes.count, bytes[to] & 0xC0 == 0x80 { to -= 1 }   // not inside a character
                try piece(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self))
                giveBack(to)
                from = to
            }
        }
    }

    /// How much of a body kept in its file is read at a time.
    static let pieceBytes = 1 << 16

    /// Encoded as its text.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text())
    }

    /// The error for a file that is no longer what was read.
    static func changed(_ file: String) -> DiagnosticError {
        DiagnosticError(.error("the file changed while the site was being built (it is read again where it is used); build again",
                               at: .file(file)))
    }
}
