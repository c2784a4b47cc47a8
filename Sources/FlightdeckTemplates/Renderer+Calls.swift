/// Calls (macros, `super()`, `caller()`, `loop.cycle()`, dict methods), filters and tests.
extension Renderer {
    /// The arguments' values; `lazy` for macro calls and `default`, which take undefined values without using them.
    func evaluateArguments(_ arguments: Arguments, _ frame: Frame, lazy: Bool = false) throws(TemplateError) -> (positional: [Value], keywords: [(name: String, value: Value)]) {
        if arguments.positional.isEmpty && arguments.keywords.isEmpty { return ([], []) }
        var positional: [Value] = []
        positional.reserveCapacity(arguments.positional.count)
        for expr in arguments.positional { positional.append(lazy ? try evaluateLazy(expr, frame) : try evaluate(expr, frame)) }
        var keywords: [(name: String, value: Value)] = []
        for (name, expr) in arguments.keywords { keywords.append((name, lazy ? try evaluateLazy(expr, frame) : try evaluate(expr, frame))) }
        for value in positional { try value.checkStorable() }
        for (_, value) in keywords { try value.checkStorable() }
        return (positional, keywords)
    }

    func evaluateCall(_ expr: Expr, _ frame: Frame, caller: MacroClosure?) throws(TemplateError) -> Value {
        guard case .call(let callee, let arguments) = expr.kind else { throw TemplateError("expected a call") }
        // Macros (the common case) take their arguments straight into their scope.
        if let closure = macro(called: callee, frame) {
            return try callMacro(closure, arguments, caller: caller, frame)
        }
        // `loop.cycle(a, b)`: every argument is evaluated (as in Jinja2), the one for this iteration kept.
        if case .attribute(let base, "cycle") = callee.kind, case .name(let baseName) = base.kind,
           case .loop(let state)? = frame.scope.lookup(baseName), arguments.keywords.isEmpty, !arguments.positional.isEmpty {
            var chosen = Value.null
            for (i, expr) in arguments.positional.enumerated() {
                let value = try evaluate(expr, frame)
                if i == state.index0 % arguments.positional.count { chosen = value }
            }
            return chosen
        }
        let (positional, keywords) = try evaluateArguments(arguments, frame)
        switch callee.kind {
        case .name(let name):
            switch frame.scope.lookup(name) {
            case .macro(let closure)?:
                return try callMacro(closure, positional, keywords, caller: caller, frame)
            case .superBlock(let block, let level)?:
                return .markup(try renderBlock(block, level: level + 1, frame))
            case nil:
                throw TemplateError("'\(name)' is undefined" + Suggestion.phrase(for: name, in: frame.scope.visibleNames))
            case .missing(let message)?:
                throw TemplateError(message)
            case .value(.undefined(let undefined))?:
                throw undefined.error
            default:
                throw TemplateError("'\(name)' is not a macro and cannot be called")
            }
        case .attribute(let base, let method):
            if case .name(let baseName) = base.kind, let entry = frame.scope.lookup(baseName) {
                if case .loop(let state) = entry {
                    guard method == "cycle" else { throw TemplateError("'loop.\(method)' cannot be called; only loop.cycle(...) can") }
                    guard !positional.isEmpty else { throw TemplateError("loop.cycle() needs at least one value") }
                    return positional[state.index0 % positional.count]
                }
                if case .module(let module) = entry {
                    guard case .macro(let closure)? = module.scope.local(method) else {
                        throw TemplateError("the template '\(module.name)' has no macro '\(method)'" + Suggestion.phrase(for: method, in: module.scope.ownNames))
                    }
                    return try callMacro(closure, positional, keywords, caller: caller, frame)
                }
            }
            let value = try evaluate(base, frame).defined()
            return try callMethod(method, on: value, positional, keywords)
        default:
            throw TemplateError("this expression cannot be called")
        }
    }

