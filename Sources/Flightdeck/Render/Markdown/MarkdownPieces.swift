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
/// Link reference definitions are the one thing that reaches across blocks: a piece may use a label that another
/// defines. `MarkdownRenderer` parses each piece after the text's definitions that it may use, as libcmark reads
/// them (`ReferenceDefinitions`), wherever they are: at the top level, in a list item or a block quote, before a
/// paragraph's text.
struct MarkdownPieces {
    /// One piece: its bytes in the text and the 1-based line it starts on.
    struct Piece: Equatable {
        var bytes: Range<Int>
        var firstLine: Int
    }

    /// The pieces, in order; together they are the whole text.
    private(set) var pieces: [Piece]

    /// How large pieces are.
    struct Size: Sendable {
        /// Each piece but the last is at least this many bytes; a text of less than twice as many is parsed whole.
        var bytes: Int

        /// What `flightdeck build` parses with: libcmark's tree of 128 KiB of Markdown is about 2 MiB.
        static let standard = Size(bytes: 128 << 10)
        /// For a text whose HTML is made where it is used (`MarkdownRenderer.parse(htmlOnUse:)`), beside the pages
        /// being rendered: at most 32 KiB, a tree of about 0.5 MiB.
        var onUse: Size { bytes > 32 << 10 ? Size(bytes: 32 << 10) : self }
        /// A cut at every line that allows one (for tests).
        static let smallest = Size(bytes: 1)
        /// No cut (for tests).
        static let whole = Size(bytes: 1 << 50)
    }

    /// Finds the pieces of `text` of at least `size.bytes`; nil when the text cannot be cut (see the type's
    /// description) or is one piece.
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
        pieces = scanned
        coalesce(atLeast: size.bytes)
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

        func run(giveBack: (Int) -> Void) -> [Piece]? {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
            // A byte-order mark, a NUL or a lone carriage return (a line ending of its own, checked line by line
            // below): parse whole.
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return nil }
            var givenBack = 0
            var pieces = [Piece(bytes: 0..<bytes.count, firstLine: 1)]
            var open = Open.nothing
            var afterBlank = true
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
                let (indent, first) = indentation(line)
                let blank = first == end
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
                    if let last = pieces.last, start - last.bytes.lowerBound >= pieceBytes {
                        pieces[pieces.count - 1].bytes = last.bytes.lowerBound..<start
                        pieces.append(Piece(bytes: start..<bytes.count, firstLine: lineNumber))
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
            return pieces
        }

        /// The line's indentation in columns and the index of its first other byte (`line.upperBound` when blank).
        private func indentation(_ line: Range<Int>) -> (Int, Int) {
            MarkdownPieces.indentation(bytes[line])
        }

        /// Whether a line starting with `byte` in column 0 could start a list item.
        private static func mayStartListItem(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") || (0x30...0x39).contains(byte)
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

    /// The bytes of destination and title of the links and images of `document`: at least what the references among
    /// them took of libcmark's expansion limit.
    static func expandedBytes(_ document: CmarkDocument) -> Int {
        var total = 0
        document.forEachNode { node in
            let type = CmarkNode.type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
            total += (cmark_node_get_url(node).map { strlen($0) } ?? 0) + (cmark_node_get_title(node).map { strlen($0) } ?? 0)
        }
        return total
    }
}
