/// Filters on text; markup in gives markup out where Python's `Markup` methods keep it.
enum StringFilters {
    /// Applies `transform` to the text, keeping markup as markup.
    static func mapText(_ value: Value, _ transform: (String) -> String) throws(TemplateError) -> Value {
        if case .markup(let html) = value { return .markup(transform(html)) }
        return .string(transform(try value.pythonString()))
    }

    static let all: [Filter] = [
        Filter("lower") { (value, _) throws(TemplateError) in try mapText(value, PythonText.lower) },
        Filter("upper") { (value, _) throws(TemplateError) in try mapText(value, PythonText.upper) },
        Filter("capitalize") { (value, _) throws(TemplateError) in try mapText(value, PythonText.capitalize) },
        // Jinja2 joins the words of `title` into a plain string, so markup loses its safety.
        Filter("title") { (value, _) throws(TemplateError) in .string(PythonText.title(try value.pythonString())) },
        Filter("trim", ["chars"]) { (value, args) throws(TemplateError) in
            let chars = try args[0].flatMap { v throws(TemplateError) in v.isNull ? nil : try args.string(0, "chars", default: "") }
            return try mapText(value) { PythonText.strip($0, chars: chars) }
        },
        Filter("escape") { (value, _) throws(TemplateError) in .markup(try HTML.markup(value)) },
        Filter("safe") { (value, _) throws(TemplateError) in value.isMarkup ? value : .markup(try value.pythonString()) },
        Filter("string") { (value, _) throws(TemplateError) in value.isMarkup ? value : .string(try value.pythonString()) },
        Filter("striptags") { (value, _) throws(TemplateError) in .string(PythonText.stripTags(try value.pythonString())) },
        Filter("wordcount") { (value, _) throws(TemplateError) in .int(PythonText.wordCount(try value.pythonString())) },
        Filter("urlencode") { (value, _) throws(TemplateError) in .string(try URLEncoding.encode(value)) },
        Filter("replace", ["old", "new", "count"]) { (value, args) throws(TemplateError) in
            guard let old = args[0], let new = args[1] else { throw TemplateError("replace needs the text to replace and its replacement") }
            let count = try args[2].flatMap { v throws(TemplateError) in v.isNull ? nil : try args.int(2, "count", default: -1) } ?? -1
            if value.isMarkup || old.isMarkup || new.isMarkup {
                let subject = try HTML.markup(value)
                // MarkupSafe's replace escapes only the replacement.
                return .markup(PythonText.replace(subject, try old.pythonString(), try HTML.markup(new), count: count))
            }
            return .string(PythonText.replace(try value.pythonString(), try old.pythonString(), try new.pythonString(), count: count))
        },
        Filter("truncate", ["length", "killwords", "end", "leeway"]) { (value, args) throws(TemplateError) in
            let length = try args.int(0, "length", default: 255)
            let killwords = args.bool(1, default: false)
            let end = try args.string(2, "end", default: "...")
            let leeway = try args.int(3, "leeway", default: 5)
            guard length >= end.unicodeScalars.count else { throw TemplateError("truncate: expected length >= \(end.unicodeScalars.count), found \(length)") }
            guard leeway >= 0 else { throw TemplateError("truncate: expected leeway >= 0, found \(leeway)") }
            let text = try value.pythonString()
            // Only the head is walked: a 16 MiB summary cut to 300 characters is not copied whole.
            let scalars = text.unicodeScalars
            let last = scalars.index(scalars.startIndex, offsetBy: length + leeway, limitedBy: scalars.endIndex)
            if last == nil || last == scalars.endIndex { return value.isMarkup ? value : .string(text) }
            var kept = String(scalars[..<scalars.index(scalars.startIndex, offsetBy: length - end.unicodeScalars.count)])
            if !killwords, let space = kept.lastIndex(of: " ") { kept = String(kept[..<space]) }
            return value.isMarkup ? .markup(kept + HTML.escaped(end)) : .string(kept + end)
        },
        Filter("format", variadic: true) { (value, args) throws(TemplateError) in
            guard let format = value.text else { throw TemplateError("format needs a string to format, found \(value.described)") }
            let arguments: Value
            if !args.bound.keywords.isEmpty {
                guard args.bound.rest.isEmpty else { throw TemplateError("format takes positional or keyword arguments, not both") }
                arguments = .object(args.bound.keywords.map { (key: $0.name, value: $0.value) })
            } else {
                arguments = .array(args.bound.rest)
            }
            return try PrintfFormat.apply(format, to: arguments, markup: value.isMarkup)
        },
    ]
}
