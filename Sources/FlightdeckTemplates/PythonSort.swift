/// Python's stable sorting and min/max by key, with its rule that only comparable values can be ordered.
enum PythonSort {
    /// Checks that all keys can be ordered against each other (numbers with numbers, strings with strings, ...).
    static func checkComparable(_ keys: [Value]) throws(TemplateError) {
        guard keys.count > 1, let first = keys.first else { return }
        for key in keys.dropFirst() { _ = try first.pythonLess(key) }
        if case .null = first { throw TemplateError("'<' is not supported between NoneType and NoneType") }
    }

    static func less(_ a: Value, _ b: Value) -> Bool {
        (try? a.pythonLess(b)) ?? false
    }

    /// Indices of `keys` in sorted order; equal keys keep their order, also when reversed.
    static func sortedIndices(_ keys: [Value], reverse: Bool) throws(TemplateError) -> [Int] {
        try checkComparable(keys)
        return keys.indices.sorted { i, j in
            let (a, b) = (keys[i], keys[j])
            if reverse ? less(b, a) : less(a, b) { return true }
            if reverse ? less(a, b) : less(b, a) { return false }
            return i < j
        }
    }

    /// The index of the first smallest (or largest) key.
    static func extremeIndex(_ keys: [Value], largest: Bool) throws(TemplateError) -> Int? {
        try checkComparable(keys)
        guard !keys.isEmpty else { return nil }
        var best = 0
        for i in keys.indices.dropFirst() where largest ? less(keys[best], keys[i]) : less(keys[i], keys[best]) { best = i }
        return best
    }

    /// `ignore_case`: strings lowered, other values as they are.
    static func foldCase(_ value: Value) -> Value {
        if let text = value.text { return .string(PythonText.lower(text)) }
        return value
    }
}