    /// The macro `callee` names (`name` or `module.name`), if it names one.
    func macro(called callee: Expr, _ frame: Frame) -> MacroClosure? {
        // From the stored base and name: no copy of the expression's payload.
        if callee.tag == .name {
            if case .macro(let closure)? = frame.scope.lookup(callee.name) { return closure }
            return nil
        }
        guard callee.tag == .attribute, let base = callee.base else { return nil }
        if base.tag == .name, case .module(let module)? = frame.scope.lookup(base.name),
           case .macro(let closure)? = module.scope.local(callee.name) { return closure }
        return nil
    }

    /// Calls a macro with argument expressions, evaluated in the caller's frame.
    func callMacro(_ closure: MacroClosure, _ arguments: Arguments, caller: MacroClosure?, _ frame: Frame) throws(TemplateError) -> Value {
        guard arguments.positional.count <= closure.macro.parameters.count, arguments.keywords.isEmpty else {
            let (positional, keywords) = try evaluateArguments(arguments, frame, lazy: true)
            return try callMacro(closure, positional, keywords, caller: caller, frame)
        }
        return .markup(try capture { (out) throws(TemplateError) in try callMacro(closure, arguments, caller: caller, frame, into: &out) })
    }

    /// Renders a macro called with only positional arguments (at most its parameters) into `out`.
    func callMacro(_ closure: MacroClosure, _ arguments: Arguments, caller: MacroClosure?, _ frame: Frame, into out: inout String) throws(TemplateError) {
        let macro = closure.macro
        try enter()
        defer { depth -= 1 }
        let scope: Scope, body: Frame
        if let spare = closure.spare, !closure.spareInUse, spare.frame.root === frame.root, spare.frame.blocks === frame.blocks {
            (scope, body) = spare
            scope.reset()
            closure.spareInUse = true
        } else {
            scope = Scope(parent: closure.scope, capacity: macro.parameters.count + (caller == nil ? 0 : 1))
            body = Frame(template: closure.template, scope: scope, root: frame.root, blocks: frame.blocks)
            if !closure.spareInUse {
                closure.spare = (scope, body)
                closure.spareInUse = true
            }
        }
        defer { if closure.spare?.scope === scope { closure.spareInUse = false } }
        for (i, parameter) in macro.parameters.enumerated() {
            if i < arguments.positional.count {
                let value = try evaluateLazy(arguments.positional[i], frame)
                try value.checkStorable()
                scope.set(parameter.name, .value(value))
            } else if let defaultValue = parameter.defaultValue {
                scope.set(parameter.name, .value(try evaluateLazy(defaultValue, body)))
            } else {
                scope.set(parameter.name, .missing("parameter '\(parameter.name)' of macro '\(macro.name)' was not given"))
            }
        }
        if let caller { scope.set("caller", .macro(caller)) }
        try render(macro.body, body, into: &out)
    }

    /// `.items()`, `.keys()`, `.values()` and `.get(key[, default])` on objects.
    func callMethod(_ method: String, on value: Value, _ positional: [Value], _ keywords: [(name: String, value: Value)]) throws(TemplateError) -> Value {
        guard case .object(let pairs) = value else { throw TemplateError("\(value.kind) has no method '\(method)'") }
        guard keywords.isEmpty else { throw TemplateError(".\(method)() takes no keyword arguments") }
        switch (method, positional.count) {
        case ("items", 0): return .array(pairs.map { .array([.string($0.key), $0.value]) })
        case ("keys", 0): return .array(pairs.map { .string($0.key) })
        case ("values", 0): return .array(pairs.map(\.value))
        case ("get", 1), ("get", 2):
            return positional[0].text.flatMap(value.member) ?? (positional.count == 2 ? positional[1] : .null)
        case ("items", _), ("keys", _), ("values", _), ("get", _):
            throw TemplateError(".\(method)() takes \(method == "get" ? "1 or 2 arguments" : "no arguments"), found \(positional.count)")
        default:
            throw TemplateError("objects have no method '\(method)'; use .items(), .keys(), .values() or .get()")
        }
    }

