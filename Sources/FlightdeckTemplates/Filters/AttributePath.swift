/// Jinja2's attribute getter for `attribute=` arguments: `"a.b"` walks keys, `"0"` indexes lists.
struct AttributePath {
    let parts: [Value]
    let text: String

    init(_ spec: Value) {
        if case .string(let text) = spec {
            self.text = text
            parts = text.split(separator: ".", omittingEmptySubsequences: false).map { part in
                part.allSatisfy(\.isASCIIDigit) && !part.isEmpty ? .int(Int(part) ?? 0) : .string(String(part))
            }
        } else {
            self.text = (try? spec.pythonString()) ?? ""
            parts = [spec]
        }
    }

    /// The value at the path, or nil if a step is missing.
    func get(_ item: Value) -> Value? {
        var current = item
        for part in parts {
            guard let next = current.item(part) ?? part.text.flatMap(current.attribute) else { return nil }
            current = next
        }
        return current
    }

    /// The value at the path; a missing step is an error unless there is a default.
    func require(_ item: Value, default fallback: Value? = nil) throws(TemplateError) -> Value {
        if let value = get(item) { return value }
        if let fallback { return fallback }
        throw TemplateError("\(item.shortDescription) has no attribute '\(text)'" + (item.objectKeys.map { Suggestion.phrase(for: text, in: $0) } ?? ""))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Value {
    /// The keys of an object.
    var objectKeys: [String]? {
        if case .object(let pairs) = self { return pairs.map(\.key) }
        return nil
    }
}
