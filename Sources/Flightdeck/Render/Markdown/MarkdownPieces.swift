import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a long Markdown text can be cut into pieces that libcmark parses, one at a time, to the HTML of the whole.
///
/// libcmark builds a document's whole tree before it renders any of it, and for short paragraphs, lists and links
/// that tree is about 16 times the text. Parsed in pieces, only one piece's tree is alive at a time.
///
/// A piece starts at a line that follows a blank line and starts in column 0 with a character that cannot start
/// a list item (not a space, tab, `-`, `+`, `*` or digit). Such a line closes every block CommonMark has open
/// except a top-level fenced code block or HTML block of types 1 to 5, which blank lines do not close. This scan
/// follows those blocks to avoid cutting inside them; `MarkdownRenderer` then checks each cut on libcmark's
/// own tree (`MarkdownPieceCheck`) and parses the rest of the text whole when one is wrong.
///
/// Link reference definitions are the one thing that reaches across blocks. Each piece is parsed after
/// `definitions`: the document's definitions, in document order, each block of them as written. The text is not
/// cut (nil) when a definition could be anywhere else: every paragraph that may start with one (`[label]:` in
/// column 0 after a blank line, or a label that goes on to the next line: `mayStartDefinition`) must hold only
/// definitions (checked on libcmark's parse of `definitions` and, per piece, that libcmark did not read them as part
/// of another block). Any other `]:` must be text: in a code block or an HTML block, or in a paragraph or heading
/// whose first line cannot start a definition (a definition can only start a paragraph). Each piece checks that on
/// its tree (`markLines`, `MarkdownPieceCheck.holdsNoDefinition`), else the text is parsed whole.
struct MarkdownPieces {
    /// One piece: its bytes in the text and the 1-based line it starts on.
    struct Piece: Equatable {
        var bytes: Range<Int>
        var firstLine: Int
    }

    /// The pieces, in order; together they are the whole text.
    private(set) var pieces: [Piece]
    /// The paragraphs of link reference definitions, separated by blank lines; "" when there are none.
    let definitions: String
    /// The 1-based line each paragraph of `definitions` starts on in the text, in order.
    let definitionLines: [Int]
    /// The 1-based lines, in order, that hold `]:` outside `definitions`: text, as each piece checks.
    let markLines: [Int]

    /// How large pieces are.
    struct Size: Sendable {
        /// Each piece but the last is at least this many bytes; a text of less than twice as many is parsed whole.
        var bytes: Int
        /// And at least this many times the size of the definitions, which each piece is parsed after, so that
        /// parsing them again costs at most a fraction of the text's own parse.
        var definitionsFactor: Int

        /// What `flightdeck build` parses with: libcmark's tree of 128 KiB of Markdown is about 2 MiB.
        static let standard = Size(bytes: 128 << 10, definitionsFactor: 4)
        /// For a text whose HTML is made where it is used (`MarkdownRenderer.parse(htmlOnUse:)`), beside the pages
        /// being rendered: at most 32 KiB, a tree of about 0.5 MiB.
        var onUse: Size { bytes > 32 << 10 ? Size(bytes: 32 << 10, definitionsFactor: definitionsFactor) : self }
        /// A cut at every line that allows one (for tests).
        static let smallest = Size(bytes: 1, definitionsFactor: 0)
        /// No cut (for tests).
        static let whole = Size(bytes: 1 << 50, definitionsFactor: 0)
    }

    /// Finds the pieces of `text` of at least `size`; nil when the text cannot be cut (see the type's description)
    /// or is one piece.
    init?(_ text: String, size: Size) {
        var text = text
        guard let found = text.withUTF8({ MarkdownPieces(bytes: $0, size: size) }) else { return nil }
        self = found
    }

