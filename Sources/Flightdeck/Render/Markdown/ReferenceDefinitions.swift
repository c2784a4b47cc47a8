import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Markdown text's link reference definitions as libcmark reads them, written out again as definitions that
/// libcmark reads to the same labels, destinations and titles: what each piece of a long text (`MarkdownPieces`)
/// and each table's cells (`TableExtension`) are parsed with, so that they link as the whole text does.
///
/// libcmark keeps its definitions to itself (its reference map has no API), so this asks it. Every `]:` in the
/// text may end a definition's label; the label it ends (`labels(in:_:)`) is looked up by a paragraph of its own,
/// `[][label]`, put before the text, which libcmark makes a link only when the text defines the label: the link's
/// URL and title are then the definition's (`parse`). Labels that are not defined cost a paragraph each and nothing
/// else, so any place that only looks like a definition (in code, in a paragraph's text) is simply not found.
///
/// libcmark refuses a reference once the references it expanded reach the size of its input (at least 100,000
/// bytes). A probe it refused would look undefined, so every probe left undefined is checked to have fitted in
/// what was left: else the probes are parsed again after blank lines that raise the limit, and failing that, nil.
enum ReferenceDefinitions {
    /// A label to look up: its text as the probe writes it, and the most bytes of destination and title a definition
    /// of it in this text can have (a definition's destination and title follow its `]:` in its paragraph, and an
    /// entity is at most 1.2 times longer decoded: `&nGt;` is 6 bytes).
    struct Label {
        var text: [UInt8]
        var bound: Int
    }

    /// What libcmark's expansion limit is at least, whatever the input's size (`finalize_document`).
    static let expansionFloor = 100_000
    /// The most ways a label written over several lines is looked up (see `labels(in:_:)`).
    static let maxVariants = 16
    /// How far before a `]:` its label's `[` is looked for over several lines (libcmark's labels are at most 1,000
    /// bytes, without the containers' markers of the lines it spans).
    static let maxLabelSpan = 4096

