/// Jinja2's one-pass iterators: `map`, `select`, `reject`, `selectattr`, `rejectattr`, `unique`, `batch` and
/// `reverse` of a list give generators, which are always true, have no length and cannot be indexed.
///
/// They are carried as an object with a private key, so they behave like Jinja2's where Jinja2 works
/// (iterating, truthiness, undefined items) and fail where it fails; keeping one in a variable is an
/// error (a generator would be empty the second time), so templates say `|list` as they must in Jinja2.
extension Value {
    static let lazyKey = "\u{0}iterator"
    static let lazySourceKey = "\u{0}source"

    /// A lazy sequence made by `filter`.
    static func lazy(_ items: [Value], from filter: String) -> Value {
        .object([(lazyKey, .array(items)), (lazySourceKey, .string(filter))])
    }

    /// A lazy sequence made by `filter` (argument order for call sites that compute the items last).
    static func lazy(from filter: String, _ items: [Value]) -> Value { lazy(items, from: filter) }

    /// The items of a lazy sequence.
    var lazyItems: [Value]? {
        guard case .object(let pairs) = self, pairs.count == 2, pairs[0].key == Self.lazyKey, case .array(let items) = pairs[0].value else { return nil }
        return items
    }

    /// The error for using a lazy sequence as a list.
    func lazyMisuse(_ use: String) -> TemplateError? {
        guard lazyItems != nil, case .object(let pairs) = self, let source = pairs[1].value.text else { return nil }
        return TemplateError("'\(source)' gives a one-pass iterator (as in Jinja2), which \(use); add |list after '\(source)'")
    }

    /// Throws if the value is a lazy sequence, which cannot be stored.
    func checkStorable() throws(TemplateError) {
        guard case .object(let pairs) = self, pairs.first?.key.utf8.first == 0 else { return }
        if let error = lazyMisuse("cannot be kept in a variable or passed on") { throw error }
    }
}
