import Yams

/// Parses YAML text into a located `DataNode` tree, with Yams' line and column on every node.
package enum YAMLReader {
    /// Parses a whole YAML document. An empty document is an empty mapping.
    /// `lineOffset` shifts lines, for YAML embedded in a file (front matter).
    package static func read(_ text: String, path: String, lineOffset: Int = 0) throws(DiagnosticError) -> DataNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            throw DiagnosticError(.error("cannot read YAML: \(error)", at: .file(path)))
        }
        guard let node else { return DataNode(.object([]), at: SourceLocation(file: path, line: 1 + lineOffset, column: 1)) }
        return try convert(node, path: path, lineOffset: lineOffset, depth: 0)
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
        let node = Node.scalar(scalar)
        switch node.tag.rawValue {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return node.bool.map(DataNode.Kind.bool) ?? .string(scalar.string)
        case Tag.Name.int.rawValue: return node.int.map(DataNode.Kind.int) ?? .string(scalar.string)
        case Tag.Name.float.rawValue: return node.float.map(DataNode.Kind.double) ?? .string(scalar.string)
        default: return .string(scalar.string)
        }
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