    /// Whether `bytes` has a `]:` at all: a text without one defines nothing.
    static func mayDefine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        mark(in: bytes, from: 0, to: bytes.count) != nil
    }

    /// Where the first `]:` in `bytes[start..<end]` is (its `]`).
    private static func mark(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index < end - 1, let hit = memchr(base + index, Int32(UInt8(ascii: "]")), end - 1 - index) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if bytes[at + 1] == UInt8(ascii: ":") { return at }
            index = at + 1
        }
        return nil
    }

    /// The labels that `bytes[range]` (a whole text, or a piece of one that starts and ends between blocks) may
    /// define, one per label as libcmark matches them (ASCII case and runs of whitespace aside), in order; nil when a
    /// label cannot be looked up (one written over lines in more than `maxVariants` ways, or a `]:` whose `[` is not
    /// found within `maxLabelSpan` bytes on lines that may be one paragraph).
    ///
    /// A label ends with an unescaped `]` right before `:` and starts at the closest unescaped `[` before it, with no
    /// unescaped `]` or blank line between. On one line, it is written as it is. Over several lines, each later line
    /// holds the label's text after its containers' markers (indentation and `>`), which a scan of the text cannot
    /// tell from text: the label is looked up once for each way of dropping the `>` of each line's leading run (the
    /// spaces do not matter, since libcmark folds runs of whitespace in labels).
    static func labels(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Label]? {
        var found: [Label] = []
        var indexOf: [String: Int] = [:]
        var paragraphEnd = range.lowerBound  // the end of the paragraph around the last `]:`, found once per paragraph
        var index = range.lowerBound
        while let close = mark(in: bytes, from: index, to: range.upperBound) {
            index = close + 1
            guard !isEscaped(bytes, close, from: range.lowerBound) else { continue }
            let open: Int
            switch labelStart(bytes, before: close, from: range.lowerBound) {
            case .at(let index): open = index
            case .none: continue
            case .tooFar: return nil
            }
            if paragraphEnd <= close { paragraphEnd = blankLine(bytes, after: close, before: range.upperBound) }
            let bound = (paragraphEnd - close) * 6 / 5 + 1
            guard let variants = variants(bytes, open + 1..<close) else { return nil }
            for text in variants {
                let key = asciiKey(text) ?? String(decoding: text, as: UTF8.self)
                if let at = indexOf[key] {
                    found[at].bound = max(found[at].bound, bound)
                } else {
                    indexOf[key] = found.count
                    found.append(Label(text: text, bound: bound))
                }
            }
        }
        return found
    }

    /// What `parse` found: the tree of the text (after the probes), the definitions, and how many lines come
    /// before the text's first line.
    struct Found {
        let document: CmarkDocument
        let definitions: [Definition]
        let linesBefore: Int
    }

    /// One definition: its label's key when it is all ASCII (`asciiKey`), and the definition as Markdown, a line
    /// (or more, for a label written over lines).
    struct Definition {
        let key: String?
        let markdown: [UInt8]
    }

    /// A text's definitions, in order, less those that can never win (a later one of a key already defined), to be
    /// written before each piece: only those the piece may use (`markdown(usedIn:_:)`). Kept side by side, since a
    /// changelog may hold tens of thousands.
    struct List {
        /// The definitions' Markdown, one after another.
        private var text: [UInt8] = []
        /// Where each ends in `text`.
        private var ends: [Int] = []
        /// The one of each ASCII key, and those whose label has none (which any text in brackets may use).
        private var keyed: [String: Int] = [:]
        private var unkeyed: [Int] = []

        var isEmpty: Bool { ends.isEmpty }

        mutating func append(contentsOf definitions: [Definition]) {
            for definition in definitions {
                if let key = definition.key {
                    guard keyed[key] == nil else { continue }
                    keyed[key] = ends.count
                } else {
                    unkeyed.append(ends.count)
                }
                text += definition.markdown
                ends.append(text.count)
            }
        }

        /// All of them, as Markdown.
        var markdown: String { String(decoding: text, as: UTF8.self) }

        /// Those that `bytes[range]` may use, as Markdown: each whose key is that of a text in brackets there
        /// (`ReferenceDefinitions.uses`), and each whose label's key is not ASCII, in order; all when the uses cannot
        /// be told.
        func markdown(usedIn bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
            guard !ends.isEmpty else { return "" }
            guard let uses = ReferenceDefinitions.uses(in: bytes, range) else { return markdown }
            var used: [UInt8] = []
            for index in (uses.compactMap { keyed[$0] } + unkeyed).sorted() {
                used += text[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
            }
            return String(decoding: used, as: UTF8.self)
        }
    }

    /// Parses `text` after one probe for each of `labels` and gives the definitions it holds for them, in order,
    /// each on a line (`[label]: <destination> "title"`), or nil when libcmark's expansion limit may have refused
    /// one (see the type's description) or its tree is not as expected.
    static func parse(_ text: UnsafeBufferPointer<UInt8>, labels: [Label], options: Int32) -> Found? {
        var padding = 0
        for _ in 0..<2 {
            var source: [UInt8] = []
            source.reserveCapacity(text.count + labels.reduce(0) { $0 + $1.text.count + 5 } + padding + 2)
            for label in labels {
                source += Array("[][".utf8) + label.text + Array("]\n\n".utf8)
            }
            source += repeatElement(0x0A, count: padding)
            let before = source.count { $0 == 0x0A }  // each probe ends with a blank line
            source += text
            guard let document = CmarkDocument(markdown: String(decoding: source, as: UTF8.self), options: options) else { return nil }
            source = []
            // The probes, in order: a link where the label is defined, text where it is not.
            let limit = max(document.markdown.utf8.count, expansionFloor)
            var used = 0, unresolved = 0, fits = true
            var definitions: [Definition] = []
            var node = cmark_node_first_child(document.root)
            for label in labels {
                guard let paragraph = node, CmarkNode.type(paragraph) == CMARK_NODE_PARAGRAPH else { return nil }
                node = cmark_node_next(paragraph)
                if let link = cmark_node_first_child(paragraph), CmarkNode.type(link) == CMARK_NODE_LINK {
                    let url = bytesOf(cmark_node_get_url(link)), title = bytesOf(cmark_node_get_title(link))
                    used += url.count + title.count
                    definitions.append(Definition(key: asciiKey(label.text),
                                                  markdown: definition(label: label.text, url: url, title: title)))
                } else {
                    if label.bound > limit - used { fits = false }
                    unresolved += label.bound
                }
            }
            if fits { return Found(document: document, definitions: definitions, linesBefore: before) }
            // Blank lines that raise the limit above what every probe may take; at most a few times the text.
            let needed = used + unresolved - (document.markdown.utf8.count - padding)
            guard padding == 0, needed <= 16 * text.count + (1 << 20) else { return nil }
            padding = needed
        }
        return nil
    }

    /// The definitions of a whole `text` (for its tables' cells), or "" when it has none or they cannot be found.
    static func definitions(of text: String, options: Int32) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard mayDefine(bytes), let labels = labels(in: bytes, 0..<bytes.count), !labels.isEmpty,
                  let found = parse(bytes, labels: labels, options: options) else { return "" }
            var list = List()
            list.append(contentsOf: found.definitions)
            return list.markdown
        }
    }

    /// A definition that libcmark reads to `label`, `url` and `title` as they are stored: every byte that its
    /// cleaning would change is written so that it comes back (`&` as `&amp;`, since entities are decoded first, then
    /// backslashes; whitespace and control characters as numeric entities, since a destination is trimmed and neither
    /// may break a line).
    static func definition(label: [UInt8], url: [UInt8], title: [UInt8]) -> [UInt8] {
        var line = [UInt8(ascii: "[")] + label + Array("]: <".utf8)
        append(url, to: &line, escaping: [UInt8(ascii: "<"), UInt8(ascii: ">")])
        line.append(UInt8(ascii: ">"))
        if !title.isEmpty {
            line += Array(" \"".utf8)
            append(title, to: &line, escaping: [UInt8(ascii: "\"")])
            line.append(UInt8(ascii: "\""))
        }
        line.append(0x0A)
        return line
    }

    /// The bytes of a C string from libcmark; none for NULL.
    private static func bytesOf(_ string: UnsafePointer<CChar>?) -> [UInt8] {
        guard let string else { return [] }
        return Array(UnsafeRawBufferPointer(start: string, count: strlen(string)))
    }

    private static func append(_ value: [UInt8], to line: inout [UInt8], escaping: [UInt8]) {
        for byte in value {
            switch byte {
            case UInt8(ascii: "&"): line += Array("&amp;".utf8)
            case UInt8(ascii: "\\"): line += [byte, byte]
            case 0...0x20, 0x7F: line += Array("&#\(byte);".utf8)
            case _ where escaping.contains(byte): line += [UInt8(ascii: "\\"), byte]
            default: line.append(byte)
            }
        }
    }

    /// Whether the byte at `index` follows an odd run of backslashes (within `start...`).
    private static func isEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, from start: Int) -> Bool {
        var count = 0
        var at = index - 1
        while at >= start, bytes[at] == UInt8(ascii: "\\") {
            count += 1
            at -= 1
        }
        return count % 2 == 1
    }

    /// Where the label ending at `close` starts.
    private enum LabelStart {
        /// At this unescaped `[`.
        case at(Int)
        /// Nowhere: an unescaped `]` or a blank line comes first, or the range's start.
        case none
        /// Not within `maxLabelSpan` bytes.
        case tooFar
    }

    /// The unescaped `[` that starts the label ending at `close`, read backwards.
    private static func labelStart(_ bytes: UnsafeBufferPointer<UInt8>, before close: Int, from start: Int) -> LabelStart {
        var index = close - 1
        var onCloseLine = true  // the line of the `]:` is not blank
        var lineIsBlank = true  // the line being read backwards, so far
        while index >= start {
            // libcmark's labels are at most 1,000 bytes: on one line, a longer one is none.
            if onCloseLine, close - index > 1001 { return .none }
            if close - index > maxLabelSpan { return .tooFar }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "]"):
                if !isEscaped(bytes, index, from: start) { return byte == UInt8(ascii: "[") ? .at(index) : .none }
                lineIsBlank = false
            case 0x0A:
                if lineIsBlank, !onCloseLine { return .none }
                onCloseLine = false
                lineIsBlank = true
            case 0x20, 0x09, 0x0D:
                break
            default:
                lineIsBlank = false
            }
            index -= 1
        }
        return .none
    }

    /// Where the first blank line (only spaces, tabs and a carriage return) after `index` starts, or `end`.
    private static func blankLine(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int, before end: Int) -> Int {
        guard let base = bytes.baseAddress else { return end }
        var at = index
        while at < end, let newline = memchr(base + at, 0x0A, end - at) {
            let lineStart = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            var scan = lineStart
            while scan < end, bytes[scan] == 0x20 || bytes[scan] == 0x09 || bytes[scan] == 0x0D { scan += 1 }
            if scan == end || bytes[scan] == 0x0A { return lineStart }
            at = scan
        }
        return end
    }

    /// The ways the label `bytes[span]` may read (see `labels(in:_:)`): as written when on one line; else its first
    /// line as written, then each later line's text after dropping none, one, … of the `>` of its leading run and the
    /// whitespace around them, put after four spaces (a paragraph's continuation in a probe, whose leading whitespace
    /// libcmark drops). nil when there are more than `maxVariants`.
    private static func variants(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> [[UInt8]]? {
        let label = Array(bytes[span])
        guard let firstBreak = label.firstIndex(of: 0x0A) else { return [label] }
        var choices: [[[UInt8]]] = []  // per later line, its readings
        var lineStart = firstBreak + 1
        while lineStart <= label.count {
            let lineEnd = label[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? label.count
            let line = label[lineStart..<lineEnd]
            var readings: [[UInt8]] = []
            var cursor = line.startIndex
            while true {
                while cursor < line.endIndex, line[cursor] == 0x20 || line[cursor] == 0x09 { cursor += 1 }
                let text = Array(line[cursor...])
                // A reading with nothing on the line would be a blank line: no label spans one.
                if text.contains(where: { $0 != 0x0A && $0 != 0x0D }) || lineEnd == label.count { readings.append(Array("    ".utf8) + text) }
                guard cursor < line.endIndex, line[cursor] == UInt8(ascii: ">") else { break }
                cursor += 1
            }
            choices.append(readings)
            lineStart = lineEnd
            if lineEnd == label.count { break }
        }
        var all: [[UInt8]] = [Array(label[...firstBreak])]
        for readings in choices {
            guard all.count * readings.count <= maxVariants else { return nil }
            all = all.flatMap { head in readings.map { head + $0 } }
        }
        return all
    }

    /// The key libcmark matches `label` by (case folded, whitespace runs as one space, trimmed) when it is all ASCII,
    /// else nil. Only eleven characters beyond ASCII fold to ASCII alone (`ß` to `ss`, `K` (Kelvin) to `k`, the `ﬀ`
    /// ligatures…: libcmark's case_fold_switch.inc), so this is exact: two labels with the same key here are the same
    /// label to libcmark, and a label with no key here is none that has one.
    static func asciiKey(_ label: [UInt8]) -> String? {
        var key = ""
        var space = false
        for scalar in String(decoding: label, as: UTF8.self).unicodeScalars {
            if [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(scalar.value) {
                space = !key.isEmpty
                continue
            }
            if space { key += " " }
            space = false
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                key.unicodeScalars.append(Unicode.Scalar((0x41...0x5A).contains(byte) ? byte + 0x20 : byte))
            } else {
                guard let ascii = asciiFolds[scalar.value] else { return nil }
                key += ascii
            }
        }
        return key
    }

    /// The characters beyond ASCII whose case folding is all ASCII (libcmark 0.30's case_fold_switch.inc).
    private static let asciiFolds: [UInt32: String] = [
        0xDF: "ss", 0x17F: "s", 0x1E9E: "ss", 0x212A: "k", 0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi",
        0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
    ]

    /// The keys (`asciiKey`) of the texts in brackets in `bytes[range]`, any of which may be a reference's label:
    /// each innermost pair of unescaped brackets, of at most 1,000 bytes on one line; over lines (not a blank one),
    /// each way it may read (`variants`). nil when one cannot be told (too many ways, or too long over lines).
    static func uses(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Set<String>? {
        var keys: Set<String> = []
        var open: Int?
        var lineIsBlank = true  // so far
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte != 0x0A, byte != 0x20, byte != 0x09, byte != 0x0D { lineIsBlank = false }
            switch byte {
            case 0x0A:
                if lineIsBlank { open = nil }  // no label spans a blank line
                lineIsBlank = true
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: "["):
                open = index
            case UInt8(ascii: "]"):
                if let start = open {
                    open = nil
                    let span = (start + 1)..<index
                    let oneLine = !bytes[span].contains(0x0A)
                    if oneLine, span.count > 1000 { break }
                    guard oneLine || span.count <= maxLabelSpan, let readings = variants(bytes, span) else { return nil }
                    for text in readings { if let key = asciiKey(text), !key.isEmpty { keys.insert(key) } }
                }
            default:
                break
            }
            index += 1
        }
        return keys
    }
}
