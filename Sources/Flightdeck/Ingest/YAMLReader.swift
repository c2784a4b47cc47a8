// libyaml, the parser Yams wraps, built by Yams' own `CYaml` target: read here event by event, so that no tree
// but the `DataNode`s is ever built. Yams itself gives only its scalar constructors, for explicitly tagged scalars.
import CYaml
import Yams

/// Parses YAML into a located `DataNode` tree, straight from libyaml's events, within `InputLimits`' nesting
/// depth and alias budget.
///
/// A file of many records can be read a record at a time (`read(_:path:recordsUnder:record:)`), as `JSONReader`
/// reads one: each record of its list becomes a node, is handed over and dropped.
///
/// Scalars are typed as Yams' default resolver and constructors type them (`YAMLPlainScalar`): a test holds the
/// two together. An alias (`*name`) is the anchored node itself, shared, not a copy; every node it stands for
/// counts against `yamlAliasNodes`, so nine `*a` in `b`, nine `*b` in `c`... ("billion laughs") is refused at the
/// alias that crosses the budget instead of expanding.
package enum YAMLReader {
    /// Parses a whole YAML document. An empty document is an empty mapping.
    /// `lineOffset` shifts lines, for YAML embedded in a file (front matter).
    package static func read(_ text: String, path: String, lineOffset: Int = 0) throws(DiagnosticError) -> DataNode {
        var copy = text
        // The String's own UTF-8, not a copy of it.
        let result: Result<DataNode, DiagnosticError> = copy.withUTF8 { bytes in
            do throws(DiagnosticError) {
                var composer = Composer(bytes, path: path, lineOffset: lineOffset, listKeys: [], mapped: nil, record: nil)
                return .success(try composer.document())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a YAML file (`MappedFile.open`, which checked its UTF-8) whose records are the list under one of
    /// `listKeys` in the top-level mapping. Each record goes to `record` as soon as it is composed, with the key of
    /// its list, and nothing keeps it; the pages before each record are given back. Returns the document with that
    /// list empty (a list with an anchor is not handed over, but kept, for its aliases). An error is thrown at the
    /// same place as by `read`, after the records before it were handed over.
    package static func read(_ file: MappedFile, path: String, recordsUnder listKeys: [String],
                             record: (_ key: String, DataNode) throws(DiagnosticError) -> Void) throws(DiagnosticError) -> DataNode {
        var bytes = file.bytes
        // `ContentFile.readText` drops a byte order mark, so the text `read` is given has none.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
        let result: Result<DataNode, DiagnosticError> = withoutActuallyEscaping(record) { record in
            do throws(DiagnosticError) {
                var composer = Composer(bytes, path: path, lineOffset: 0, listKeys: listKeys, mapped: file, record: record)
                return .success(try composer.document())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// An untagged plain scalar's value, as Yams' default resolver and constructors make it.
    fileprivate static func plainKind(_ text: String) -> DataNode.Kind {
        switch YAMLPlainScalar.resolve(text) {
        case .null: return .null
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default: return .string(text)
            }
        case .int:
            if let int = decimalInt(text) { return .int(int) }
            return Int.construct(from: Node.Scalar(text)).map(DataNode.Kind.int) ?? .string(text)
        case .float:
            if !text.utf8.contains(where: { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "i") || $0 == UInt8(ascii: "I")
                || $0 == UInt8(ascii: "n") || $0 == UInt8(ascii: "N") }), let double = Double(text) {
                return .double(double)
            }
            return Double.construct(from: Node.Scalar(text)).map(DataNode.Kind.double) ?? .string(text)
        case .string: return .string(text)
        }
    }

    /// A scalar with an explicit tag (`!!int 3`), as Yams' constructors make it: a core-schema tag that does not
    /// fit the text, and any other tag, leave the text a string.
    fileprivate static func taggedKind(_ text: String, tag: String) -> DataNode.Kind {
        switch tag {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return Bool.construct(from: Node.Scalar(text)).map(DataNode.Kind.bool) ?? .string(text)
        case Tag.Name.int.rawValue: return Int.construct(from: Node.Scalar(text)).map(DataNode.Kind.int) ?? .string(text)
        case Tag.Name.float.rawValue: return Double.construct(from: Node.Scalar(text)).map(DataNode.Kind.double) ?? .string(text)
        default: return .string(text)
        }
    }

    /// `[-+]?[1-9][0-9]*` as an Int (nil on overflow or any other shape), which is what `Int.construct` gives it.
    private static func decimalInt(_ text: String) -> Int? {
        var digits = text.utf8.dropFirst(text.utf8.first == UInt8(ascii: "-") || text.utf8.first == UInt8(ascii: "+") ? 1 : 0)
        guard let first = digits.popFirst(), first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9"),
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }
}

/// A YAML data file read a record at a time (`YAMLReader.read(_:path:recordsUnder:record:)`) from its checked
/// bytes (`MappedFile`), so that neither its text nor all its records are ever in memory at once.
enum YAMLFile {
    /// The file's records to `record`, and the rest of the document; a file that is not UTF-8 is an error at the
    /// first bad byte, as `ContentFile.readText` gives it.
    static func read(_ file: ContentFile, recordsUnder listKeys: [String],
                     record: (_ key: String, DataNode) throws(DiagnosticError) -> Void) throws(DiagnosticError) -> DataNode {
        let bytes = try MappedFile.open(file)
        return try withExtendedLifetime(bytes) { () throws(DiagnosticError) -> DataNode in
            try YAMLReader.read(bytes, path: file.path, recordsUnder: listKeys, record: record)
        }
    }
}

/// libyaml's parser over UTF-8 bytes, one event at a time.
private final class YAMLEvents {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    /// The current event, valid until the next `advance`.
    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var holdsEvent = false
    /// Whether libyaml could set itself up (it could not allocate its buffers).
    let ready: Bool

    /// A parser of `bytes`, which must outlive it.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        ready = yaml_parser_initialize(parser) == 1
        guard ready, let start = bytes.baseAddress else { return }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, start, bytes.count)
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        if ready { yaml_parser_delete(parser) }
        event.deallocate()
        parser.deallocate()
    }

    /// Moves to the next event; false when the text is not YAML (the parser's `error` says why).
    func advance() -> Bool {
        if holdsEvent { yaml_event_delete(event) }
        holdsEvent = yaml_parser_parse(parser, event) == 1
        return holdsEvent
    }
}

/// Builds `DataNode`s from libyaml's events.
private struct Composer {
    /// The text's UTF-8, for the place of a reader error.
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    let lineOffset: Int
    /// The members of the top-level mapping whose lists hold the records, when reading a record at a time.
    let listKeys: [String]
    /// The mapped file the bytes are, when they are: the pages before each record are given back.
    let mapped: MappedFile?
    /// Where records go when reading a record at a time; nil when the whole tree is built.
    let record: ((String, DataNode) throws(DiagnosticError) -> Void)?
    let events: YAMLEvents
    let limits = InputLimits.standard

    /// A node under an anchor (`&name`): what an alias of it stands for.
    struct Anchored {
        let node: DataNode
        /// The nodes it is made of, itself included, as the text would spell them out.
        let size: Int
        /// The levels of nesting it spans, itself included.
        let height: Int
    }

    /// The anchors defined so far; a later one of the same name hides the earlier (YAML allows it).
    var anchors: [String: Anchored] = [:]
    /// Nodes made through aliases of sequences and mappings so far (an alias of a scalar costs what its text does).
    var aliasNodes = 0
    /// Nodes made so far, through aliases too: an anchored node's size is the difference across it.
    var made = 0
    /// One copy of each long scalar that repeats (an approver's name, a comment, a label): records keep them.
    var pool = StringPool()

    init(_ bytes: UnsafeBufferPointer<UInt8>, path: String, lineOffset: Int, listKeys: [String], mapped: MappedFile?,
         record: ((String, DataNode) throws(DiagnosticError) -> Void)?) {
        self.bytes = bytes
        self.path = path
        self.lineOffset = lineOffset
        self.listKeys = listKeys
        self.mapped = mapped
        self.record = record
        events = YAMLEvents(bytes)
    }

    /// The document: there must be at most one. An empty stream is an empty mapping.
    mutating func document() throws(DiagnosticError) -> DataNode {
        let empty = DataNode(.object([]), at: SourceLocation(file: path, line: 1 + lineOffset, column: 1))
        guard !bytes.isEmpty else { return empty }
        guard events.ready else { throw DiagnosticError(.error("cannot read YAML: out of memory", at: .file(path))) }
        try advance()   // the stream's start
        guard try advance() != YAML_STREAM_END_EVENT else { return empty }
        try advance()   // past the document's start, to its node
        let root = try node(depth: 0, top: true).node
        try advance()   // the document's end
        if try advance() != YAML_STREAM_END_EVENT {
            throw DiagnosticError(.error("invalid YAML: expected a single document in the stream, but found another document",
                                         at: here))
        }
        return root
    }

    /// Moves to the next event, and gives its type.
    @discardableResult
    private mutating func advance() throws(DiagnosticError) -> yaml_event_type_t {
        guard events.advance() else { throw failure() }
        return events.event.pointee.type
    }

    /// Where the current event starts.
    private var here: SourceLocation {
        let mark = events.event.pointee.start_mark
        return SourceLocation(file: path, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    /// The node whose first event is the current one, and its height; on return the current event is its last.
    /// `top` is the document's own node, whose lists under `listKeys` hold the records when reading a record at a time.
    private mutating func node(depth: Int, top: Bool = false) throws(DiagnosticError) -> (node: DataNode, height: Int) {
        let place = here
        guard depth < limits.nestingDepth else {
            throw DiagnosticError(.error("YAML is nested more than \(limits.nestingDepth) levels deep", at: place))
        }
        let event = events.event.pointee
        switch event.type {
        case YAML_ALIAS_EVENT:
            return try alias(Self.string(event.data.alias.anchor) ?? "", depth: depth, at: place)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = pool(String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self))
            let kind: DataNode.Kind
            // Yams' rules: a quoted scalar without a tag is a string; a plain one without a tag is resolved; the
            // non-specific tag `!` makes a string; any other tag constructs the value by that tag.
            if scalar.quoted_implicit == 1 {
                kind = .string(text)
            } else if let tag = Self.string(scalar.tag), tag != "!" {
                kind = YAMLReader.taggedKind(text, tag: tag)
            } else if scalar.tag != nil {
                kind = .string(text)
            } else {
                kind = YAMLReader.plainKind(text)
            }
            made += 1
            let node = DataNode(kind, at: place, text: text)
            if let anchor = Self.string(scalar.anchor) { anchors[anchor] = Anchored(node: node, size: 1, height: 1) }
            return (node, 1)
        case YAML_SEQUENCE_START_EVENT:
            let anchor = Self.string(event.data.sequence_start.anchor)
            let first = made
            made += 1
            var items: [DataNode] = []
            var height = 1
            while try advance() != YAML_SEQUENCE_END_EVENT {
                let item = try node(depth: depth + 1)
                items.append(item.node)
                height = max(height, item.height + 1)
            }
            let node = DataNode(.array(items), at: place)
            if let anchor { anchors[anchor] = Anchored(node: node, size: made - first, height: height) }
            return (node, height)
        case YAML_MAPPING_START_EVENT:
            let anchor = Self.string(event.data.mapping_start.anchor)
            let first = made
            made += 1
            var entries: [(key: String, keyLocation: SourceLocation, value: DataNode)] = []
            var keys = KeyIndex()
            var height = 1
            while try advance() != YAML_MAPPING_END_EVENT {
                let keyLocation = here
                guard let key = try node(depth: depth + 1).node.text else {
                    throw DiagnosticError(.error("mapping keys must be plain strings", at: keyLocation))
                }
                if let earlier = keys.earlier(key, at: keyLocation, in: entries) {
                    throw DiagnosticError(.error("duplicate key '\(key)' (first at line \(earlier.line))", at: keyLocation))
                }
                try advance()
                if top, record != nil, listKeys.contains(key), events.event.pointee.type == YAML_SEQUENCE_START_EVENT,
                   events.event.pointee.data.sequence_start.anchor == nil {
                    let listPlace = here
                    made += 1
                    try records(key: key, depth: depth + 1)
                    entries.append((key, keyLocation, DataNode(.array([]), at: listPlace)))
                    height = max(height, 2)
                } else {
                    let value = try node(depth: depth + 1)
                    entries.append((key, keyLocation, value.node))
                    height = max(height, value.height + 1)
                }
            }
            let node = DataNode(.object(entries), at: place)
            if let anchor { anchors[anchor] = Anchored(node: node, size: made - first, height: height) }
            return (node, height)
        default:
            throw DiagnosticError(.error("invalid YAML: unexpected event \(event.type.rawValue)", at: place))
        }
    }

    /// The items of the sequence whose start is the current event, each to `record` as soon as it is composed.
    private mutating func records(key: String, depth: Int) throws(DiagnosticError) {
        guard let record else { return }
        while try advance() != YAML_SEQUENCE_END_EVENT {
            // libyaml counts characters, which are never more than bytes: the pages before it are read.
            mapped?.release(upTo: Int(events.event.pointee.start_mark.index))
            try record(key, try node(depth: depth + 1).node)
        }
    }

    /// The node an alias stands for, within the alias budget and the nesting depth.
    private mutating func alias(_ name: String, depth: Int, at place: SourceLocation) throws(DiagnosticError) -> (node: DataNode, height: Int) {
        guard let anchored = anchors[name] else {
            throw DiagnosticError(.error("invalid YAML: found undefined alias '*\(name)'", at: place))
        }
        if anchored.node.text == nil {
            aliasNodes += anchored.size
            if aliasNodes > limits.yamlAliasNodes {
                throw DiagnosticError(.error("YAML aliases expand to more than \(limits.yamlAliasNodes) nodes at '*\(name)'"
                                             + "; write the values out, or use fewer aliases", at: place))
            }
        }
        if depth + anchored.height > limits.nestingDepth {
            throw DiagnosticError(.error("YAML is nested more than \(limits.nestingDepth) levels deep", at: place))
        }
        made += anchored.size
        return (anchored.node, anchored.height)
    }

    /// The error libyaml stopped at, where it is.
    private func failure() -> DiagnosticError {
        let parser = events.parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            // For UTF-8 input libyaml counts the offset in bytes.
            let found = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self)).location(ofUTF8Offset: parser.problem_offset)
            let value = parser.problem_value >= 0 ? " (U+\(String(parser.problem_value, radix: 16, uppercase: true).leftPadded(to: 4)))" : ""
            return DiagnosticError(.error("invalid YAML text: \(problem)\(value); write it as an escape in a double-quoted string, or remove it",
                                          at: SourceLocation(file: path, line: found.line + lineOffset, column: found.column)))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let what = parser.context.map { "\(problem) \(String(cString: $0))" } ?? problem
            let mark = parser.problem_mark
            return DiagnosticError(.error("invalid YAML: \(what)",
                                          at: SourceLocation(file: path, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)))
        default:
            return DiagnosticError(.error("cannot read YAML: \(problem)", at: .file(path)))
        }
    }

    /// A C string from libyaml (anchors, tags), or nil.
    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

/// The keys of one mapping, for the duplicate check: a few are searched, many are hashed.
private struct KeyIndex {
    private var hashed: [String: SourceLocation]?

    /// The place of an earlier key equal to `key` among `entries` (the mapping's so far), or nil when `key` is new;
    /// `location` is the place of `key`, which is about to be added.
    mutating func earlier(_ key: String, at location: SourceLocation,
                          in entries: [(key: String, keyLocation: SourceLocation, value: DataNode)]) -> SourceLocation? {
        if hashed == nil, entries.count >= 16 {
            hashed = Dictionary(entries.map { ($0.key, $0.keyLocation) }, uniquingKeysWith: { first, _ in first })
        }
        guard hashed != nil else { return entries.first(where: { $0.key == key })?.keyLocation }
        if let earlier = hashed?[key] { return earlier }
        hashed?[key] = location
        return nil
    }
}

private extension String {
    /// The text with zeros in front up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
