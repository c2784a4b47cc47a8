/// Every filter by name, resolved when a template is parsed.
enum Filters {
    static let byName: [String: Filter] = {
        var table: [String: Filter] = [:]
        for filter in StringFilters.all + SequenceFilters.all + SelectionFilters.all + NumberFilters.all + MappingFilters.all
            + FlightdeckFilters.all {
            table[filter.name] = filter
        }
        for (alias, name) in [("e", "escape"), ("d", "default"), ("count", "length")] {
            if let filter = table[name] { table[alias] = filter.named(alias) }
        }
        return table
    }()

    /// What filter `name` sees for Jinja2's lenient `Undefined`: an empty string for string filters (it is `str`-able
    /// as ""), an empty list for sequence filters (it iterates as empty); nil for the rest, which fail on it as in Jinja2.
    static func standIn(forUndefinedIn name: String) -> Value? {
        switch name {
        case "capitalize", "e", "escape", "format", "lower", "replace", "safe", "string", "striptags", "title", "trim",
             "truncate", "upper", "url", "urlencode", "wordcount":
            .string("")
        case "batch", "count", "first", "groupby", "join", "last", "length", "list", "map", "max", "min", "reject",
             "rejectattr", "select", "selectattr", "sort", "sum", "unique":
            .array([])
        default: nil
        }
    }

    /// The filter called `name`, if there is one.
    static func named(_ name: String) -> Filter? { byName[name] }

    /// All filter names, sorted (for suggestions and documentation).
    static var names: [String] { byName.keys.sorted() }
}
