/// A filter: its parameters (for keyword arguments and arity checks at parse time) and its function.
final class Filter: Sendable {
    /// Returns nil for an undefined result (`first` of an empty list), which only `default` and `is defined` accept.
    typealias Function = @Sendable (Value, FilterArguments) throws(TemplateError) -> Value?

    let name: String
    /// Parameter names after the value, in order.
    let parameters: [String]
    /// Takes any further positional and keyword arguments (`map`, `select`, `format`, ...).
    let variadic: Bool
    /// Receives undefined operands instead of failing (`default`).
    let acceptsUndefined: Bool
    /// What the filter sees for the lenient undefined of an `if` without `else`; nil if it fails on it.
    let undefinedStandIn: Value?
    let function: Function

    init(_ name: String, _ parameters: [String] = [], variadic: Bool = false, acceptsUndefined: Bool = false, _ function: @escaping Function) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
        self.acceptsUndefined = acceptsUndefined
        self.undefinedStandIn = Filters.standIn(forUndefinedIn: name)
        self.function = function
    }

    /// The same filter under another name (`e` for `escape`).
    func named(_ alias: String) -> Filter {
        Filter(alias, parameters, variadic: variadic, acceptsUndefined: acceptsUndefined, function)
    }

    func apply(_ value: Value, _ arguments: FilterArguments) throws(TemplateError) -> Value? {
        try function(value, arguments)
    }

    /// Applies the filter to a value that may be undefined, as Jinja2 does: `default` takes either kind, the
    /// lenient kind is the filter's stand-in ("" or an empty list), and anything else fails with the value's error.
    func apply(maybeUndefined value: Value, _ bound: FilterArguments.Bound) throws(TemplateError) -> Value? {
        guard case .undefined(let undefined) = value else { return try function(value, FilterArguments(bound: bound, operandDefined: true)) }
        if acceptsUndefined { return try function(.null, FilterArguments(bound: bound, operandDefined: false)) }
        guard !undefined.isStrict, let undefinedStandIn else { throw undefined.error }
        return try function(undefinedStandIn, FilterArguments(bound: bound, operandDefined: true))
    }

    /// Rejects, at parse time, too many positional arguments and unknown keywords.
    func check(_ arguments: Arguments, at position: Position, in file: String) throws(TemplateError) {
        guard !variadic else { return }
        if arguments.positional.count > parameters.count {
            throw TemplateError("filter '\(name)' takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), found \(arguments.positional.count)", at: position, in: file)
        }
        for (keyword, value) in arguments.keywords where !parameters.contains(keyword) {
            throw TemplateError("filter '\(name)' has no parameter '\(keyword)'" + Suggestion.phrase(for: keyword, in: parameters), at: value.position, in: file)
        }
    }

    /// Arguments in parameter order; extra ones for variadic filters.
    func bind(_ positional: [Value], _ keywords: [(name: String, value: Value)]) throws(TemplateError) -> FilterArguments.Bound {
        if positional.isEmpty && keywords.isEmpty { return .empty }
        var values: [Value?] = Array(repeating: nil, count: parameters.count)
        var rest: [Value] = []
        var extra: [(name: String, value: Value)] = []
        for (i, value) in positional.enumerated() {
            if i < parameters.count { values[i] = value } else { rest.append(value) }
        }
        for (name, value) in keywords {
            if let i = parameters.firstIndex(of: name) {
                if values[i] != nil { throw TemplateError("filter '\(self.name)' got two values for '\(name)'") }
                values[i] = value
            } else {
                extra.append((name, value))
            }
        }
        return FilterArguments.Bound(values: values, rest: rest, keywords: extra)
    }
}

/// The arguments a filter receives, with typed accessors that say what was expected.
struct FilterArguments {
    /// Values by parameter position, then the rest.
    /// A class, so that handing the arguments to a filter copies one reference, not three arrays.
    final class Bound: Sendable {
        let values: [Value?]
        let rest: [Value]
        let keywords: [(name: String, value: Value)]

        init(values: [Value?], rest: [Value] = [], keywords: [(name: String, value: Value)] = []) {
            self.values = values
            self.rest = rest
            self.keywords = keywords
        }

        static let empty = Bound(values: [])
    }

    let bound: Bound
    /// False when `default` is applied to an undefined value.
    let operandDefined: Bool

    subscript(_ index: Int) -> Value? {
        guard index < bound.values.count, let value = bound.values[index] else { return nil }
        return value
    }

    func int(_ index: Int, _ name: String, default fallback: Int) throws(TemplateError) -> Int {
        guard let value = self[index] else { return fallback }
        guard let i = value.integer else { throw TemplateError("'\(name)' must be an integer, found \(value.described)") }
        return i
    }

    func bool(_ index: Int, default fallback: Bool) -> Bool {
        self[index]?.isTruthy ?? fallback
    }

    func string(_ index: Int, _ name: String, default fallback: String) throws(TemplateError) -> String {
        guard let value = self[index] else { return fallback }
        guard let text = value.text else { throw TemplateError("'\(name)' must be a string, found \(value.described)") }
        return text
    }

    /// An attribute path argument (`attribute='a.b'`), nil when absent or none.
    func attribute(_ index: Int) -> AttributePath? {
        guard let value = self[index], !value.isNull else { return nil }
        return AttributePath(value)
    }
}

extension Value {
    /// True for `none`.
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