    func callMacro(_ closure: MacroClosure, _ positional: [Value], _ keywords: [(name: String, value: Value)],
                   caller: MacroClosure?, _ frame: Frame) throws(TemplateError) -> Value {
        let macro = closure.macro
        let parameters = macro.parameters
        guard positional.count <= parameters.count else {
            throw TemplateError("macro '\(macro.name)' takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), found \(positional.count)")
        }
        for (name, _) in keywords where !parameters.contains(where: { $0.name == name }) {
            throw TemplateError("macro '\(macro.name)' has no parameter '\(name)'" + Suggestion.phrase(for: name, in: parameters.map(\.name)))
        }
        try enter()
        defer { depth -= 1 }
        let scope = Scope(parent: closure.scope, capacity: parameters.count + (caller == nil ? 0 : 1))
        let body = Frame(template: closure.template, scope: scope, root: frame.root, blocks: frame.blocks)
        for (i, parameter) in parameters.enumerated() {
            let keyword = keywords.first { $0.name == parameter.name }
            if i < positional.count {
                if keyword != nil { throw TemplateError("macro '\(macro.name)' got two values for '\(parameter.name)'") }
                scope.set(parameter.name, .value(positional[i]))
            } else if let keyword {
                scope.set(parameter.name, .value(keyword.value))
            } else if let defaultValue = parameter.defaultValue {
                scope.set(parameter.name, .value(try evaluateLazy(defaultValue, body)))
            } else {
                scope.set(parameter.name, .missing("parameter '\(parameter.name)' of macro '\(macro.name)' was not given"))
            }
        }
        if let caller { scope.set("caller", .macro(caller)) }
        return .markup(try capture { (out) throws(TemplateError) in try render(macro.body, body, into: &out) })
    }

    /// The filter's result; nil when it is undefined (`first` of an empty list).
    func applyFilter(_ filter: Filter, to operandExpr: Expr, _ arguments: Arguments, prebound: FilterArguments.Bound?, _ frame: Frame) throws(TemplateError) -> Value? {
        if filter.name == "format", prebound == nil, arguments.keywords.isEmpty {
            let operand = try evaluate(operandExpr, frame)
            guard let format = operand.text else { throw TemplateError("format needs a string to format, found \(operand.described)") }
            var values: [Value] = []
            values.reserveCapacity(arguments.positional.count)
            for expr in arguments.positional { values.append(try evaluate(expr, frame)) }
            return try PrintfFormat.apply(format, to: .array(values), markup: operand.isMarkup)
        }
        let bound: FilterArguments.Bound
        if let prebound {
            bound = prebound
        } else {
            let (positional, keywords) = try evaluateArguments(arguments, frame, lazy: filter.acceptsUndefined)
            bound = try filter.bind(positional, keywords)
        }
        if filter.acceptsUndefined {
            let operand = try evaluateOptional(operandExpr, frame)
            let defined = operand.map { !$0.isUndefined } ?? false
            return try filter.apply(operand ?? .null, FilterArguments(bound: bound, operandDefined: defined))
        }
        return try filter.apply(maybeUndefined: try evaluate(operandExpr, frame), bound)
    }

    func applyTest(_ test: TemplateTest, to operandExpr: Expr, _ arguments: Arguments, _ frame: Frame) throws(TemplateError) -> Bool {
        if test.name == "defined" || test.name == "undefined" {
            guard arguments.positional.isEmpty && arguments.keywords.isEmpty else { throw TemplateError("'\(test.name)' takes no arguments") }
            let defined = try evaluateOptional(operandExpr, frame).map { !$0.isUndefined } ?? false
            return test.name == "defined" ? defined : !defined
        }
        // The operand is only named: type tests answer false for an undefined value (`TemplateTest.apply`).
        let operand = try evaluateLazy(operandExpr, frame)
        let (positional, keywords) = try evaluateArguments(arguments, frame)
        guard keywords.isEmpty else { throw TemplateError("test '\(test.name)' takes no keyword arguments") }
        return try test.apply(operand, positional)
    }
}
