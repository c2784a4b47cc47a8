/// One line of a GFM pipe table split into cells, as cmark-gfm's table extension splits it.
///
/// A cell runs to the next `|` that is not preceded by a backslash (also inside code spans, as on GitHub);
/// `\|` in a cell becomes `|` before the cell's inlines are parsed; cells are trimmed.
struct TableRow: Equatable {
    /// Column alignment from a delimiter row.
    enum Alignment: Equatable { case none, left, center, right }

    /// The trimmed cell texts, with `\|` unescaped.
    let cells: [String]

    /// Splits `line` (one source line without its newline, container prefixes removed); nil when it has no cell.
    init?(_ line: ArraySlice<UInt8>) {
        var cells: [String] = []
        var index = Self.skipSpaces(line, from: line.startIndex)
        let end = line.endIndex
        if index < end, line[index] == UInt8(ascii: "|") { index = Self.skipSpaces(line, from: index + 1) }
        while index < end {
            var cellEnd = index
            while cellEnd < end, !(line[cellEnd] == UInt8(ascii: "|") && (cellEnd == index || line[cellEnd - 1] != UInt8(ascii: "\\"))) {
                cellEnd += 1
            }
            cells.append(Self.cellText(line[index..<cellEnd]))
            guard cellEnd < end else { break }
            index = Self.skipSpaces(line, from: cellEnd + 1)
        }
        guard !cells.isEmpty else { return nil }
        self.cells = cells
    }

    /// The alignments of a delimiter row (`| :--- | :-: | --: |`), or nil when `line` is not one.
    static func alignments(_ line: ArraySlice<UInt8>) -> [Alignment]? {
        guard line.contains(UInt8(ascii: "-")), let row = TableRow(line) else { return nil }
        var result: [Alignment] = []
        for cell in row.cells {
            let bytes = Array(cell.utf8)
            var start = 0, end = bytes.count
            let left = start < end && bytes[start] == UInt8(ascii: ":")
            if left { start += 1 }
            let right = end > start && bytes[end - 1] == UInt8(ascii: ":")
            if right { end -= 1 }
            guard start < end, bytes[start..<end].allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        // A row like `a|b` splits into cells too; only `-`, `:` and spaces may appear between the pipes.
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    private static func skipSpaces(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex, isSpace(line[index]) { index += 1 }
        return index
    }

    /// Unescapes `\|` and trims whitespace, as cmark-gfm's `unescape_pipes` and `cmark_strbuf_trim` do.
    private static func cellText(_ bytes: ArraySlice<UInt8>) -> String {
        let out = unescapePipes(bytes)
        let isTrimmed: (UInt8) -> Bool = { isSpace($0) || $0 == 0x0A || $0 == 0x0D }
        let start = out.firstIndex { !isTrimmed($0) } ?? out.endIndex
        let end = out.lastIndex { !isTrimmed($0) }.map { $0 + 1 } ?? start
        return String(decoding: out[start..<max(start, end)], as: UTF8.self)
    }

    /// `bytes` with each `\|` turned into `|` (cmark-gfm's `unescape_pipes`, for cells and the lines above a table).
    static func unescapePipes(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "|") { index += 1 }
            out.append(bytes[index])
            index += 1
        }
        return out
    }
}
