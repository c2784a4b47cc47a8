import Yams

/// Parses YAML text into a located `DataNode` tree, with Yams' line and column on every node.
package enum YAMLReader {
    /// Parses a whole YAML document. An empty document is an empty mapping.
    /// `lineOffset` shifts lines, for YAML embedded in a file (front matter).
    package static func read(_ text: String, path: String, lineOffset: Int = 0) throws(DiagnosticError) -> DataNode {
        let node: Node?
        do {
            node = try compose(text)
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            throw DiagnosticError(.error("cannot read YAML: \(error)", at: .file(path)))
        }
        guard let node else { return DataNode(.object([]), at: SourceLocation(file: path, line: 1 + lineOffset, column: 1)) }
        return try convert(node, path: path, lineOffset: lineOffset, depth: 0)
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

    private static func location(_ mark: Mark?, _ path: String, _ lineOffset: Int) -> SourceLocation {
        SourceLocation(file: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    private static func convert(_ node: Node, path: String, lineOffset: Int, depth: Int) throws(DiagnosticError) -> DataNode {
        let here = location(node.mark, path, lineOffset)
        guard depth < 200 else { throw DiagnosticError(.error("YAML is nested more than 200 levels deep", at: here)) }
        switch node {
        case .scalar(let scalar):
            return DataNode(scalarKind(scalar), at: here, text: scalar.string)
        case .sequence(let sequence):
            var items: [DataNode] = []
            for item in sequence { items.append(try convert(item, path: path, lineOffset: lineOffset, depth: depth + 1)) }
            return DataNode(.array(items), at: here)
        case .mapping(let mapping):
            var entries: [(key: String, keyLocation: SourceLocation, value: DataNode)] = []
            var seen: [String: SourceLocation] = [:]
            for (key, value) in mapping {
                let keyLocation = location(key.mark, path, lineOffset)
                guard case .scalar(let keyScalar) = key else {
                    throw DiagnosticError(.error("mapping keys must be plain strings", at: keyLocation))
                }
                if let first = seen[keyScalar.string] {
                    throw DiagnosticError(.error("duplicate key '\(keyScalar.string)' (first at line \(first.line))", at: keyLocation))
                }
                seen[keyScalar.string] = keyLocation
                entries.append((keyScalar.string, keyLocation, try convert(value, path: path, lineOffset: lineOffset, depth: depth + 1)))
            }
            return DataNode(.object(entries), at: here)
        case .alias:
            throw DiagnosticError(.error("YAML aliases are not supported", at: here))
        }
    }

    private static func scalarKind(_ scalar: Node.Scalar) -> DataNode.Kind {
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
        case .reader(let problem, _, _, _):
            return .error("invalid YAML text: \(problem)", at: .file(path))
        default:
            return .error("invalid YAML: \(error)", at: .file(path))
        }
    }
}
