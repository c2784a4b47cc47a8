/// Python's semantics for values: truthiness, `str()`, equality and ordering.
extension Value {
    /// Python truthiness: none, false, 0, 0.0, "", [] and {} are false.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .int(let i): i != 0
        case .double(let d): d != 0
        case .string(let s), .markup(let s): !s.isEmpty
        case .array(let a): !a.isEmpty
        case .object(let o): !o.isEmpty
        case .undefined: false
        }
    }

    /// Python's `str()` of a scalar; lists and objects are outside the subset and throw.
    func pythonString() throws(TemplateError) -> String {
        switch self {
        case .null: "None"
        case .bool(let b): b ? "True" : "False"
        case .int(let i): String(i)
        case .double(let d): PythonFloat.repr(d)
        case .string(let s), .markup(let s): s
        case .array: throw TemplateError("cannot turn a list into text (printing whole lists is outside the template subset)")
        case .object: throw TemplateError("cannot turn an object into text (printing whole objects is outside the template subset)")
        case .undefined(let undefined): try undefined.text()
        }
    }

    /// The number as a double, for int, bool and double values.
    var numeric: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }

    /// The integer value of ints and bools (Python's bool is an int).
    var integer: Int? {
        switch self {
        case .int(let i): i
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }

    /// Python `==`.
    func pythonEquals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.string(let a), .string(let b)), (.string(let a), .markup(let b)),
             (.markup(let a), .string(let b)), (.markup(let a), .markup(let b)):
            return a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.pythonEquals($1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { pair in b.contains { $0.key == pair.key && $0.value.pythonEquals(pair.value) } }
        case (.undefined(let a), .undefined(let b)):
            // Jinja2's `Undefined.__eq__`: equal to any undefined of the same class.
            return a.isStrict == b.isStrict
        case (.undefined, _), (_, .undefined):
            return false
        default:
            if let a = integer, let b = other.integer { return a == b }
            if let a = numeric, let b = other.numeric { return a == b }
            return false
        }
    }

    /// Python `<`; throws for types Python cannot order.
    func pythonLess(_ other: Value, op: String = "<") throws(TemplateError) -> Bool {
        switch (self, other) {
        case (.undefined(let undefined), _), (_, .undefined(let undefined)): throw undefined.error
        case (.string(let a), .string(let b)), (.string(let a), .markup(let b)),
             (.markup(let a), .string(let b)), (.markup(let a), .markup(let b)):
            return a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.array(let a), .array(let b)):
            for (x, y) in zip(a, b) where !x.pythonEquals(y) { return try x.pythonLess(y, op: op) }
            return a.count < b.count
        default:
            if let a = integer, let b = other.integer { return a < b }
            if let a = numeric, let b = other.numeric { return a < b }
            throw TemplateError("cannot compare \(described) with \(other.described) using '\(op)'")
        }
    }

    /// A hashable key with Python's set semantics (1 == 1.0 == True); lists and objects are unhashable.
    func hashKey() throws(TemplateError) -> HashKey {
        switch self {
        case .null: return .null
        case .undefined(let undefined):
            if undefined.isStrict { throw undefined.error }
            return .undefined
        case .string(let s), .markup(let s): return .string(s)
        case .array, .object: throw TemplateError("\(kind) cannot be compared for uniqueness (only strings, numbers, booleans and none)")
        default:
            if let i = integer { return .int(i) }
            let d = numeric ?? 0
            if d == d.rounded(), let i = Int(exactly: d) { return .int(i) }
            return .double(d)
        }
    }
}

/// A value as a set or dictionary key.
enum HashKey: Hashable {
    case null, undefined, int(Int), double(Double), string(String)
}
