import Foundation

/// Binary operators with Python's semantics (floor division and modulo of negatives, int/float mixing, Markup rules).
enum Operators {
    /// Longest string or list an operator may build (against `"x" * 10**12`).
    static let maxRepeat = 10_000_000

    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(TemplateError) -> Value {
        if case .undefined(let undefined) = a { try check(undefined, op) }
        if case .undefined(let undefined) = b { try check(undefined, op, formatted: a.text != nil) }
        switch op {
        case .add: return try add(a, b)
        case .subtract: return try arithmetic(op, a, b, ints: { $0.subtractingReportingOverflow($1) }, doubles: -)
        case .multiply: return try multiply(a, b)
        case .divide:
            guard let x = a.numeric, let y = b.numeric else { throw unsupported(op, a, b) }
            guard y != 0 else { throw TemplateError("division by zero") }
            return .double(x / y)
        case .floorDivide, .modulo:
            if op == .modulo, let format = a.text { return try PrintfFormat.apply(format, to: b, markup: a.isMarkup) }
            return try floorDivideOrModulo(op, a, b)
        case .power: return try power(a, b)
        case .concat: return try concat([a, b])
        case .constantConcat: return .string(try a.pythonString() + b.pythonString())
        case .equal: return .bool(try equals(a, b))
        case .notEqual: return .bool(!(try equals(a, b)))
        case .less: return .bool(try a.pythonLess(b, op: "<"))
        case .greater: return .bool(try b.pythonLess(a, op: ">"))
        case .lessEqual:
            let less = try a.pythonLess(b, op: "<=")
            return .bool(less || a.pythonEquals(b))
        case .greaterEqual:
            let greater = try b.pythonLess(a, op: ">=")
            return .bool(greater || a.pythonEquals(b))
        case .contains: return .bool(try contains(b, a))
        case .notContains: return .bool(!(try contains(b, a)))
        }
    }

    /// A strict undefined fails any operator; the lenient kind takes part in `==`, `!=`, `in`, `~` and string
    /// formatting (`"%s" % value`) only.
    static func check(_ undefined: Undefined, _ op: BinaryOperator, formatted: Bool = false) throws(TemplateError) {
        guard !undefined.isStrict else { throw undefined.error }
        switch op {
        case .equal, .notEqual, .contains, .notContains, .concat, .constantConcat: return
        case .modulo where formatted: return
        default: throw undefined.error
        }
    }

    static func unsupported(_ op: BinaryOperator, _ a: Value, _ b: Value) -> TemplateError {
        TemplateError("cannot use '\(op.rawValue)' on \(a.described) and \(b.described)")
    }