    /// Finds the pieces of the UTF-8 text `bytes`, as `init(_:size:)` does. `giveBack(n)` is told, a mebibyte at a
    /// time, that the scan is done with the first `n` bytes (a mapped file's pages can then go).
    init?(bytes: UnsafeBufferPointer<UInt8>, size: Size, giveBack: (Int) -> Void = { _ in }) {
        guard bytes.count >= 2 * size.bytes, let scanned = Scan(bytes: bytes, pieceBytes: size.bytes).run(giveBack: giveBack) else {
            return nil
        }
        definitions = scanned.definitions
        definitionLines = scanned.definitionLines
        markLines = scanned.markLines
        pieces = scanned.pieces
        coalesce(atLeast: max(size.bytes, definitions.utf8.count * size.definitionsFactor))
        guard pieces.count > 1 else { return nil }
    }

    /// Joins neighbouring pieces until each but the last is at least `size` bytes (any run of pieces is a piece).
    private mutating func coalesce(atLeast size: Int) {
        var joined: [Piece] = []
        for piece in pieces {
            if let last = joined.last, last.bytes.count < size {
                joined[joined.count - 1].bytes = last.bytes.lowerBound..<piece.bytes.upperBound
            } else {
                joined.append(piece)
            }
        }
        pieces = joined
    }

    /// Makes the pieces from `index` on one piece (a cut there was wrong).
    mutating func joinFrom(_ index: Int) {
        guard index < pieces.count - 1, let last = pieces.last else { return }
        pieces[index].bytes = pieces[index].bytes.lowerBound..<last.bytes.upperBound
        pieces.removeSubrange((index + 1)...)
    }

