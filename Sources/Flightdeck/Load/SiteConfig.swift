import FlightdeckCore

/// The site's settings from `flightdeck.yaml`.
package struct SiteConfig: Sendable {
    /// The site title, shown in every page header.
    package var title = "Release reports"
    /// A one-line description for the home page and meta tags.
    package var description = ""
    /// The public base URL (`https://host/reports/`); empty for relative links only.
    package var baseURL = ""
    /// The `lang` attribute of every page.
    package var language = "en"
    /// Pass raw HTML in Markdown through (cmark's unsafe mode). Off by default.
    package var markdownUnsafeHTML = false
    /// Print the build time in page footers (also on when SOURCE_DATE_EPOCH is set).
    package var showBuildTime = false
    /// Limits the analysis judges against.
    package var thresholds = Thresholds()
    /// Roles any release may record a sign-off for besides its own `required:` ones (`signoffs: roles:`).
    package var signoffRoles: [String] = []
    /// Theme options passed to templates as `site.theme` (e.g. `accent: "#0b6bcb"`).
    package var theme: [(key: String, value: String)] = []
    /// The data kinds a release must have before it can be GO (`require:`).
    package var required: [DataKind] = DataKind.defaultRequired
    /// `products: <product>: require:` — per-product overrides of `required`, keyed by product as written.
    package var requiredByProduct: [String: [DataKind]] = [:]

    /// The data kinds required of a release of this product.
    package func required(forProduct product: String?) -> [DataKind] {
        product.flatMap { requiredByProduct[$0] } ?? required
    }

    /// The defaults, used by `init` and by tests.
    package init() {}

    /// Parses flightdeck.yaml text; problems go to the log.
    package init(parsing file: SourceFile, log: DiagnosticLog) {
        let root: DataNode
        do {
            root = try YAMLReader.read(file.text, path: file.path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return
        }
        guard let reader = ObjectReader(root, log: log, what: "flightdeck.yaml") else { return }
        title = reader.string("title") ?? title
        description = reader.string("description") ?? description
        if let url = reader.string("base_url") {
            if SafeURL.isSafe(url) {
                baseURL = url
            } else if let node = reader.value("base_url") {
                log.warning("base_url \(SafeURL.quoted(url)) is not an http, https or relative URL; pages get no canonical link", at: node.location)
            }
        }
        language = reader.string("language") ?? language
        if let markdown = reader.object("markdown") {
            markdownUnsafeHTML = markdown.bool("unsafe_html") ?? markdownUnsafeHTML
            markdown.warnUnknownKeys()
        }
        showBuildTime = reader.bool("build_time") ?? showBuildTime
        if let section = reader.object("thresholds") {
            thresholds = Thresholds(reading: section)
            section.warnUnknownKeys()
        }
        if let section = reader.object("tests") {
            thresholds[TestsKind.self].readSettings(section)
            section.warnUnknownKeys()
        }
        if let list = reader.list("require") { required = Self.dataKinds(list, log: log) }
        if let products = reader.object("products") {
            for product in products.keys {
                guard let settings = products.object(product) else { continue }
                if let list = settings.list("require") { requiredByProduct[product] = Self.dataKinds(list, log: log) }
                settings.warnUnknownKeys()
            }
        }
        if let section = reader.object("signoffs") {
            signoffRoles = section.strings("roles") ?? signoffRoles
            section.warnUnknownKeys()
        }
        if let section = reader.object("theme") {
            for key in section.keys {
                if let value = section.string(key) { theme.append((key, value)) }
            }
        }
        reader.warnUnknownKeys()
    }

    /// A `require:` list: data kind ids, each checked, duplicates dropped, in the registry's order.
    private static func dataKinds(_ list: [DataNode], log: DiagnosticLog) -> [DataKind] {
        var kinds: Set<DataKind> = []
        let ids = Registry.kinds.map { $0.id }
        for node in list {
            guard let text = node.scalarText, let kind = DataKind(id: text) else {
                log.error("'require' lists data kinds (\(ids.joined(separator: ", "))), found \(node.quoted)"
                          + Suggestion.phrase(for: node.scalarText ?? "", in: ids), at: node.location)
                continue
            }
            kinds.insert(kind)
        }
        return kinds.sorted()
    }
}