    static func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value,
                           ints: (Int, Int) -> (partialValue: Int, overflow: Bool), doubles: (Double, Double) -> Double) throws(TemplateError) -> Value {
        if let x = a.integer, let y = b.integer {
            let (result, overflow) = ints(x, y)
            guard !overflow else { throw TemplateError("integer overflow in \(x) \(op.rawValue) \(y)") }
            return .int(result)
        }
        guard let x = a.numeric, let y = b.numeric else { throw unsupported(op, a, b) }
        return .double(doubles(x, y))
    }

    static func add(_ a: Value, _ b: Value) throws(TemplateError) -> Value {
        switch (a, b) {
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.string, .markup), (.markup, .string), (.markup, .markup):
            return .markup(try HTML.markup(a) + HTML.markup(b))
        case (.array(let x), .array(let y)): return .array(x + y)
        default: return try arithmetic(.add, a, b, ints: { $0.addingReportingOverflow($1) }, doubles: +)
        }
    }

    static func multiply(_ a: Value, _ b: Value) throws(TemplateError) -> Value {
        func repeated<T>(_ items: [T], _ count: Int) throws(TemplateError) -> [T] {
            guard count > 0 else { return [] }
            guard items.count.multipliedReportingOverflow(by: count).partialValue <= maxRepeat, count <= maxRepeat else {
                throw TemplateError("the result of '*' would be too large")
            }
            return Array([[T]](repeating: items, count: count).joined())
        }
        switch (a, b) {
        case (.string(let s), _) where b.integer != nil: return .string(String(try repeated(Array(s.unicodeScalars), b.integer ?? 0).map(Character.init)))
        case (_, .string(let s)) where a.integer != nil: return .string(String(try repeated(Array(s.unicodeScalars), a.integer ?? 0).map(Character.init)))
        case (.array(let items), _) where b.integer != nil: return .array(try repeated(items, b.integer ?? 0))
        case (_, .array(let items)) where a.integer != nil: return .array(try repeated(items, a.integer ?? 0))
        default: return try arithmetic(.multiply, a, b, ints: { $0.multipliedReportingOverflow(by: $1) }, doubles: *)
        }
    }

    static func floorDivideOrModulo(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(TemplateError) -> Value {
        if let x = a.integer, let y = b.integer {
            guard y != 0 else { throw TemplateError(op == .modulo ? "modulo by zero" : "division by zero") }
            guard !(x == Int.min && y == -1) else { throw TemplateError("integer overflow in \(x) \(op.rawValue) \(y)") }
            var quotient = x / y, remainder = x % y
            if remainder != 0 && (remainder < 0) != (y < 0) { quotient -= 1; remainder += y }
            return .int(op == .modulo ? remainder : quotient)
        }
        guard let x = a.numeric, let y = b.numeric else { throw unsupported(op, a, b) }
        guard y != 0 else { throw TemplateError(op == .modulo ? "modulo by zero" : "division by zero") }
        // CPython's float_divmod.
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 {
            if (y < 0) != (mod < 0) { mod += y; div -= 1 }
        } else {
            mod = copysign(0, y)
        }
        if op == .modulo { return .double(mod) }
        if div != 0 {
            var floored = floor(div)
            if div - floored > 0.5 { floored += 1 }
            return .double(floored)
        }
        return .double(copysign(0, x / y))
    }

    static func power(_ a: Value, _ b: Value) throws(TemplateError) -> Value {
        if let x = a.integer, let y = b.integer, y >= 0 {
            var result = 1, base = x, exponent = y
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    guard !o else { throw TemplateError("integer overflow in \(x) ** \(y)") }
                    result = r
                }
                exponent >>= 1
                if exponent > 0 {
                    let (s, o) = base.multipliedReportingOverflow(by: base)
                    guard !o else { throw TemplateError("integer overflow in \(x) ** \(y)") }
                    base = s
                }
            }
            return .int(result)
        }
        guard let x = a.numeric, let y = b.numeric else { throw unsupported(.power, a, b) }
        if x == 0 && y < 0 { throw TemplateError("0.0 cannot be raised to a negative power") }
        if x < 0 && y != y.rounded() { throw TemplateError("a negative number cannot be raised to a fractional power") }
        return .double(pow(x, y))
    }

    /// `~`: each value as text; markup if any part is markup (the others escaped).
    static func concat(_ parts: [Value]) throws(TemplateError) -> Value {
        if parts.contains(where: \.isMarkup) {
            var html = ""
            for part in parts { html += try HTML.markup(part) }
            return .markup(html)
        }
        var text = ""
        for part in parts { text += try part.pythonString() }
        return .string(text)
    }

    /// Python `==`, failing where Python meets a strict undefined item while comparing two lists.
    static func equals(_ a: Value, _ b: Value) throws(TemplateError) -> Bool {
        guard case .array(let x) = a, case .array(let y) = b, x.count == y.count else { return a.pythonEquals(b) }
        for (p, q) in zip(x, y) {
            try p.checkNotStrictUndefined()
            try q.checkNotStrictUndefined()
            if !(try equals(p, q)) { return false }
        }
        return true
    }

    /// Python's `needle in container`.
    static func contains(_ container: Value, _ needle: Value) throws(TemplateError) -> Bool {
        if let items = container.lazyItems { return items.contains { $0.pythonEquals(needle) } }
        switch container {
        case .string(let haystack), .markup(let haystack):
            guard let text = needle.text else { throw TemplateError("'in' a string needs a string on the left, found \(needle.described)") }
            return UTF8Search.contains(haystack, text)
        case .array(let items):
            // In order, as Python compares: a strict undefined item before a match fails.
            for item in items {
                try item.checkNotStrictUndefined()
                if item.pythonEquals(needle) { return true }
            }
            return false
        case .object(let pairs):
            let key = try needle.hashKey()
            guard case .string(let name) = key else { return false }
            return pairs.contains { $0.key == name }
        case .undefined: return false
        default: throw TemplateError("cannot use 'in' on \(container.described)")
        }
    }
}

/// Substring search on UTF-8 bytes: the same as Python's code point search, without Unicode equivalence.
enum UTF8Search {
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        firstRange(of: needle, in: haystack) != nil
    }

    /// The byte offsets of the first occurrence of `needle` in `haystack`.
    static func firstRange(of needle: String, in haystack: String, from start: Int = 0) -> Range<Int>? {
        let hay = Array(haystack.utf8), pattern = Array(needle.utf8)
        guard pattern.count <= hay.count - start else { return nil }
        guard let first = pattern.first else { return start..<start }
        var i = start
        while i <= hay.count - pattern.count {
            if hay[i] == first && hay[i..<(i + pattern.count)].elementsEqual(pattern) { return i..<(i + pattern.count) }
            i += 1
        }
        return nil
    }
}
