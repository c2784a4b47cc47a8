import FlightdeckCore

/// An `is` test: `x is even`, `x is divisibleby(3)`, `x is not none`.
final class TemplateTest: Sendable {
    let name: String
    /// How many arguments it takes.
    let arity: Int
    let function: @Sendable (Value, [Value]) throws(TemplateError) -> Bool

    init(name: String, arity: Int, function: @escaping @Sendable (Value, [Value]) throws(TemplateError) -> Bool) {
        self.name = name
        self.arity = arity
        self.function = function
    }

    func apply(_ value: Value, _ arguments: [Value]) throws(TemplateError) -> Bool {
        guard arguments.count == arity else {
            throw TemplateError("test '\(name)' takes \(arity == 0 ? "no arguments" : arity == 1 ? "one argument" : "\(arity) arguments"), found \(arguments.count)")
        }
        if case .undefined(let undefined) = value, let answer = try Tests.answer(name, for: undefined) { return answer }
        for argument in arguments { try argument.checkNotStrictUndefined() }
        return try function(value, arguments)
    }
}

/// Every test by name (`defined` and `undefined` are answered by the renderer, which sees undefined values).
enum Tests {
    static func test(_ name: String, _ arity: Int = 0, _ function: @escaping @Sendable (Value, [Value]) throws(TemplateError) -> Bool) -> TemplateTest {
        TemplateTest(name: name, arity: arity, function: function)
    }

    static func compare(_ name: String, _ op: BinaryOperator) -> TemplateTest {
        test(name, 1) { (value, args) throws(TemplateError) in try Operators.apply(op, value, args[0]).isTruthy }
    }

    static func modulo(_ value: Value, _ divisor: Value) throws(TemplateError) -> Value {
        try Operators.floorDivideOrModulo(.modulo, value, divisor)
    }

    /// Jinja2's answer of test `name` for an undefined value: type tests say false, `sequence` and `iterable` say
    /// true for the lenient kind (it has a length and iterates), the comparisons `eq`, `ne` and `in` run on the
    /// lenient kind (nil here) and every other use fails.
    static func answer(_ name: String, for undefined: Undefined) throws(TemplateError) -> Bool? {
        switch name {
        case "defined": return false
        case "undefined": return true
        case "none", "boolean", "true", "false", "number", "integer", "float", "string", "mapping", "safe_url": return false
        case "sequence": return !undefined.isStrict
        case "iterable", "eq", "equalto", "ne", "in":
            if undefined.isStrict { throw undefined.error }
            return name == "iterable" ? true : nil
        default: throw undefined.error
        }
    }

    static let all: [TemplateTest] = [
        test("defined") { (_, _) throws(TemplateError) in true },
        test("undefined") { (_, _) throws(TemplateError) in false },
        test("none") { (value, _) throws(TemplateError) in value.isNull },
        test("boolean") { (value, _) throws(TemplateError) in if case .bool = value { true } else { false } },
        test("true") { (value, _) throws(TemplateError) in if case .bool(true) = value { true } else { false } },
        test("false") { (value, _) throws(TemplateError) in if case .bool(false) = value { true } else { false } },
        test("number") { (value, _) throws(TemplateError) in value.numeric != nil },
        test("integer") { (value, _) throws(TemplateError) in if case .int = value { true } else { false } },
        test("float") { (value, _) throws(TemplateError) in if case .double = value { true } else { false } },
        test("string") { (value, _) throws(TemplateError) in value.text != nil },
        test("mapping") { (value, _) throws(TemplateError) in if case .object = value, value.lazyItems == nil { true } else { false } },
        test("sequence") { (value, _) throws(TemplateError) in
            if value.lazyItems != nil { return false }
            return switch value {
            case .string, .markup, .array, .object: true
            default: false
            }
        },
        test("iterable") { (value, _) throws(TemplateError) in
            switch value {
            case .string, .markup, .array, .object: true
            default: false
            }
        },
        test("even") { (value, _) throws(TemplateError) in try modulo(value, .int(2)).pythonEquals(.int(0)) },
        test("odd") { (value, _) throws(TemplateError) in try modulo(value, .int(2)).pythonEquals(.int(1)) },
        test("divisibleby", 1) { (value, args) throws(TemplateError) in try modulo(value, args[0]).pythonEquals(.int(0)) },
        compare("eq", .equal), compare("equalto", .equal), compare("ne", .notEqual),
        compare("lt", .less), compare("lessthan", .less), compare("gt", .greater), compare("greaterthan", .greater),
        compare("le", .lessEqual), compare("ge", .greaterEqual),
        test("in", 1) { (value, args) throws(TemplateError) in try Operators.contains(args[0], value) },
        // A Flightdeck addition: a string that SafeURL allows in an `href` or `src` (http, https, mailto or relative).
        test("safe_url") { (value, _) throws(TemplateError) in value.text.map(SafeURL.isSafe) ?? false },
    ]

    static let byName: [String: TemplateTest] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The test called `name`, if there is one.
    static func named(_ name: String) -> TemplateTest? { byName[name] }

    /// All test names, sorted.
    static var names: [String] { byName.keys.sorted() }
}
