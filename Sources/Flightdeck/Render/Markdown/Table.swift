import CCmark

/// A table found in one block's source lines.
struct Table {
    /// Lines before the header row (a paragraph in cmark-gfm), with `\|` unescaped as cmark-gfm does.
    let before: [String]
    let alignments: [TableRow.Alignment]
    let header: [String]
    let rows: [[String]]
    /// Lines after the table that start other blocks.
    let after: [String]

    /// Lines from the first lazy continuation line on, as written: cmark-gfm closes the block's containers
    /// there, so they go after the block's outermost container.
    let outside: [String]

    /// Finds the table in `node`'s lines, or nil when they do not form one.
    init?(_ node: OpaquePointer, lines: SourceLines) {
        let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
        let indent = max(0, Int(cmark_node_get_start_column(node)) - 1)
        guard first >= 1, last > first, last - first < 100_000, lines.mayHoldDelimiterRow((first + 1)...last) else { return nil }
        var raw = (first...last).map { lines.line($0) }
        // A block has no blank line; cmark's end line for a setext heading can take in the one after it.
        if let blank = raw.indices.dropFirst().first(where: { raw[$0].allSatisfy { $0 == 0x20 || $0 == 0x09 } }) {
            raw.removeSubrange(blank...)
        }
        let text = raw.indices.map { Self.dropPrefix(raw[$0], upTo: indent, exactly: $0 == 0) }
        let container = ContainerPrefix(raw[0].prefix(indent))
        // A setext heading's underline cannot be the delimiter row (cmark-gfm makes the heading first).
        let contentCount = CmarkNode.type(node) == CMARK_NODE_HEADING ? text.count - 1 : text.count
        var found: (Int, [TableRow.Alignment], [String])?
        for index in 1..<max(1, contentCount) where !container.isLazy(raw[index]) {
            guard let alignments = TableRow.alignments(text[index]), let header = TableRow(text[index - 1]),
                  header.cells.count == alignments.count else { continue }
            found = (index, alignments, header.cells)
            break
        }
        guard let (delimiter, alignments, header) = found else { return nil }
        var end = delimiter + 1
        while end < text.count, !container.isLazy(raw[end]), !Self.startsBlock(text[end]) { end += 1 }
        var lazy = end
        if end < text.count, !container.isLazy(raw[end]) {
            lazy = text.count
        }
        before = text[..<(delimiter - 1)].map { String(decoding: TableRow.unescapePipes($0), as: UTF8.self) }
        self.alignments = alignments
        self.header = header
        rows = text[(delimiter + 1)..<end].map { line in
            let cells = TableRow(line)?.cells ?? []
            return (0..<alignments.count).map { $0 < cells.count ? cells[$0] : "" }
        }
        after = text[end..<lazy].map { String(decoding: $0, as: UTF8.self) }
        outside = raw[lazy...].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Drops a container prefix (`> `, list indentation): `indent` bytes on the block's first line, and up to
    /// that many spaces, tabs and `>` on the others (lazy continuation lines have none).
    private static func dropPrefix(_ line: ArraySlice<UInt8>, upTo indent: Int, exactly: Bool) -> ArraySlice<UInt8> {
        if exactly { return line.dropFirst(indent) }
        var start = line.startIndex
        while start < line.endIndex, start - line.startIndex < indent,
              [0x20, 0x09, UInt8(ascii: ">")].contains(line[start]) { start += 1 }
        return line[start...]
    }

    /// Whether a line would start a block that ends a table but not a CommonMark paragraph: a list item
    /// (any number, or empty), indented code, or a thematic break turned setext underline.
    private static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex, columns = 0
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 {
            columns += line[index] == 0x09 ? 4 : 1
            index += 1
        }
        if columns >= 4 { return index < line.endIndex }
        let rest = line[index...]
        guard let first = rest.first else { return false }
        let isSpaceOrEnd: (Int) -> Bool = { $0 >= rest.endIndex || rest[$0] == 0x20 || rest[$0] == 0x09 }
        if "-*+".utf8.contains(first), isSpaceOrEnd(rest.startIndex + 1) { return true }
        var digits = rest.startIndex
        while digits < rest.endIndex, (0x30...0x39).contains(rest[digits]), digits - rest.startIndex < 9 { digits += 1 }
        if digits > rest.startIndex, digits < rest.endIndex, rest[digits] == UInt8(ascii: ".") || rest[digits] == UInt8(ascii: ")"),
           isSpaceOrEnd(digits + 1) { return true }
        if "-*_".utf8.contains(first) {
            let marks = rest.filter { $0 != 0x20 && $0 != 0x09 }
            if marks.count >= 3, marks.allSatisfy({ $0 == first }) { return true }
        }
        return isLoneTag(rest)
    }

    /// CommonMark's HTML block start 7, which cannot interrupt a paragraph but ends a table: a line that is
    /// one open or closing tag (`<span class="x">`, `</div>`) and nothing else.
    private static func isLoneTag(_ line: ArraySlice<UInt8>) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        guard end - line.startIndex >= 3, line.first == UInt8(ascii: "<"), line[end - 1] == UInt8(ascii: ">") else { return false }
        var name = line.startIndex + 1
        if line[name] == UInt8(ascii: "/") { name += 1 }
        let isLetter: (UInt8) -> Bool = { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        guard name < end, isLetter(line[name]) else { return false }
        let inner = line[(line.startIndex + 1)..<(end - 1)]
        var quote: UInt8?
        for byte in inner {
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
                return false
            }
        }
        return quote == nil
    }
}
