/// Filters on lists (and on strings and objects as Python iterates them).
enum SequenceFilters {
    /// The items Python's `iter()` gives: list items, object keys, string characters.
    static func items(_ value: Value) throws(TemplateError) -> [Value] {
        if let items = value.lazyItems { return items }
        switch value {
        case .array(let items): return items
        case .object(let pairs): return pairs.map { .string($0.key) }
        case .string(let s): return s.unicodeScalars.map { .string(String($0)) }
        case .markup(let s): return s.unicodeScalars.map { .markup(String($0)) }
        default: throw TemplateError("expected a list, string or object, found \(value.described)")
        }
    }

    /// Keys for sorting and comparing: the attribute (if any), lowered unless case-sensitive.
    static func keys(_ items: [Value], _ path: AttributePath?, caseSensitive: Bool, default fallback: Value? = nil) throws(TemplateError) -> [Value] {
        var keys: [Value] = []
        keys.reserveCapacity(items.count)
        for item in items {
            let key = try path.map { (p) throws(TemplateError) in try p.require(item, default: fallback) } ?? item
            keys.append(caseSensitive ? key : PythonSort.foldCase(key))
        }
        return keys
    }

    static let all: [Filter] = [
        Filter("length") { (value, _) throws(TemplateError) in
            if let error = value.lazyMisuse("has no length") { throw error }
            switch value {
            case .string(let s), .markup(let s): return .int(s.unicodeScalars.count)
            case .array(let a): return .int(a.count)
            case .object(let o): return .int(o.count)
            default: throw TemplateError("length needs a string, list or object, found \(value.described)")
            }
        },
        Filter("first") { (value, _) throws(TemplateError) in try items(value).first },
        Filter("last") { (value, _) throws(TemplateError) in
            if let error = value.lazyMisuse("cannot be read from the end") { throw error }
            return try items(value).last
        },
        Filter("list") { (value, _) throws(TemplateError) in .array(try items(value)) },
        Filter("reverse") { (value, _) throws(TemplateError) in
            switch value {
            case .string(let s): return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
            case .markup(let s): return .markup(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
            default:
                if let items = value.lazyItems { return .array(items.reversed()) }
                return .lazy(try items(value).reversed(), from: "reverse")
            }
        },
        Filter("join", ["d", "attribute"]) { (value, args) throws(TemplateError) in
            var parts = try items(value)
            if let path = args.attribute(1) {
                for i in parts.indices { parts[i] = try path.require(parts[i]) }
            }
            let separator = args[0] ?? .string("")
            if separator.isMarkup || parts.contains(where: \.isMarkup) {
                var html: [String] = []
                for part in parts { html.append(try HTML.markup(part)) }
                return .markup(html.joined(separator: try HTML.markup(separator)))
            }
            var texts: [String] = []
            texts.reserveCapacity(parts.count)
            for part in parts { texts.append(try part.pythonString()) }
            return .string(texts.joined(separator: try separator.pythonString()))
        },
        Filter("sort", ["reverse", "case_sensitive", "attribute"]) { (value, args) throws(TemplateError) in
            let list = try items(value)
            let caseSensitive = args.bool(1, default: false)
            var keys: [Value]
            if case .string(let spec)? = args[2], spec.contains(",") {
                // Several attributes: sort by the tuple of them.
                let columns = try spec.split(separator: ",").map { (name) throws(TemplateError) in
                    try SequenceFilters.keys(list, AttributePath(.string(String(name))), caseSensitive: caseSensitive)
                }
                keys = list.indices.map { i in .array(columns.map { $0[i] }) }
            } else {
                keys = try SequenceFilters.keys(list, args.attribute(2), caseSensitive: caseSensitive)
            }
            return .array(try PythonSort.sortedIndices(keys, reverse: args.bool(0, default: false)).map { list[$0] })
        },
        Filter("unique", ["case_sensitive", "attribute"]) { (value, args) throws(TemplateError) in
            let list = try items(value)
            let keys = try keys(list, args.attribute(1), caseSensitive: args.bool(0, default: false))
            var seen = Set<HashKey>()
            var out: [Value] = []
            for (item, key) in zip(list, keys) where seen.insert(try key.hashKey()).inserted { out.append(item) }
            return .lazy(out, from: "unique")
        },
        Filter("min", ["case_sensitive", "attribute"]) { (value, args) throws(TemplateError) in try extreme(value, args, largest: false) },
        Filter("max", ["case_sensitive", "attribute"]) { (value, args) throws(TemplateError) in try extreme(value, args, largest: true) },
        Filter("sum", ["attribute", "start"]) { (value, args) throws(TemplateError) in
            var total = args[1] ?? .int(0)
            if total.text != nil { throw TemplateError("sum cannot add up strings; use join") }
            let path = args.attribute(0)
            for item in try items(value) {
                total = try Operators.add(total, try path.map { (p) throws(TemplateError) in try p.require(item) } ?? item)
            }
            return total
        },
        Filter("batch", ["linecount", "fill_with"]) { (value, args) throws(TemplateError) in
            guard let size = args[0]?.integer, size > 0 else { throw TemplateError("batch needs a positive number of items per batch") }
            let list = try items(value)
            var batches: [Value] = []
            var start = 0
            while start < list.count {
                var batch = Array(list[start..<min(start + size, list.count)])
                if batch.count < size, let fill = args[1], !fill.isNull { batch += Array(repeating: fill, count: size - batch.count) }
                batches.append(.array(batch))
                start += size
            }
            return .lazy(batches, from: "batch")
        },
        Filter("groupby", ["attribute", "default", "case_sensitive"]) { (value, args) throws(TemplateError) in
            guard let path = args.attribute(0) else { throw TemplateError("groupby needs an attribute to group by") }
            let list = try items(value)
            let caseSensitive = args.bool(2, default: false)
            let fallback = args[1].flatMap { $0.isNull ? nil : $0 }
            let keys = try keys(list, path, caseSensitive: caseSensitive, default: fallback)
            var groups: [Value] = []
            var currentKey: Value?
            var members: [Value] = []
            func close() throws(TemplateError) {
                guard let first = members.first, let key = currentKey else { return }
                let grouper = caseSensitive ? key : try path.require(first, default: fallback)
                groups.append(.array([grouper, .array(members)]))
            }
            for index in try PythonSort.sortedIndices(keys, reverse: false) {
                if let key = currentKey, key.pythonEquals(keys[index]) {
                    members.append(list[index])
                } else {
                    try close()
                    currentKey = keys[index]
                    members = [list[index]]
                }
            }
            try close()
            return .array(groups)
        },
    ]

    static func extreme(_ value: Value, _ args: FilterArguments, largest: Bool) throws(TemplateError) -> Value? {
        let list = try items(value)
        let keys = try keys(list, args.attribute(1), caseSensitive: args.bool(0, default: false))
        return try PythonSort.extremeIndex(keys, largest: largest).map { list[$0] }
    }
}
