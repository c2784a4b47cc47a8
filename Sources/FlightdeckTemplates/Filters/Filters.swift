/// Every filter by name, resolved when a template is parsed.
enum Filters {
    static let byName: [String: Filter] = {
        var table: [String: Filter] = [:]
        for filter in StringFilters.all + SequenceFilters.all + SelectionFilters.all + NumberFilters.all + MappingFilters.all {
            table[filter.name] = filter
        }
        for (alias, name) in [("e", "escape"), ("d", "default"), ("count", "length")] {
            if let filter = table[name] { table[alias] = filter.named(alias) }
        }
        return table
    }()

    /// The filter called `name`, if there is one.
    static func named(_ name: String) -> Filter? { byName[name] }

    /// All filter names, sorted (for suggestions and documentation).
    static var names: [String] { byName.keys.sorted() }
}
