import Foundation

/// A streaming XML tokenizer for JUnit files: reads its source a chunk at a time, so memory stays bounded
/// by the chunk size and the largest single tag, however large the file is.
///
/// Safe by construction: a DOCTYPE is refused outright, so no entity can be declared (no billion laughs)
/// and no external entity or DTD is ever fetched; only the five predefined entities and character
/// references are expanded. It checks that tags nest and close, and that the file does not end early.
package final class XMLTokenizer {
    /// Turn on to receive `.text` events (off: character data is skipped without being decoded).
    package var captureText = false
    /// The file's path, for diagnostics.
    package let path: String
    /// Characters XML 1.0 forbids, found in decoded text and attributes since the reader last emptied this list.
    package var forbidden: [(location: SourceLocation, scalar: UInt32)] = []

    private var source: XMLByteSource
    /// The window of the file in memory: `used` bytes at `storage`, the first at file offset `base`.
    private var storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
    private var capacity = 1 << 16
    private var used = 0
    private var pos = 0
    private var base = 0
    private var atEnd = false
    private var line = 1
    private var lineStart = 0
    private var columnCache = (offset: 0, column: 1)
    private var open: [(name: String, location: SourceLocation)] = []
    private var pendingEnd: String?
    private var inCDATA: SourceLocation?
    private var utf16 = false
    private var sawRoot = false
    private var found: [XMLEntities.Forbidden] = []
    /// Bytes read at a time (4 MB; tests use tiny chunks to exercise every boundary).
    let chunkSize: Int
    static let maxDepth = 256
    static let maxTagBytes = 1 << 20

    /// Creates a tokenizer over a byte source.
    package init(_ source: XMLByteSource, path: String, chunkSize: Int = 1 << 22) {
        self.source = source
        self.path = path
        self.chunkSize = max(1, chunkSize)
    }

    deinit {
        source.close()
        storage.deallocate()
    }

    /// The place of the tokenizer's current position.
    package var location: SourceLocation { location(at: base + pos) }

    /// The next event, or nil at the end of a well-formed document.
    package func next() throws(DiagnosticError) -> XMLToken? {
        if let name = pendingEnd { pendingEnd = nil; _ = open.popLast(); return .end(name: name) }
        while true {
            if pos > chunkSize { compact() }
            guard pos < used || fill() else {
                if utf16 { throw failure("file is UTF-16; save it as UTF-8") }
                if let (name, where_) = open.last {
                    throw failure("file ends inside <\(name)> opened at \(where_.line):\(where_.column); it looks truncated")
                }
                if !sawRoot { throw failure("no root element; expected <testsuites> or <testsuite>") }
                return nil
            }
            if let here = inCDATA {
                if let token = try cdataBody(here) { return token }
            } else if storage[pos] == UInt8(ascii: "<") {
                if let token = try markup() { return token }
            } else if let text = try text() {
                return .text(text)
            }
        }
    }

    // MARK: buffer

    private func fill() -> Bool {
        guard !atEnd else { return false }
        if used + chunkSize > capacity {
            let grown = max(capacity * 2, used + chunkSize)
            let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            fresh.update(from: storage, count: used)
            storage.deallocate()
            storage = fresh
            capacity = grown
        }
        var count = source.read(into: storage + used, size: chunkSize)
        guard count > 0 else { atEnd = true; return false }
        if base == 0, used == 0 {
            // Look at three bytes at least, to recognise a byte order mark whatever the chunk size.
            while count < 3, capacity >= 3 {
                let more = source.read(into: storage + count, size: 3 - count)
                if more == 0 { break }
                count += more
            }
            let first = UnsafeBufferPointer(start: storage, count: count)
            if first.starts(with: [0xFF, 0xFE]) || first.starts(with: [0xFE, 0xFF]) {
                utf16 = true
                atEnd = true
                return false
            }
            if first.starts(with: [0xEF, 0xBB, 0xBF]) {
                storage.update(from: storage + 3, count: count - 3)
                used = count - 3
                return used > 0 || fill()
            }
        }
        used += count
        return true
    }

    private func compact() {
        if lineStart < base + pos { _ = location(at: base + pos) }
        storage.update(from: storage + pos, count: used - pos)
        used -= pos
        base += pos
        pos = 0
    }

    /// Makes sure `count` bytes from `pos` are in the buffer; false at the end of the input.
    private func ensure(_ count: Int) -> Bool {
        while used - pos < count { guard fill() else { return false } }
        return true
    }

    private func location(at offset: Int) -> SourceLocation {
        let b = storage
        var (from, column) = columnCache.offset >= lineStart && columnCache.offset <= offset ? columnCache : (lineStart, 1)
        from = max(from, base)
        var i = from - base
        let end = offset - base
        while i < end { if b[i] & 0xC0 != 0x80 { column += 1 }; i += 1 }
        columnCache = (offset, column)
        return SourceLocation(file: path, line: line, column: column)
    }

    private func failure(_ message: String, at location: SourceLocation? = nil) -> DiagnosticError {
        DiagnosticError(.error("invalid XML: \(message)", at: location ?? self.location))
    }

    /// Advances over `count` bytes, counting line breaks.
    private func advance(_ count: Int) {
        countLines(upTo: pos + count)
        pos += count
    }

    /// Counts the line breaks from `pos` up to `end` (memchr: long runs of text cost little).
    private func countLines(upTo end: Int) {
        var at = pos
        while at < end, let found = memchr(storage + at, 0x0A, end - at) {
            at = storage.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            line += 1
            lineStart = base + at
        }
    }

    /// The offset of the first `byte` at or after `from` in the window, or `used`.
    private func find(_ byte: UInt8, from: Int) -> Int {
        guard from < used, let found = memchr(storage + from, Int32(byte), used - from) else { return used }
        return storage.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    // MARK: character data

    private func text() throws(DiagnosticError) -> String? {
        let start = pos
        let startLocation = captureText ? location : nil
        while true {
            let stop = find(UInt8(ascii: "<"), from: pos)
            countLines(upTo: stop)
            pos = stop
            if pos < used || pos - start > Self.maxTagBytes || !fill() { break }
        }
        let b = storage // after any fill: it may have moved the window
        if open.isEmpty {
            for k in start..<pos where ![0x20, 0x09, 0x0A, 0x0D].contains(b[k]) {
                throw failure("text outside the root element", at: location(at: base + k))
            }
            return nil
        }
        guard captureText, pos > start else { return nil }
        var end = pos
        // A run cut before its '<' may end inside an entity: leave that for the next call.
        if pos == used, let amp = UnsafeBufferPointer(start: storage, count: used)[start..<pos].lastIndex(of: UInt8(ascii: "&")), amp > start,
           !UnsafeBufferPointer(start: storage, count: used)[amp..<pos].contains(UInt8(ascii: ";")) { end = amp; pos = amp }
        let result = XMLEntities.decode(UnsafeBufferPointer(start: storage + start, count: end - start), normalise: false, forbidden: &found)
        switch result {
        case .success(let text):
            if !found.isEmpty, let startLocation { note(offsetsFrom: start, scanningFrom: start, at: startLocation) }
            return text
        case .failure(let problem): throw failure(problem.message, at: startLocation)
        }
    }

    /// Moves the forbidden characters just decoded (offsets from `base`) to `forbidden`, with their places,
    /// counting from `scanStart`, whose place is `scanLocation`. Runs only when there are some.
    private func note(offsetsFrom base: Int, scanningFrom scanStart: Int, at scanLocation: SourceLocation) {
        var line = scanLocation.line, column = scanLocation.column, k = scanStart
        for character in found {
            while k < base + character.offset {
                if storage[k] == 0x0A { line += 1; column = 1 } else if storage[k] & 0xC0 != 0x80 { column += 1 }
                k += 1
            }
            forbidden.append((SourceLocation(file: path, line: line, column: column), character.scalar))
        }
        found.removeAll(keepingCapacity: true)
    }

    // MARK: markup

    private func markup() throws(DiagnosticError) -> XMLToken? {
        let here = location
        guard ensure(2) else { throw failure("file ends inside a tag; it looks truncated") }
        switch storage[pos + 1] {
        case UInt8(ascii: "/"): return try endTag(here)
        case UInt8(ascii: "?"): try skip(until: "?>", what: "processing instruction", here, declaration: true); return nil
        case UInt8(ascii: "!"):
            if startsWith("<!--") { try skip(until: "-->", what: "comment", here); return nil }
            if startsWith("<![CDATA[") {
                guard !open.isEmpty else { throw failure("CDATA outside the root element", at: here) }
                advance(9)
                inCDATA = here
                return nil
            }
            if startsWith("<!DOCTYPE") || startsWith("<!doctype") {
                throw failure("DOCTYPE declarations are not allowed: entity declarations, entity expansion and external entities are disabled", at: here)
            }
            throw failure("unexpected '<!'", at: here)
        default: return try startTag(here)
        }
    }

    private func startsWith(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard ensure(count) else { return false }
        for k in 0..<count where storage[pos + k] != literal.utf8Start[k] { return false }
        return true
    }

    private func skip(until terminator: StaticString, what: String, _ here: SourceLocation, declaration: Bool = false) throws(DiagnosticError) {
        var b = storage
        let start = pos
        let t = Array(UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount))
        var i = pos + 2
        while true {
            while i + t.count <= used {
                if b[i] == t[0], t.indices.allSatisfy({ b[i + $0] == t[$0] }) {
                    if declaration { try checkEncoding(Array(UnsafeBufferPointer(start: storage + start, count: i - start)), here) }
                    advance(i + t.count - pos)
                    return
                }
                i += 1
            }
            if i - pos > Self.maxTagBytes {
                // A long comment is dropped as it is read, so the window stays small; a declaration may not be long.
                guard !declaration else { throw failure("\(what) longer than \(Self.maxTagBytes) bytes", at: here) }
                advance(i - pos)
                compact()
                i = pos
            }
            guard fill() else { throw failure("\(what) never ends; the file looks truncated", at: here) }
            b = storage
        }
    }

    private func checkEncoding(_ bytes: [UInt8], _ here: SourceLocation) throws(DiagnosticError) {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        guard let range = text.range(of: "encoding=") else { return }
        let value = text[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
        if value != "utf-8" && value != "utf8" && value != "us-ascii" {
            throw failure("only UTF-8 is supported, but the file declares encoding \"\(value)\"; save it as UTF-8", at: here)
        }
    }

    /// Scans CDATA content up to `]]>`; a long section is handed over in pieces so the buffer stays small.
    private func cdataBody(_ here: SourceLocation) throws(DiagnosticError) -> XMLToken? {
        let b = storage
        let start = pos
        var i = pos
        while i + 3 <= used {
            i = find(UInt8(ascii: "]"), from: i)
            guard i + 3 <= used else { break }
            if b[i + 1] == UInt8(ascii: "]"), b[i + 2] == UInt8(ascii: ">") {
                let text = captureText && i > start ? try decodeCDATA(start, i, here) : nil
                advance(i + 3 - pos)
                inCDATA = nil
                return text.map { .text($0) }
            }
            i += 1
        }
        var text: String?
        if used - start > 2 {
            var cut = used - 2
            while cut > start, b[cut] & 0xC0 == 0x80 { cut -= 1 }
            if captureText, cut > start { text = try decodeCDATA(start, cut, here) }
            advance(cut - pos)
        }
        guard fill() else { throw failure("CDATA section never ends; the file looks truncated", at: here) }
        return text.map { .text($0) }
    }

    /// CDATA text from `start` (the current position) to `end`: no entities, forbidden characters noted.
    private func decodeCDATA(_ start: Int, _ end: Int, _ here: SourceLocation) throws(DiagnosticError) -> String {
        let result = XMLEntities.decode(UnsafeBufferPointer(start: storage + start, count: end - start), normalise: false,
                                        entities: false, forbidden: &found)
        switch result {
        case .success(let text):
            if !found.isEmpty { note(offsetsFrom: start, scanningFrom: start, at: location) }
            return text
        case .failure(let problem): throw failure(problem.message, at: here)
        }
    }

    private func decodeRaw(_ start: Int, _ end: Int, _ here: SourceLocation) throws(DiagnosticError) -> String {
        let result = XMLEntities.utf8(UnsafeBufferPointer(start: storage + start, count: end - start))
        switch result {
        case .success(let text): return text
        case .failure(let problem): throw failure(problem.message, at: here)
        }
    }

    // MARK: tags

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
    private static func endsName(_ b: UInt8) -> Bool {
        isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=")
    }

    /// Finds the `>` ending the tag that starts at `pos`, outside quoted values; reads more as needed.
    private func tagEnd(_ here: SourceLocation) throws(DiagnosticError) -> Int {
        var b = storage
        var i = pos + 1
        var quote: UInt8 = 0
        while true {
            while i < used {
                let b = b[i]
                if quote != 0 { if b == quote { quote = 0 } }
                else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { quote = b }
                else if b == UInt8(ascii: ">") { return i }
                else if b == UInt8(ascii: "<") { throw failure("'<' inside a tag; a tag is not closed", at: location(at: base + i)) }
                i += 1
            }
            guard i - pos < Self.maxTagBytes else { throw failure("tag longer than \(Self.maxTagBytes) bytes", at: here) }
            guard fill() else { throw failure("file ends inside a tag; it looks truncated", at: here) }
            b = storage
        }
    }

    private func name(_ from: Int, _ to: Int, _ here: SourceLocation) throws(DiagnosticError) -> String {
        guard to > from else { throw failure("expected a name after '<'", at: here) }
        return try decodeRaw(from, to, here)
    }

    private func endTag(_ here: SourceLocation) throws(DiagnosticError) -> XMLToken {
        let close = try tagEnd(here)
        let b = storage
        var end = pos + 2
        while end < close, !Self.endsName(b[end]) { end += 1 }
        let tag = try name(pos + 2, end, here)
        guard let (expected, opened) = open.last else { throw failure("closing tag </\(tag)> without an opening tag", at: here) }
        guard tag == expected else {
            throw failure("closing tag </\(tag)> does not match <\(expected)> opened at \(opened.line):\(opened.column)", at: here)
        }
        open.removeLast()
        advance(close + 1 - pos)
        return .end(name: tag)
    }

    private func startTag(_ here: SourceLocation) throws(DiagnosticError) -> XMLToken {
        let close = try tagEnd(here)
        let b = storage
        var i = pos + 1
        while i < close, !Self.endsName(b[i]) { i += 1 }
        let tag = try name(pos + 1, i, here)
        var attributes: [(name: String, value: String)] = []
        attributes.reserveCapacity(4)   // a testcase has three or four: one allocation
        var selfClosing = false
        while true {
            while i < close, Self.isSpace(b[i]) { i += 1 }
            if i >= close { break }
            if b[i] == UInt8(ascii: "/") {
                guard i + 1 == close else { throw failure("unexpected '/' in <\(tag)>", at: location(at: base + i)) }
                selfClosing = true
                break
            }
            let nameStart = i
            while i < close, !Self.endsName(b[i]) { i += 1 }
            let attribute = try name(nameStart, i, here)
            while i < close, Self.isSpace(b[i]) { i += 1 }
            guard i < close, b[i] == UInt8(ascii: "=") else { throw failure("attribute '\(attribute)' of <\(tag)> has no value", at: here) }
            i += 1
            while i < close, Self.isSpace(b[i]) { i += 1 }
            guard i < close, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else {
                throw failure("value of attribute '\(attribute)' must be in quotes", at: here)
            }
            let quote = b[i]
            let valueStart = i + 1
            i = valueStart
            while i < close, b[i] != quote { i += 1 }
            let result = XMLEntities.decode(UnsafeBufferPointer(start: b + valueStart, count: i - valueStart), normalise: true, forbidden: &found)
            switch result {
            case .success(let value):
                if !found.isEmpty { note(offsetsFrom: valueStart, scanningFrom: pos, at: here) }
                attributes.append((attribute, value))
            case .failure(let problem): throw failure("in attribute '\(attribute)' of <\(tag)>: \(problem.message)", at: here)
            }
            i += 1
            if attributes.count > 256 { throw failure("more than 256 attributes in <\(tag)>", at: here) }
        }
        if open.isEmpty, sawRoot { throw failure("a second root element <\(tag)>; a file has one root", at: here) }
        sawRoot = true
        guard open.count < Self.maxDepth else { throw failure("elements nested more than \(Self.maxDepth) deep", at: here) }
        open.append((tag, here))
        if selfClosing { pendingEnd = tag }
        advance(close + 1 - pos)
        return .start(name: tag, attributes: attributes, location: here, selfClosing: selfClosing)
    }
}