    /// Whether `text` (a line from where a paragraph's text starts) may start a link reference definition: it starts
    /// with `[`, and the label does not end on this line other than with `]:` nor hold an unescaped `[`, as
    /// libcmark's label scan reads it. A paragraph whose first line may not holds no definition at all (`[#12](url)
    /// fixed …` is a link); one whose label goes on to the next line may.
    static func mayStartDefinition<Line: Collection<UInt8>>(_ text: Line) -> Bool {
        guard text.first == UInt8(ascii: "[") else { return false }
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            switch text[index] {
            case UInt8(ascii: "\\"):
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            case UInt8(ascii: "["):
                return false
            case UInt8(ascii: "]"):
                let next = text.index(after: index)
                return next < text.endIndex && text[next] == UInt8(ascii: ":")
            default:
                break
            }
            index = text.index(after: index)
        }
        return true
    }

    /// The indentation of `line` in columns (a tab goes to the next multiple of 4) and the index of its first other
    /// byte (`line.endIndex` when it is blank).
    static func indentation<Line: Collection<UInt8>>(_ line: Line) -> (columns: Int, first: Line.Index) {
        var columns = 0
        var index = line.startIndex
        while index < line.endIndex {
            switch line[index] {
            case 0x20: columns += 1
            case 0x09: columns += 4 - columns % 4
            default: return (columns, index)
            }
            index = line.index(after: index)
        }
        return (columns, index)
    }

    /// One pass over the lines of the text.
    private struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        let pieceBytes: Int

        /// What is open at the top level, as far as this scan can tell.
        private enum Open {
            case nothing
            /// A fenced code block: its fence character and length.
            case fence(UInt8, Int)
            /// An HTML block of type 1 to 5 (CommonMark 0.30, 4.6).
            case html(Int)
        }

        struct Result {
            var pieces: [Piece]
            var definitions: String
            var definitionLines: [Int]
            var markLines: [Int] = []
        }

        func run(giveBack: (Int) -> Void) -> Result? {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
            // A byte-order mark, a NUL or a lone carriage return (a line ending of its own, checked line by line
            // below): parse whole.
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return nil }
            var givenBack = 0
            var result = Result(pieces: [Piece(bytes: 0..<bytes.count, firstLine: 1)], definitions: "", definitionLines: [])
            var definitionBytes: [UInt8] = []
            var open = Open.nothing
            var afterBlank = true
            var inDefinitions = false
            var lineNumber = 0
            var start = 0
            while start < bytes.count {
                lineNumber += 1
                let newline = memchr(base + start, 0x0A, bytes.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
                let next = newline.map { $0 + 1 } ?? bytes.count
                if memchr(base + start, 0, next - start) != nil { return nil }
                // The first carriage return of the line must be the one right before its line feed.
                if let carriageReturn = memchr(base + start, 0x0D, (newline ?? bytes.count) - start) {
                    if newline.map({ base.distance(to: carriageReturn.assumingMemoryBound(to: UInt8.self)) != $0 - 1 }) ?? true { return nil }
                }
                if start - givenBack >= 1 << 20 {
                    giveBack(start)
                    givenBack = start
                }
                var end = newline ?? bytes.count
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                defer { start = next }
                let line = start..<end
                let written = start..<(newline ?? bytes.count)  // with a carriage return, which a title may hold
                let (indent, first) = indentation(line)
                let blank = first == end
                let startsDefinitions: Bool
                if case .nothing = open {
                    startsDefinitions = afterBlank && !blank && MarkdownPieces.mayStartDefinition(bytes[line])
                } else {
                    startsDefinitions = false
                }
                if startsDefinitions {
                    if !definitionBytes.isEmpty { definitionBytes.append(contentsOf: [0x0A, 0x0A]) }
                    definitionBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[written]))
                    result.definitionLines.append(lineNumber)
                    inDefinitions = true
                } else if inDefinitions, !blank {
                    definitionBytes.append(0x0A)
                    definitionBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[written]))
                } else if hasDefinitionMark(line) {
                    // Table cells take a line shaped like a definition for one wherever it is (`TableExtension`):
                    // the text is parsed whole, so that they see the same definitions.
                    if TableExtension.definitionStart(bytes[line]) != nil { return nil }
                    // Text, in a code block, an HTML block, or a paragraph or heading whose first line cannot start
                    // a definition, as each piece checks; anywhere else a definition this scan cannot follow.
                    result.markLines.append(lineNumber)
                }
                if blank { inDefinitions = false }
                switch open {
                case .fence(let character, let length):
                    if indent <= 3, isClosingFence(first..<end, character: character, length: length) { open = .nothing }
                    afterBlank = false
                    continue
                case .html(let kind):
                    if hasHTMLEnd(kind, first..<end) { open = .nothing }
                    afterBlank = false
                    continue
                case .nothing:
                    break
                }
                if blank {
                    afterBlank = true
                    continue
                }
                if afterBlank, indent == 0, !Self.mayStartListItem(bytes[start]) {
                    if let last = result.pieces.last, start - last.bytes.lowerBound >= pieceBytes {
                        result.pieces[result.pieces.count - 1].bytes = last.bytes.lowerBound..<start
                        result.pieces.append(Piece(bytes: start..<bytes.count, firstLine: lineNumber))
                    }
                }
                afterBlank = false
                guard indent <= 3 else { continue }
                if let fence = openingFence(first..<end) {
                    open = .fence(fence.character, fence.length)
                } else if let kind = htmlStart(first..<end), !hasHTMLEnd(kind, first..<end) {
                    open = .html(kind)
                }
            }
            result.definitions = String(decoding: definitionBytes, as: UTF8.self)
            return result
        }

        /// The line's indentation in columns and the index of its first other byte (`line.upperBound` when blank).
        private func indentation(_ line: Range<Int>) -> (Int, Int) {
            MarkdownPieces.indentation(bytes[line])
        }

        /// Whether a line starting with `byte` in column 0 could start a list item.
        private static func mayStartListItem(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") || (0x30...0x39).contains(byte)
        }

        /// Whether the line holds `]:`, the end of a link reference definition's label.
        private func hasDefinitionMark(_ line: Range<Int>) -> Bool {
            guard let base = bytes.baseAddress else { return false }
            var index = line.lowerBound
            while index < line.upperBound, let hit = memchr(base + index, Int32(UInt8(ascii: "]")), line.upperBound - index) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 1 < line.upperBound, bytes[at + 1] == UInt8(ascii: ":") { return true }
                index = at + 1
            }
            return false
        }

        /// The run of `character` at the start of `text`.
        private func run(of character: UInt8, in text: Range<Int>) -> Int {
            var index = text.lowerBound
            while index < text.upperBound, bytes[index] == character { index += 1 }
            return index - text.lowerBound
        }

        /// A code fence opening at the start of `text` (after the indentation): three or more backticks not
        /// followed by another backtick on the line, or three or more tildes.
        private func openingFence(_ text: Range<Int>) -> (character: UInt8, length: Int)? {
            guard let character = text.isEmpty ? nil : bytes[text.lowerBound],
                  character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return nil }
            let length = run(of: character, in: text)
            guard length >= 3 else { return nil }
            if character == UInt8(ascii: "`"), bytes[(text.lowerBound + length)..<text.upperBound].contains(character) { return nil }
            return (character, length)
        }

        /// A closing fence: at least `length` of `character`, then only spaces and tabs.
        private func isClosingFence(_ text: Range<Int>, character: UInt8, length: Int) -> Bool {
            let count = run(of: character, in: text)
            return count >= length && bytes[(text.lowerBound + count)..<text.upperBound].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }

        /// The type (1 to 5) of an HTML block starting at the start of `text`, as libcmark 0.30 scans it.
        private func htmlStart(_ text: Range<Int>) -> Int? {
            guard text.count >= 2, bytes[text.lowerBound] == UInt8(ascii: "<") else { return nil }
            let rest = (text.lowerBound + 1)..<text.upperBound
            for name in ["script", "pre", "textarea", "style"] where hasPrefix(name, rest, caseInsensitive: true) {
                let after = rest.lowerBound + name.utf8.count
                if after == text.upperBound || [0x20, 0x09, 0x0B, 0x0C, 0x0D, UInt8(ascii: ">")].contains(bytes[after]) { return 1 }
            }
            if hasPrefix("!--", rest) { return 2 }
            if hasPrefix("?", rest) { return 3 }
            if hasPrefix("![CDATA[", rest) { return 5 }
            if hasPrefix("!", rest), rest.count >= 2, (0x41...0x5A).contains(bytes[rest.lowerBound + 1]) { return 4 }
            return nil
        }

        /// Whether an HTML block of type `kind` ends on this line (its end condition, searched from the line's first
        /// non-blank byte as libcmark does, so a block can end on its first line).
        private func hasHTMLEnd(_ kind: Int, _ text: Range<Int>) -> Bool {
            switch kind {
            case 1: ["</script>", "</pre>", "</textarea>", "</style>"].contains { contains($0, text, caseInsensitive: true) }
            case 2: contains("-->", text)
            case 3: contains("?>", text)
            case 4: bytes[text].contains(UInt8(ascii: ">"))
            default: contains("]]>", text)
            }
        }

        private func hasPrefix(_ prefix: String, _ text: Range<Int>, caseInsensitive: Bool = false) -> Bool {
            let needle = Array(prefix.utf8)
            guard text.count >= needle.count else { return false }
            return needle.indices.allSatisfy { Self.same(bytes[text.lowerBound + $0], needle[$0], caseInsensitive) }
        }

        private func contains(_ needle: String, _ text: Range<Int>, caseInsensitive: Bool = false) -> Bool {
            guard let first = needle.utf8.first, let base = bytes.baseAddress else { return false }
            var index = text.lowerBound
            while index < text.upperBound, let hit = memchr(base + index, Int32(first), text.upperBound - index) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if hasPrefix(needle, at..<text.upperBound, caseInsensitive: caseInsensitive) { return true }
                index = at + 1
            }
            return false
        }

        /// Byte equality, ASCII letters folded when `caseInsensitive` (`needle` is lowercase).
        private static func same(_ byte: UInt8, _ needle: UInt8, _ caseInsensitive: Bool) -> Bool {
            byte == needle || (caseInsensitive && (0x41...0x5A).contains(byte) && byte + 0x20 == needle)
        }
    }
}

