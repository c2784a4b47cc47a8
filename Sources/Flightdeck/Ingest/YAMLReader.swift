import Yams

/// Parses YAML text into a located `DataNode` tree, with Yams' line and column on every node.
package enum YAMLReader {
    /// Parses a whole YAML document. An empty document is an empty mapping.
    /// `lineOffset` shifts lines, for YAML embedded in a file (front matter).
    package static func read(_ text: String, path: String, lineOffset: Int = 0) throws(DiagnosticError) -> DataNode {
        var composed: Node?
        do {
            composed = try compose(text)
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            throw DiagnosticError(.error("cannot read YAML: \(error)", at: .file(path)))
        }
        // The converter takes the tree apart as it goes: it must hold the only reference.
        guard var node = composed.take() else { return DataNode(.object([]), at: SourceLocation(file: path, line: 1 + lineOffset, column: 1)) }
        var converter = Converter(text: text, path: path, lineOffset: lineOffset)
        return try converter.convert(&node, depth: 0)
    }

    /// Yams' tree of `text`, its plain scalars left unresolved (`convert` resolves them with `YAMLPlainScalar`).
    ///
    /// Yams' default resolver matches every scalar against regular expressions, also to hash mapping keys for
    /// its duplicate check. Without rules, keys that differ only in their resolved type (`1` and `"1"`) look the
    /// same to that check, so on a duplicate-key error the text is composed again with the default resolver,
    /// which decides, as before, whether that is an error. The encoding is given, as `.default` reads the
    /// process environment on every call.
    private static func compose(_ text: String) throws -> Node? {
        do {
            return try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
        } catch YamlError.duplicatedKeysInMapping {
            return try Parser(yaml: text, resolver: .default, constructor: .default, encoding: .utf8).singleRoot()
        }
    }

    fileprivate static func location(_ mark: Mark?, _ path: String, _ lineOffset: Int) -> SourceLocation {
        SourceLocation(file: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// Turns Yams' tree into `DataNode`s in document order, within `InputLimits`' nesting depth and alias budget.
    ///
    /// Yams resolves an alias to the anchored node itself and keeps no anchor names on nodes (its reference is weak),
    /// so nine `*a` in `b`, nine `*b` in `c`... is a small tree that expands exponentially. A sequence or mapping
    /// visited a second time at the same place is reached through an alias (an alias of a scalar adds one node, as
    /// the text does), and every node made below it counts against `yamlAliasNodes`.
    ///
    /// Each node's children are taken out of Yams' tree as they are converted, so that the tree is freed as the
    /// `DataNode`s grow instead of staying whole beside them (a node shared through an alias stays whole).
    private struct Converter {
        let text: String
        let path: String
        let lineOffset: Int
        let limits = InputLimits.standard
        /// The places of the sequences and mappings visited outside aliases.
        var containers: Set<Place> = []
        /// The place of the last node visited outside an alias: an alias comes after it.
        var lastVisited: Mark?
        /// Whether an alias is being expanded, and where to look for the outermost one (after the node before it).
        var expanding = false
        var expandingAfter: Mark?
        /// Nodes made through aliases so far.
        var aliasNodes = 0

        struct Place: Hashable {
            let line: Int
            let column: Int
        }

        init(text: String, path: String, lineOffset: Int) {
            self.text = text
            self.path = path
            self.lineOffset = lineOffset
        }

        /// What a child is replaced with once taken out.
        private let taken: Node = ""

        /// `node` as a `DataNode`; its children are taken out of it.
        mutating func convert(_ node: inout Node, depth: Int) throws(DiagnosticError) -> DataNode {
            let here = YAMLReader.location(node.mark, path, lineOffset)
            guard depth < limits.nestingDepth else {
                throw DiagnosticError(.error("YAML is nested more than \(limits.nestingDepth) levels deep", at: here))
            }
            var startsExpansion = false
            if !expanding {
                if case .scalar = node {
                    lastVisited = node.mark ?? lastVisited
                } else if let mark = node.mark, !containers.insert(Place(line: mark.line, column: mark.column)).inserted {
                    expanding = true
                    expandingAfter = lastVisited
                    startsExpansion = true
                } else {
                    lastVisited = node.mark ?? lastVisited
                }
            }
            defer { if startsExpansion { expanding = false } }
            if expanding {
                aliasNodes += 1
                if aliasNodes > limits.yamlAliasNodes {
                    let alias = aliasLocation(after: expandingAfter)
                    throw DiagnosticError(.error("YAML aliases expand to more than \(limits.yamlAliasNodes) nodes"
                                                 + (alias.map { " at '\($0.name)'" } ?? "") + "; write the values out, or use fewer aliases",
                                                 at: alias?.location ?? here))
                }
            }
            switch node {
            case .scalar(let scalar):
                return DataNode(YAMLReader.scalarKind(scalar), at: here, text: scalar.string)
            case .sequence(var sequence):
                node = taken
                var items: [DataNode] = []
                items.reserveCapacity(sequence.count)
                for index in sequence.startIndex..<sequence.endIndex {
                    var item = sequence[index]
                    sequence[index] = taken
                    items.append(try convert(&item, depth: depth + 1))
                }
                return DataNode(.array(items), at: here)
            case .mapping(var mapping):
                node = taken
                var entries: [(key: String, keyLocation: SourceLocation, value: DataNode)] = []
                var seen: [String: SourceLocation] = [:]
                for index in mapping.startIndex..<mapping.endIndex {  // not `indices`, which holds a copy of the mapping
                    let key = mapping[index].key
                    var value = mapping[index].value
                    mapping[index] = (taken, taken)
                    if !expanding { lastVisited = key.mark ?? lastVisited }
                    let keyLocation = YAMLReader.location(key.mark, path, lineOffset)
                    guard case .scalar(let keyScalar) = key else {
                        throw DiagnosticError(.error("mapping keys must be plain strings", at: keyLocation))
                    }
                    if let first = seen[keyScalar.string] {
                        throw DiagnosticError(.error("duplicate key '\(keyScalar.string)' (first at line \(first.line))", at: keyLocation))
                    }
                    seen[keyScalar.string] = keyLocation
                    entries.append((keyScalar.string, keyLocation, try convert(&value, depth: depth + 1)))
                }
                return DataNode(.object(entries), at: here)
            case .alias:
                throw DiagnosticError(.error("YAML aliases are not supported", at: here))
            }
        }

        /// The first alias (`*name`) on or after the line of the node at `after`, with its place.
        func aliasLocation(after: Mark?) -> (name: String, location: SourceLocation)? {
            let source = SourceFile(path: path, text: text)
            let utf8 = Array(text.utf8)
            var k = after.flatMap { source.utf8Offset(line: $0.line) } ?? 0
            while k + 1 < utf8.count {
                if utf8[k] == UInt8(ascii: "*"), k == 0 || !Self.isAnchorByte(utf8[k - 1]) || utf8[k - 1] == UInt8(ascii: ":"),
                   Self.isAnchorByte(utf8[k + 1]) {
                    var end = k + 1
                    while end < utf8.count, Self.isAnchorByte(utf8[end]) { end += 1 }
                    let found = source.location(ofUTF8Offset: k)
                    return (String(decoding: utf8[k..<end], as: UTF8.self),
                            SourceLocation(file: path, line: found.line + lineOffset, column: found.column))
                }
                k += 1
            }
            return nil
        }

        /// Whether a byte can continue an anchor name (anything but space, line breaks and flow indicators).
        private static func isAnchorByte(_ byte: UInt8) -> Bool {
            ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ","),
              UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}")].contains(byte)
        }
    }

    fileprivate static func scalarKind(_ scalar: Node.Scalar) -> DataNode.Kind {
        // An untagged scalar's tag is still `.implicit` here: only mapping keys were resolved, by the duplicate check.
        if scalar.tag.rawValue == Tag.Name.implicit.rawValue { return plainKind(scalar) }
        let node = Node.scalar(scalar)
        switch node.tag.rawValue {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return node.bool.map(DataNode.Kind.bool) ?? .string(scalar.string)
        case Tag.Name.int.rawValue: return node.int.map(DataNode.Kind.int) ?? .string(scalar.string)
        case Tag.Name.float.rawValue: return node.float.map(DataNode.Kind.double) ?? .string(scalar.string)
        default: return .string(scalar.string)
        }
    }

    /// An untagged scalar's value, as Yams' default resolver and constructor would make it.
    private static func plainKind(_ scalar: Node.Scalar) -> DataNode.Kind {
        let text = scalar.string
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
            return Int.construct(from: scalar).map(DataNode.Kind.int) ?? .string(text)
        case .float:
            if !text.utf8.contains(where: { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "i") || $0 == UInt8(ascii: "I")
                || $0 == UInt8(ascii: "n") || $0 == UInt8(ascii: "N") }), let double = Double(text) {
                return .double(double)
            }
            return Double.construct(from: scalar).map(DataNode.Kind.double) ?? .string(text)
        case .string: return .string(text)
        }
    }

    /// `[-+]?[1-9][0-9]*` as an Int (nil on overflow or any other shape), which is what `Int.construct` gives it.
    private static func decimalInt(_ text: String) -> Int? {
        var digits = text.utf8.dropFirst(text.utf8.first == UInt8(ascii: "-") || text.utf8.first == UInt8(ascii: "+") ? 1 : 0)
        guard let first = digits.popFirst(), first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9"),
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = context.map { "\(problem) \($0.text)" } ?? problem
            return .error("invalid YAML: \(what)", at: location(mark, path, lineOffset))
        case .composer(let context, let problem, let mark, _):
            let what = context.map { "\(problem) \($0.text)" } ?? problem
            return .error("invalid YAML: \(what)", at: location(mark, path, lineOffset))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("duplicate key '\(duplicates.joined(separator: "', '"))'", at: location(context.mark, path, lineOffset))
        case .reader(let problem, let offset, let value, let yaml):
            // Yams gives the offset in characters of the text it was given.
            guard let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) else {
                return .error("invalid YAML text: \(problem)", at: .file(path))
            }
            let found = SourceFile(path: path, text: yaml).location(ofUTF8Offset: yaml.utf8.distance(from: yaml.utf8.startIndex, to: index))
            let what = value >= 0 ? " (U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4)))" : ""
            return .error("invalid YAML text: \(problem)\(what); write it as an escape in a double-quoted string, or remove it",
                          at: SourceLocation(file: path, line: found.line + lineOffset, column: found.column))
        default:
            return .error("invalid YAML: \(error)", at: .file(path))
        }
    }
}

private extension String {
    /// The text with zeros in front up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
