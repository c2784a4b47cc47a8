/// Parses JSON (RFC 8259) into a located `DataNode` tree; errors name line and column.
///
/// A file of many records can be read a record at a time (`read(_:path:recordsUnder:record:)`): each record of
/// its list becomes a node, is handed over and dropped, so the nodes of all records are never held at once.
package struct JSONReader {
    /// The text's UTF-8, valid while `parse` runs.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let path: String
    /// Where records go when reading a record at a time; nil when the whole tree is built.
    private let record: ((String?, DataNode) throws(DiagnosticError) -> Void)?
    /// The members of a top-level object whose list holds the records.
    private let listKeys: [String]
    /// The mapped file the bytes are, when they are: the pages before each record are given back.
    private let mapped: MappedFile?
    private var position = 0
    /// The 1-based line of `position` and the offset that line starts at: JSON has line breaks only between
    /// tokens, so `skipSpace` counts them, and a value's place needs no search of the line starts.
    private var line = 1
    private var lineStart = 0
    /// The last column worked out (at `offset`), to count on from: columns count Unicode scalars.
    private var columnCache = (offset: 0, column: 1)
    private static let maxDepth = InputLimits.standard.nestingDepth

    private init(_ bytes: UnsafeBufferPointer<UInt8>, path: String, listKeys: [String], mapped: MappedFile?,
                 record: ((String?, DataNode) throws(DiagnosticError) -> Void)?) {
        self.bytes = bytes
        self.mapped = mapped
        self.path = path
        self.listKeys = listKeys
        self.record = record
    }

    /// Parses a whole JSON document.
    package static func read(_ text: String, path: String) throws(DiagnosticError) -> DataNode {
        var copy = text
        // The String's own UTF-8, not a copy of it.
        let result: Result<DataNode, DiagnosticError> = copy.withUTF8 { bytes in
            do throws(DiagnosticError) {
                return .success(try parse(bytes, path: path, listKeys: [], mapped: nil, record: nil))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a JSON file (`MappedFile.open`, which checked its UTF-8) whose records are a list: the document
    /// itself, or the list under one of `listKeys` in a top-level object. Each record goes to `record` as soon as
    /// it is parsed, with the key of its list (nil for the document's own), and nothing keeps it; the pages
    /// before each record are given back. Returns the document with that list empty (the object's other members
    /// as `read` gives them). A syntax error is thrown at the same place as by `read`, after the records before it
    /// were handed over.
    package static func read(_ file: MappedFile, path: String, recordsUnder listKeys: [String],
                             record: (_ key: String?, DataNode) throws(DiagnosticError) -> Void) throws(DiagnosticError) -> DataNode {
        let result: Result<DataNode, DiagnosticError> = withoutActuallyEscaping(record) { record in
            do throws(DiagnosticError) {
                return .success(try parse(file.bytes, path: path, listKeys: listKeys, mapped: file, record: record))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, path: String, listKeys: [String], mapped: MappedFile?,
                              record: ((String?, DataNode) throws(DiagnosticError) -> Void)?) throws(DiagnosticError) -> DataNode {
        var reader = JSONReader(bytes, path: path, listKeys: listKeys, mapped: mapped, record: record)
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.position = 3 }
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.position < reader.bytes.count { throw reader.failure("expected end of JSON after the value") }
        return value
    }

    /// The place of `position`, as `SourceFile.location(ofUTF8Offset:)` gives it.
    private mutating func here() -> SourceLocation {
        var (from, column) = columnCache.offset >= lineStart && columnCache.offset <= position ? columnCache : (lineStart, 1)
        while from < position {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        columnCache = (position, column)
        return SourceLocation(file: path, line: line, column: column)
    }

    private mutating func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error("invalid JSON: \(message)", at: here()))
    }

    private var found: String {
        guard position < bytes.count else { return "end of file" }
        let scalar = String(decoding: bytes[position..<min(bytes.count, position + 4)], as: UTF8.self).unicodeScalars.first
        return scalar.map { "'\($0)'" } ?? "a byte that is not UTF-8"
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0D, 0x09: position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(DiagnosticError) -> DataNode {
        guard depth < Self.maxDepth else { throw failure("nested more than \(Self.maxDepth) levels deep") }
        let start = here()
        guard position < bytes.count else { throw failure("expected a value, found end of file") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return DataNode(.object(try object(depth: depth)), at: start)
        case UInt8(ascii: "[") where depth == 0 && record != nil:
            try records(depth: depth, key: nil)
            return DataNode(.array([]), at: start)
        case UInt8(ascii: "["): return DataNode(.array(try array(depth: depth)), at: start)
        case UInt8(ascii: "\""): return DataNode(.string(try string()), at: start)
        case UInt8(ascii: "t"): try literal("true"); return DataNode(.bool(true), at: start)
        case UInt8(ascii: "f"): try literal("false"); return DataNode(.bool(false), at: start)
        case UInt8(ascii: "n"): try literal("null"); return DataNode(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return DataNode(try number(), at: start)
        default: throw failure("expected a value, found \(found)")
        }
    }

    private mutating func literal(_ word: String) throws(DiagnosticError) {
        let utf8 = Array(word.utf8)
        guard bytes.count - position >= utf8.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
            throw failure("expected a value, found \(found)")
        }
        position += utf8.count
    }

    private mutating func object(depth: Int) throws(DiagnosticError) -> [(key: String, keyLocation: SourceLocation, value: DataNode)] {
        position += 1
        var entries: [(key: String, keyLocation: SourceLocation, value: DataNode)] = []
        var seen = Set<String>()
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return entries }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a string key, found \(found)") }
            let keyLocation = here()
            let key = try string()
            // Small objects (most) are checked by a scan of their keys; a set only once there are many.
            let duplicate: Bool
            if entries.count < 16 {
                duplicate = entries.contains { $0.key == key }
            } else {
                if seen.isEmpty { seen = Set(entries.map(\.key)) }
                duplicate = !seen.insert(key).inserted
            }
            guard !duplicate else {
                throw DiagnosticError(.error("invalid JSON: duplicate key '\(key)'", at: keyLocation))
            }
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("expected ':' after the key, found \(found)") }
            position += 1
            skipSpace()
            if depth == 0, record != nil, listKeys.contains(key), position < bytes.count, bytes[position] == UInt8(ascii: "[") {
                let start = here()
                try records(depth: depth + 1, key: key)
                entries.append((key, keyLocation, DataNode(.array([]), at: start)))
            } else {
                entries.append((key, keyLocation, try value(depth: depth + 1)))
            }
            skipSpace()
            guard position < bytes.count else { throw failure("expected ',' or '}', found end of file") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return entries }
            throw failure("expected ',' or '}', found \(found)")
        }
    }

    private mutating func array(depth: Int) throws(DiagnosticError) -> [DataNode] {
        var items: [DataNode] = []
        try elements(depth: depth) { (item: DataNode) throws(DiagnosticError) in items.append(item) }
        return items
    }

    /// Each item of the list at `position`, in order, to `each`.
    private mutating func elements(depth: Int, _ each: (DataNode) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        position += 1
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return }
        while true {
            skipSpace()
            // Before a record: nothing before it is read again.
            if record != nil { mapped?.release(upTo: min(position, columnCache.offset)) }
            try each(try value(depth: depth + 1))
            skipSpace()
            guard position < bytes.count else { throw failure("expected ',' or ']', found end of file") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return }
            throw failure("expected ',' or ']', found \(found)")
        }
    }

    /// A list whose items go to `record` one by one, as `array` would read them.
    private mutating func records(depth: Int, key: String?) throws(DiagnosticError) {
        guard let record else { return }
        try elements(depth: depth) { (item: DataNode) throws(DiagnosticError) in try record(key, item) }
    }

    private mutating func string() throws(DiagnosticError) -> String {
        position += 1
        // Most strings have no escapes: one decode of the bytes between the quotes.
        var end = position
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let text = String(decoding: bytes[position..<end], as: UTF8.self)
            position = end + 1
            return text
        }
        // The text came from a String, so it is valid UTF-8, and an escape never splits a character: runs and
        // escapes can be gathered as bytes and decoded once.
        var utf8: [UInt8] = []
        var runStart = position
        func flush(_ end: Int) { utf8.append(contentsOf: bytes[runStart..<end]) }
        func append(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { utf8.append($0) } }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                flush(position)
                position += 1
                return String(decoding: utf8, as: UTF8.self)
            }
            if byte < 0x20 { throw failure("control character in string; write it as an escape") }
            if byte != UInt8(ascii: "\\") { position += 1; continue }
            flush(position)
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): append("\"")
            case UInt8(ascii: "\\"): append("\\")
            case UInt8(ascii: "/"): append("/")
            case UInt8(ascii: "b"): append("\u{08}")
            case UInt8(ascii: "f"): append("\u{0C}")
            case UInt8(ascii: "n"): append("\n")
            case UInt8(ascii: "r"): append("\r")
            case UInt8(ascii: "t"): append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code), bytes.count - position >= 6,
                   bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("unpaired surrogate in \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("unpaired surrogate in \\u escape") }
                append(scalar)
            default:
                position -= 2
                throw failure("unknown escape '\\\(Unicode.Scalar(escape))' in string")
            }
            runStart = position
        }
        throw failure("string never closes")
    }

    private mutating func hex4() throws(DiagnosticError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw failure("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(bytes[position])).hexDigitValue else {
                throw failure("expected four hex digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func number() throws(DiagnosticError) -> DataNode.Kind {
        let start = position
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - from
        }
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let intStart = position
        guard digits() > 0 else { throw failure("expected digits in number") }
        if bytes[intStart] == UInt8(ascii: "0"), position - intStart > 1 { position = intStart; throw failure("numbers may not have leading zeros") }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard digits() > 0 else { throw failure("expected digits after '.'") }
        }
        var hasExponent = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isInteger = false
            hasExponent = true
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw failure("expected digits in exponent") }
        }
        if isInteger, position - intStart <= 18 {
            // Up to 18 digits always fit an Int: no text to make and parse.
            var value = 0
            for k in intStart..<position { value = value * 10 + Int(bytes[k] &- UInt8(ascii: "0")) }
            return .int(bytes[start] == UInt8(ascii: "-") ? -value : value)
        }
        if !isInteger, !hasExponent,
           let double = NumberParser.double(UnsafeBufferPointer(rebasing: bytes[start..<position])) {
            return .double(double)   // the exact fast path for short decimals, as Double(String) would give
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let int = Int(text) { return .int(int) }
        guard let double = Double(text), double.isFinite else { position = start; throw failure("number \(text) is out of range") }
        return .double(double)
    }
}

/// A JSON data file read a record at a time (`JSONReader.read(_:path:recordsUnder:record:)`) from its checked
/// bytes (`MappedFile`), so that neither its text nor all its records are ever in memory at once.
enum JSONFile {
    /// The file's records to `record`, and the rest of the document; a file that is not UTF-8 is an error at the
    /// first bad byte, as `ContentFile.readText` gives it.
    static func read(_ file: ContentFile, recordsUnder listKeys: [String],
                     record: (_ key: String?, DataNode) throws(DiagnosticError) -> Void) throws(DiagnosticError) -> DataNode {
        let text = try MappedFile.open(file)
        return try withExtendedLifetime(text) { () throws(DiagnosticError) -> DataNode in
            try JSONReader.read(text, path: file.path, recordsUnder: listKeys, record: record)
        }
    }
}
