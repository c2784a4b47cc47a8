/// A hand-written RFC 4180 scanner over bytes: comma-separated cells, cells in double quotes may hold
/// commas, line breaks and doubled quotes; records end in LF, CRLF or a lone CR (old Mac files: each counts as a
/// line); a leading UTF-8 BOM is skipped.
///
/// It streams: each record is handed to a callback as byte ranges, so memory stays flat however large
/// the file is. (CSV.swift, the package used before, decodes every cell into a `String`: reading the
/// 1,000,000-row benchmark file and summing four columns took it 3.7 s of CPU, against 1.1 s for Python's
/// csv module and 0.49 s for the whole Flightdeck baseline ingest; see docs/performance/ingest.md.)
package enum CSVScanner {
    /// Calls `body` with each record in order; stops at the first malformed record with an error at its place.
    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>, path: String,
                             _ body: (CSVRecord) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        var record = CSVRecord(base: bytes)
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var line = 1, lineStart = i
        while i < n {
            record.cells.removeAll(keepingCapacity: true)
            record.line = line
            record.lineStart = lineStart
            var endOfRecord = false
            while !endOfRecord {
                if i < n, bytes[i] == UInt8(ascii: "\"") {
                    let open = i, openLine = line, openLineStart = lineStart
                    i += 1
                    let start = i
                    var escaped = false
                    while true {
                        guard i < n else {
                            let column = CSVRecord.columnOf(open, lineStart: openLineStart, in: bytes)
                            throw DiagnosticError(.error("quoted CSV cell never closes", at: SourceLocation(file: path, line: openLine, column: column)))
                        }
                        let byte = bytes[i]
                        if byte == UInt8(ascii: "\"") {
                            if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\"") { escaped = true; i += 2; continue }
                            break
                        }
                        if byte == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
                        i += 1
                    }
                    record.cells.append(CSVRecord.Cell(start: start, end: i, quoted: true, escaped: escaped))
                    i += 1
                    if i < n, bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "\r") {
                        let column = CSVRecord.columnOf(i, lineStart: lineStart, in: bytes)
                        throw DiagnosticError(.error("expected ',' or a line break after a closing quote, found '\(Unicode.Scalar(bytes[i]))'",
                                                     at: SourceLocation(file: path, line: line, column: column)))
                    }
                } else {
                    let start = i
                    while i < n, bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "\r") { i += 1 }
                    record.cells.append(CSVRecord.Cell(start: start, end: i, quoted: false, escaped: false))
                }
                if i < n, bytes[i] == UInt8(ascii: "\r"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                if i >= n || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r") {
                    endOfRecord = true
                    if i < n { i += 1; line += 1; lineStart = i }
                } else {
                    i += 1 // the comma
                    if i >= n { record.cells.append(CSVRecord.Cell(start: i, end: i, quoted: false, escaped: false)); endOfRecord = true }
                }
            }
            try body(record)
        }
    }
}

extension CSVRecord {
    /// The 1-based scalar column of a byte offset on a line starting at `lineStart`.
    static func columnOf(_ offset: Int, lineStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for k in lineStart..<max(lineStart, offset) where bytes[k] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