/// Checks on libcmark's tree of one piece that the cuts `MarkdownPieces` chose were right.
enum MarkdownPieceCheck {
    /// Whether a top-level block of `document` covers one of `lines` (where paragraphs of reference definitions
    /// start, which leave no block when they hold only definitions). An HTML block closed by its end condition
    /// ends a line after the one libcmark gives it.
    static func covers(_ document: CmarkDocument, lines: [Int]) -> Bool {
        guard !lines.isEmpty else { return false }
        var node = cmark_node_first_child(document.root)
        for line in lines {
            while let block = node, lastLine(of: block) < line { node = cmark_node_next(block) }
            if let block = node, Int(cmark_node_get_start_line(block)) <= line { return true }
        }
        return false
    }

    /// Whether each of `lines` (in order) is text that holds no link reference definition in `document`: a line in a
    /// code block or an HTML block, or in a paragraph or heading whose first line cannot start a definition (a
    /// definition can only start a paragraph; libcmark keeps a paragraph's start where its definitions began).
    ///
    /// Only lines surely inside a code or HTML block are counted: libcmark ends a fenced code block on the line that
    /// closed it, which is a closing fence or, when its container ended first, the next block's first line; and an
    /// HTML block closed by its end condition a line early. A mark on such a line, or in no such block, fails the
    /// check, and the text is parsed whole.
    static func holdsNoDefinition(_ document: CmarkDocument, lines: [Int]) -> Bool {
        guard !lines.isEmpty else { return true }
        // The leaf blocks, in document order (leaves do not nest), each with whether a mark in it is text.
        var leaves: [(lines: ClosedRange<Int>, text: Bool)] = []
        document.forEachNode { node in
            let type = CmarkNode.type(node)
            let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
            switch type {
            case CMARK_NODE_CODE_BLOCK: leaves.append((start...max(start, end - 1), true))
            case CMARK_NODE_HTML_BLOCK: leaves.append((start...max(start, end), true))
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                leaves.append((start...max(start, end), !mayStartDefinition(document, line: start, column: Int(cmark_node_get_start_column(node)))))
            default: break
            }
        }
        var index = 0
        for line in lines {
            while index < leaves.count, leaves[index].lines.upperBound < line { index += 1 }
            guard index < leaves.count, leaves[index].lines.contains(line), leaves[index].text else { return false }
        }
        return true
    }

