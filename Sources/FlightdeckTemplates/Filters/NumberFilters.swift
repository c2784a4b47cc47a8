import Foundation

/// `abs`, `round`, `int` and `float`, with Python's conversions and rounding.
enum NumberFilters {
    static let all: [Filter] = [
        Filter("abs") { (value, _) throws(TemplateError) in
            if let i = value.integer {
                guard i != Int.min else { throw TemplateError("integer overflow in abs(\(i))") }
                return .int(abs(i))
            }
            if case .double(let d) = value { return .double(abs(d)) }
            throw TemplateError("abs needs a number, found \(value.described)")
        },
        Filter("round", ["precision", "method"]) { (value, args) throws(TemplateError) in
            let precision = try args.int(0, "precision", default: 0)
            let method = try args.string(1, "method", default: "common")
            guard ["common", "ceil", "floor"].contains(method) else {
                throw TemplateError("round: method must be 'common', 'ceil' or 'floor', found '\(method)'")
            }
            guard let x = value.numeric else { throw TemplateError("round needs a number, found \(value.described)") }
            if method == "common" {
                if let i = value.integer { return .int(precision >= 0 ? i : roundInteger(i, digits: -precision)) }
                return .double(roundHalfEven(x, digits: precision))
            }
            let scale = pow(10, Double(precision))
            let scaled = method == "ceil" ? ceil(x * scale) : floor(x * scale)
            guard scaled.isFinite else { throw TemplateError("round: cannot convert float \(PythonFloat.repr(scaled)) to integer") }
            // Python's math.ceil and math.floor give an int, which has no negative zero: -0.5|round(method='ceil') is 0.0.
            return .double((scaled == 0 ? 0 : scaled) / scale)
        },
        Filter("int", ["default", "base"]) { (value, args) throws(TemplateError) in
            let fallback = args[0] ?? .int(0)
            let base = try args.int(1, "base", default: 10)
            if let text = value.text, let i = PythonNumber.parseInt(text, base: base) { return .int(i) }
            if let i = value.integer { return .int(i) }
            let d: Double?
            if case .double(let x) = value { d = x } else { d = value.text.flatMap(PythonNumber.parseFloat) }
            guard let d, !d.isNaN else { return fallback }
            // Jinja2 gives the default for "inf" text but fails on an infinite number.
            if !d.isFinite && value.text != nil { return fallback }
            guard d.isFinite, let i = Int(exactly: d.rounded(.towardZero)) else { throw TemplateError("cannot convert float \(PythonFloat.repr(d)) to integer") }
            return .int(i)
        },
        Filter("float", ["default"]) { (value, args) throws(TemplateError) in
            if let d = value.numeric { return .double(d) }
            if let text = value.text, let d = PythonNumber.parseFloat(text) { return .double(d) }
            return args[0] ?? .double(0)
        },
    ]

    /// Python's `round(x, n)`: the exact binary value rounded half to even, as printf's correctly rounded `%.nf` does.
    static func roundHalfEven(_ x: Double, digits: Int) -> Double {
        guard x.isFinite else { return x }
        if digits >= 0 {
            guard digits < 300 else { return x }
            return Double(String(format: "%.\(digits)f", x)) ?? x
        }
        let scale = pow(10, Double(-digits))
        return (x / scale).rounded(.toNearestOrEven) * scale
    }

    /// `round(i, -n)` for integers: to the nearest multiple of 10^n, ties to even.
    static func roundInteger(_ i: Int, digits: Int) -> Int {
        guard digits < 19 else { return 0 }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let quotient = i / scale, remainder = i % scale
        var result = quotient
        if abs(remainder) * 2 > scale || (abs(remainder) * 2 == scale && quotient % 2 != 0) { result += i < 0 ? -1 : 1 }
        return result * scale
    }
}
