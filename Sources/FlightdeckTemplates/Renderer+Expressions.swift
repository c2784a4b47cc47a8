/// Expressions: values, names, attribute and item access, operators, filters and tests.
extension Renderer {
    /// The value of `expr` for a use: printing, a test of truth, iterating, an operator or a filter. A strict
    /// undefined value throws its error here; the lenient kind (an `if` without `else`) is passed on.
    func evaluate(_ expr: Expr, _ frame: Frame) throws(TemplateError) -> Value {
        let value = try evaluateLazy(expr, frame)
        try value.checkNotStrictUndefined()
        return value
    }

    /// The value of `expr` where Jinja2 only names it (`set`, macro arguments, list items, `default`'s argument):
    /// an undefined value is returned, not thrown.
    func evaluateLazy(_ expr: Expr, _ frame: Frame) throws(TemplateError) -> Value {
        do {
            return try evaluateUnlocated(expr, frame)
        } catch {
            throw error.located(at: expr.position, in: frame.template.name)
        }
    }

    /// `evaluate` for a child held by an unmanaged reference (no retain and release around the call).
    @inline(__always)
    func evaluate(_ expr: Unmanaged<Expr>, _ frame: Frame) throws(TemplateError) -> Value {
        try expr.borrow { (expr) throws(TemplateError) in try evaluate(expr, frame) }
    }

