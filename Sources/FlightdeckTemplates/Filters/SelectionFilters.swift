/// `map`, `select`, `reject`, `selectattr` and `rejectattr`: filters that apply other filters and tests.
enum SelectionFilters {
    static let all: [Filter] = [
        Filter("map", variadic: true) { (value, args) throws(TemplateError) in
            let list = try SequenceFilters.items(value)
            var keywords = args.bound.keywords
            if args.bound.rest.isEmpty, let index = keywords.firstIndex(where: { $0.name == "attribute" }) {
                let path = AttributePath(keywords.remove(at: index).value)
                let fallback = keywords.firstIndex { $0.name == "default" }.map { keywords.remove(at: $0).value }
                if let extra = keywords.first { throw TemplateError("map has no parameter '\(extra.name)'") }
                var out: [Value] = []
                for item in list { out.append(try path.require(item, default: fallback)) }
                return .lazy(out, from: "map")
            }
            guard let nameValue = args.bound.rest.first, let name = nameValue.text else {
                throw TemplateError("map needs a filter name or attribute='...'")
            }
            guard let filter = Filters.named(name) else { throw TemplateError("unknown filter '\(name)'" + Suggestion.phrase(for: name, in: Filters.names)) }
            let bound = try filter.bind(Array(args.bound.rest.dropFirst()), keywords)
            var out: [Value] = []
            for item in list {
                guard let mapped = try filter.apply(maybeUndefined: item, bound) else {
                    throw TemplateError("filter '\(name)' gave an undefined value for \(item.shortDescription)")
                }
                out.append(mapped)
            }
            return .lazy(out, from: "map")
        },
        Filter("select", variadic: true) { (value, args) throws(TemplateError) in .lazy(from: "select", try select(value, args, attribute: false, keep: true)) },
        Filter("reject", variadic: true) { (value, args) throws(TemplateError) in .lazy(from: "reject", try select(value, args, attribute: false, keep: false)) },
        Filter("selectattr", variadic: true) { (value, args) throws(TemplateError) in .lazy(from: "selectattr", try select(value, args, attribute: true, keep: true)) },
        Filter("rejectattr", variadic: true) { (value, args) throws(TemplateError) in .lazy(from: "rejectattr", try select(value, args, attribute: true, keep: false)) },
    ]

    /// Items for which the test (or truthiness) holds, or fails when `keep` is false.
    static func select(_ value: Value, _ args: FilterArguments, attribute: Bool, keep: Bool) throws(TemplateError) -> [Value] {
        guard args.bound.keywords.isEmpty else { throw TemplateError("select filters take no keyword arguments") }
        var rest = args.bound.rest
        var path: AttributePath?
        if attribute {
            guard !rest.isEmpty else { throw TemplateError("selectattr and rejectattr need an attribute name") }
            path = AttributePath(rest.removeFirst())
        }
        var test: TemplateTest?
        if !rest.isEmpty {
            guard let name = rest.removeFirst().text else { throw TemplateError("the test name must be a string") }
            guard let found = Tests.named(name) else { throw TemplateError("unknown test '\(name)'" + Suggestion.phrase(for: name, in: Tests.names)) }
            test = found
        }
        var out: [Value] = []
        for item in try SequenceFilters.items(value) {
            let subject = path.map { $0.get(item) } ?? item
            let passed: Bool
            if let test, test.name == "defined" || test.name == "undefined" {
                passed = (subject.map { !$0.isUndefined } ?? false) == (test.name == "defined")
            } else {
                guard let subject else {
                    throw TemplateError("\(item.shortDescription) has no attribute '\(path?.text ?? "")'")
                }
                if test == nil { try subject.checkNotStrictUndefined() }
                passed = try test.map { (t) throws(TemplateError) in try t.apply(subject, rest) } ?? subject.isTruthy
            }
            if passed == keep { out.append(item) }
        }
        return out
    }
}
