/// Why a value is undefined, and whether using it fails (the payload of `Value.undefined`).
///
/// Jinja2 with StrictUndefined raises only when an undefined value is used: printed, iterated, tested for
/// truth, compared, called, used in arithmetic or asked for an attribute. The implicit `else` of an `if`
/// expression is Jinja2's lenient `Undefined` whatever the environment's class: it prints as nothing, is false,
/// iterates as empty and equals only itself; arithmetic, ordering, attributes and calls still fail on it.
public final class Undefined: Sendable {
    /// What using the value throws, located where the value was named.
    let error: TemplateError
    /// False for the lenient kind (the missing `else` of an `if` expression).
    let isStrict: Bool

    init(_ error: TemplateError, isStrict: Bool) {
        self.error = error
        self.isStrict = isStrict
    }

    /// Python's `str()` of it: "" for the lenient kind; the strict kind fails.
    func text() throws(TemplateError) -> String {
        if isStrict { throw error }
        return ""
    }
}

extension Value {
    /// True for an undefined value of either kind.
    var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    /// The value itself; throws if it is undefined, of either kind (for attributes, items, calls, arithmetic).
    @inline(__always)
    func defined() throws(TemplateError) -> Value {
        if case .undefined(let undefined) = self { throw undefined.error }
        return self
    }

    /// Throws if the value is a strict undefined (for printing, iterating, truth: the lenient kind passes).
    @inline(__always)
    func checkNotStrictUndefined() throws(TemplateError) {
        if case .undefined(let undefined) = self, undefined.isStrict { throw undefined.error }
    }
}