    private func evaluateUnlocated(_ expr: Expr, _ frame: Frame) throws(TemplateError) -> Value {
        switch expr.tag {
        case .filter:
            if let compiled = expr.compiledFormat, let arguments = expr.arguments {
                var values: [Value] = []
                values.reserveCapacity(arguments.positional.count)
                for argument in arguments.positional { values.append(try evaluate(argument, frame)) }
                return try PrintfFormat.apply(compiled, to: values, markup: false)
            }
            if let filter = expr.filterReference, let operand = expr.baseReference, let arguments = expr.argumentsReference {
                let result = try filter.borrow { (filter) throws(TemplateError) in
                    try arguments.borrow { (arguments) throws(TemplateError) in
                        try operand.borrow { (operand) throws(TemplateError) in
                            try applyFilter(filter, to: operand, arguments, prebound: expr.prebound, frame)
                        }
                    }
                }
                guard let value = result else {
                    let name = filter.borrow { $0.name }
                    return undefined(TemplateError("the sequence is empty, so '|\(name)' is undefined; add |default(...) after it"), expr, frame)
                }
                return value
            }
        case .binary:
            if let left = expr.baseReference, let right = expr.rightReference {
                return try Operators.apply(expr.op, try evaluate(left, frame), try evaluate(right, frame))
            }
        default: break
        }
        switch expr.kind {
        case .literal(let value): return value
        case .name, .attribute, .item, .conditional:
            guard let value = try evaluateOptional(expr, frame) else { return undefined(undefinedError(expr, frame), expr, frame) }
            return value
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items {
                let value = try evaluateLazy(item, frame)
                try value.checkStorable()
                values.append(value)
            }
            return .array(values)
        case .dict(let pairs):
            var members: [(key: String, value: Value)] = []
            for pair in pairs {
                guard case .string(let key) = try evaluate(pair.key, frame) else {
                    throw TemplateError("dict keys must be strings").located(at: pair.key.position, in: frame.template.name)
                }
                let value = try evaluateLazy(pair.value, frame)
                try value.checkStorable()
                if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = value } else { members.append((key, value)) }
            }
            return .object(members)
        case .slice(let base, let start, let stop):
            return try slice(try evaluate(base, frame).defined(), start.map { (e) throws(TemplateError) in try evaluate(e, frame).defined() },
                             stop.map { (e) throws(TemplateError) in try evaluate(e, frame).defined() })
        case .negate(let operand):
            let value = try evaluate(operand, frame).defined()
            if let i = value.integer {
                guard i != Int.min else { throw TemplateError("integer overflow in -(\(i))") }
                return .int(-i)
            }
            if case .double(let d) = value { return .double(-d) }
            throw TemplateError("cannot negate \(value.described)")
        case .plus(let operand):
            let value = try evaluate(operand, frame).defined()
            if let i = value.integer { return .int(i) }
            if case .double = value { return value }
            throw TemplateError("cannot use unary '+' on \(value.described)")
        case .not(let operand): return .bool(!(try evaluate(operand, frame).isTruthy))
        case .binary(let op, let left, let right):
            return try Operators.apply(op, try evaluate(left, frame), try evaluate(right, frame))
        case .and(let left, let right):
            let value = try evaluate(left, frame)
            return value.isTruthy ? try evaluateLazy(right, frame) : value
        case .or(let left, let right):
            let value = try evaluate(left, frame)
            return value.isTruthy ? value : try evaluateLazy(right, frame)
        case .filter(let operand, let filter, let arguments, let prebound):
            guard let value = try applyFilter(filter, to: operand, arguments, prebound: prebound, frame) else {
                return undefined(TemplateError("the sequence is empty, so '|\(filter.name)' is undefined; add |default(...) after it"), expr, frame)
            }
            return value
        case .test(let operand, let test, let arguments, let negated):
            return .bool(try applyTest(test, to: operand, arguments, frame) != negated)
        case .call:
            return try evaluateCall(expr, frame, caller: nil)
        }
    }

    /// An undefined value for `expr`, its error located there: strict, except for an `if` expression without `else`.
    func undefined(_ error: TemplateError, _ expr: Expr, _ frame: Frame) -> Value {
        var isStrict = true
        if case .conditional = expr.kind { isStrict = false }
        return .undefined(Undefined(error.located(at: expr.position, in: frame.template.name), isStrict: isStrict))
    }

    /// The value, or nil when it is undefined (a missing name, attribute or item): what `is defined` and `default` see.
    /// A variable holding an undefined value gives that value (`isUndefined`), with the error of where it was named.
    func evaluateOptional(_ expr: Expr, _ frame: Frame) throws(TemplateError) -> Value? {
        // Fast path for a plain name holding a value.
        if expr.tag == .name, let value = frame.scope.lookupValue(expr.name) {
            return value
        }
        // Fast path for `name.attribute` on an object held by a variable.
        if expr.tag == .attribute, let base = expr.baseReference, let value = base.borrow({ base in
               base.tag == .name ? frame.scope.lookupValue(base.name) : nil }),
           case .object(let pairs) = value, pairs.first?.key.utf8.first != 0, !Self.isDictMethod(expr.name) {
            // An object (not a lazy sequence, whose first key starts with NUL): its member, searched by index.
            var i = 0
            while i < pairs.count {
                if pairs[i].key == expr.name { return pairs[i].value }
                i += 1
            }
            return nil
        }
        switch expr.kind {
        case .name(let name):
            switch frame.scope.lookup(name) {
            case .value(let value): return value
            case .missing, nil: return nil
            case .macro: throw TemplateError("'\(name)' is a macro; call it as \(name)(...)")
            case .module: throw TemplateError("'\(name)' is an imported template; use one of its macros, as \(name).macro(...)")
            case .loop: throw TemplateError("'loop' cannot be used as a value; use loop.index, loop.first, ...")
            case .superBlock: throw TemplateError("'super' must be called: super()")
            }
        case .attribute(let base, let name):
            var baseValue: Value?
            if case .name(let baseName) = base.kind, let entry = frame.scope.lookup(baseName) {
                switch entry {
                case .value(let value): baseValue = value
                case .loop(let state): return try loopAttribute(state, name)
                case .module(let module):
                    switch module.scope.local(name) {
                    case .value(let value): return value
                    case .macro: throw TemplateError("'\(baseName).\(name)' is a macro; call it as \(baseName).\(name)(...)")
                    default: return nil
                    }
                default: break
                }
            }
            var value: Value
            if let baseValue { value = baseValue } else { value = try evaluate(base, frame) }
            value = try value.defined()
            if case .object = value, Self.isDictMethod(name) {
                throw TemplateError("'\(name)' is a method of objects; call it as .\(name)() or use ['\(name)'] for the key")
            }
            return value.attribute(name)
        case .item(let base, let index):
            return try evaluate(base, frame).defined().item(try evaluate(index, frame).defined())
        case .filter(let operand, let filter, let arguments, let prebound):
            return try applyFilter(filter, to: operand, arguments, prebound: prebound, frame)
        case .conditional(let value, let test, let otherwise):
            if try evaluate(test, frame).isTruthy { return try evaluateLazy(value, frame) }
            guard let otherwise else { return nil }
            return try evaluateLazy(otherwise, frame)
        default:
            return try evaluate(expr, frame)
        }
    }

    /// Names Jinja2 resolves to methods of a dict rather than to its keys.
    static func isDictMethod(_ name: String) -> Bool {
        switch name.utf8.first {
        case UInt8(ascii: "i"), UInt8(ascii: "k"), UInt8(ascii: "v"), UInt8(ascii: "g"), UInt8(ascii: "u"), UInt8(ascii: "p"),
             UInt8(ascii: "c"), UInt8(ascii: "s"): break
        default: return false
        }
        return switch name {
        case "items", "keys", "values", "get", "update", "pop", "copy", "clear", "setdefault", "popitem": true
        default: false
        }
    }

    /// Why `expr` is undefined, with a did-you-mean for names and attributes.
    func undefinedError(_ expr: Expr, _ frame: Frame) -> TemplateError {
        switch expr.kind {
        case .name(let name):
            if case .missing(let message) = frame.scope.lookup(name) { return TemplateError(message) }
            return TemplateError("'\(name)' is undefined" + Suggestion.phrase(for: name, in: frame.scope.visibleNames))
        case .attribute(let base, let name):
            let subject = base.path.map { "'\($0)'" } ?? "the value"
            if case .name(let baseName) = base.kind, case .module(let module)? = frame.scope.lookup(baseName) {
                return TemplateError("the template '\(module.name)' does not export '\(name)'" + Suggestion.phrase(for: name, in: module.scope.ownNames))
            }
            guard let value = try? evaluate(base, frame) else { return TemplateError("\(subject) has no attribute '\(name)'") }
            if case .object(let pairs) = value {
                return TemplateError("\(subject) has no attribute '\(name)'" + Suggestion.phrase(for: name, in: pairs.map(\.key)))
            }
            return TemplateError("\(subject) is \(value.kind) and has no attribute '\(name)'")
        case .item(let base, let index):
            let subject = base.path.map { "'\($0)'" } ?? "the value"
            let key = (try? evaluate(index, frame)) ?? .null
            if case .object(let pairs) = (try? evaluate(base, frame)), let name = key.text {
                return TemplateError("\(subject) has no key '\(name)'" + Suggestion.phrase(for: name, in: pairs.map(\.key)))
            }
            return TemplateError("\(subject) has no item \(key.shortDescription)")
        case .conditional:
            return TemplateError("the conditional expression has no 'else' and its test is false, so its value is undefined: it prints as nothing, but cannot be used here; add 'else ...'")
        default:
            return TemplateError("the value is undefined")
        }
    }

    func loopAttribute(_ state: LoopState, _ name: String) throws(TemplateError) -> Value? {
        let length = state.items.count
        switch name {
        case "index": return .int(state.index0 + 1)
        case "index0": return .int(state.index0)
        case "revindex": return .int(length - state.index0)
        case "revindex0": return .int(length - state.index0 - 1)
        case "first": return .bool(state.index0 == 0)
        case "last": return .bool(state.index0 == length - 1)
        case "length": return .int(length)
        case "depth": return .int(1)
        case "depth0": return .int(0)
        case "previtem": return state.index0 > 0 ? state.items[state.index0 - 1] : nil
        case "nextitem": return state.index0 + 1 < length ? state.items[state.index0 + 1] : nil
        case "cycle", "changed": throw TemplateError("loop.\(name) must be called: loop.\(name)(...)")
        default:
            throw TemplateError("'loop' has no attribute '\(name)'" + Suggestion.phrase(for: name, in: ["index", "index0", "revindex", "revindex0", "first", "last", "length", "previtem", "nextitem", "cycle"]))
        }
    }
}
