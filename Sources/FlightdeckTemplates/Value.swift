/// A template value: what data gives a template and what its expressions compute.
///
/// ```swift
/// let context: [String: Value] = ["title": "Release 2.4", "passed": 412, "rate": 0.981]
/// ```
public enum Value: Sendable {
    /// JSON `null`, Python `None`.
    case null
    /// `true` / `false`, printed as `True` / `False`.
    case bool(Bool)
    /// A 64-bit integer.
    case int(Int)
    /// A double, printed as Python's `repr` (`1.0`, `0.1`, `1e+16`).
    case double(Double)
    /// Text, HTML-escaped when printed.
    case string(String)
    /// Already-escaped HTML (Jinja2's `Markup`), printed as is.
    case markup(String)
    /// A list of values.
    case array([Value])
    /// An object whose keys keep the order the data gave them.
    case object([(key: String, value: Value)])
    /// Jinja2's undefined: a missing name, attribute or item, or an `if` expression without `else` whose test is
    /// false. Templates make these, never data: naming one is fine (`set`, macro arguments, `default`, `is defined`),
    /// using it fails.
    case undefined(Undefined)
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer value.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A double value.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array value.
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    /// An object value, keys in the order written.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
}

extension Value {
    /// The value under `key` when this is an object (the last one if the key repeats).
    func member(_ key: String) -> Value? {
        guard case .object(let pairs) = self else { return nil }
        // By index: iterating the pairs would copy (and retain) every value on the way.
        var i = 0
        while i < pairs.count {
            if pairs[i].key == key { return pairs[i].value }
            i += 1
        }
        return nil
    }

    /// Python's type name, as Jinja2's messages use it.
    var typeName: String {
        switch self {
        case .null: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .double: "float"
        case .string: "str"
        case .markup: "Markup"
        case .array: "list"
        case .object: "dict"
        case .undefined(let undefined): undefined.isStrict ? "StrictUndefined" : "Undefined"
        }
    }

    /// The text of a string or markup value.
    var text: String? {
        switch self {
        case .string(let s), .markup(let s): s
        default: nil
        }
    }

    /// True for markup (safe) strings.
    var isMarkup: Bool {
        if case .markup = self { return true }
        return false
    }
}