    /// Whether the block whose text starts at `line`, `column` (1-based, in bytes) may start with a definition
    /// (`MarkdownPieces.mayStartDefinition`), after any spaces and tabs; true when the place is not in the text.
    private static func mayStartDefinition(_ document: CmarkDocument, line: Int, column: Int) -> Bool {
        let text = document.lines.line(line)
        guard column >= 1, column - 1 <= text.count else { return true }
        let rest = text.dropFirst(column - 1)
        guard let first = rest.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return true }
        return MarkdownPieces.mayStartDefinition(rest[first...])
    }

    /// Whether the piece ends (on its blank line `lastLine`) inside a fenced code block or an HTML block of type 1
    /// to 5, which the next piece's first line would not have closed.
    static func leavesBlockOpen(_ document: CmarkDocument, lastLine: Int) -> Bool {
        guard let block = cmark_node_last_child(document.root), Int(cmark_node_get_end_line(block)) >= lastLine else { return false }
        switch CmarkNode.type(block) {
        case CMARK_NODE_HTML_BLOCK:
            return true
        case CMARK_NODE_CODE_BLOCK:
            // Fenced, not indented: its first line is indented less than four columns.
            return MarkdownPieces.indentation(document.lines.line(Int(cmark_node_get_start_line(block)))).columns < 4
        default:
            return false
        }
    }

    private static func lastLine(of block: OpaquePointer) -> Int {
        Int(cmark_node_get_end_line(block)) + (CmarkNode.type(block) == CMARK_NODE_HTML_BLOCK ? 1 : 0)
    }
}
