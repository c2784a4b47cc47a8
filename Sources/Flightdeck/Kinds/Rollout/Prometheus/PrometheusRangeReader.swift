import Foundation

/// Reads a Prometheus HTTP API `query_range` response (`{"status":"success","data":{"resultType":"matrix",…}}`)
/// into its series. An error response, another result type, a value that is not a number as text and ±Inf are
/// errors naming the JSON path, at the value's line and column; `NaN` is Prometheus' "no value" and becomes a gap.
enum PrometheusRangeReader {
    /// One series of the matrix.
    struct Series {
        /// Its labels (`metric`), sorted by name.
        var labels: [RolloutPrometheusSeries.Label]
        /// Its samples in file order; nil values are `NaN`.
        var samples: [(time: Date, value: Double?, location: SourceLocation, path: String)]
        /// Where the series starts, and its JSON path (`data.result[0]`).
        var location: SourceLocation
        /// The JSON path of the series.
        var path: String

        /// `{code="200", job="api"}`, as Prometheus prints a series.
        var selector: String {
            "{" + labels.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: ", ") + "}"
        }
    }

    /// The series of a response, or nil when it is not a usable `query_range` response. Problems go to the log.
    static func series(_ root: DataNode, log: DiagnosticLog) -> [Series]? {
        guard let r = ObjectReader(root, log: log, what: "a Prometheus response") else { return nil }
        guard let status = r.string("status", required: true) else { return nil }
        if status == "error" {
            let kind = r.string("errorType").map { " (\($0))" } ?? ""
            let message = r.string("error").map { ": \($0)" } ?? ""
            log.error("Prometheus answered with an error\(kind)\(message); expected a successful query_range response "
                      + "(\"status\": \"success\")", at: r.node["status"]?.location)
            return nil
        }
        guard status == "success" else {
            log.error("'status' must be \"success\" or \"error\", found \"\(status)\"", at: r.node["status"]?.location)
            return nil
        }
        for warning in (root["warnings"]?.elements ?? []) {
            log.warning("Prometheus warned: \(warning.scalarText ?? warning.quoted)", at: warning.location)
        }
        guard let data = r.object("data", required: true) else { return nil }
        guard let type = data.string("resultType", required: true) else { return nil }
        guard type == "matrix" else {
            log.error("'data.resultType' must be \"matrix\" (a query_range response), found \"\(type)\""
                      + (type == "vector" ? "; an instant query (/api/v1/query) gives a vector: ask /api/v1/query_range" : ""),
                      at: data.node["resultType"]?.location)
            return nil
        }
        guard let result = data.list("result", required: true) else { return nil }
        let errorsBefore = log.diagnostics.filter { $0.severity == .error }.count
        var series: [Series] = []
        for (index, element) in result.enumerated() {
            if let s = readSeries(element, path: "data.result[\(index)]", log: log) { series.append(s) }
        }
        return log.diagnostics.filter { $0.severity == .error }.count == errorsBefore ? series : nil
    }

    private static func readSeries(_ node: DataNode, path: String, log: DiagnosticLog) -> Series? {
        guard let entries = node.entries else {
            log.error("\(path) must be a series ({\"metric\": {…}, \"values\": […]}), found \(node.typeDescription)", at: node.location)
            return nil
        }
        var labels: [RolloutPrometheusSeries.Label] = []
        for (key, _, value) in node["metric"]?.entries ?? [] {
            guard case .string(let text) = value.kind else {
                log.error("\(path).metric.\(key) must be a label value as text, found \(value.quoted)", at: value.location)
                continue
            }
            labels.append(.init(name: key, value: text))
        }
        guard let values = node["values"]?.elements else {
            let found = node["values"].map { $0.typeDescription } ?? (node["histograms"] != nil ? "native histograms" : "nothing")
            log.error("\(path).values must be a list of [time, \"value\"] pairs, found \(found)",
                      at: node["values"]?.location ?? entries.first?.keyLocation ?? node.location)
            return nil
        }
        var samples: [(time: Date, value: Double?, location: SourceLocation, path: String)] = []
        for (index, pair) in values.enumerated() {
            let here = "\(path).values[\(index)]"
            guard let items = pair.elements, items.count == 2 else {
                log.error("\(here) must be a [time, \"value\"] pair, found \(pair.elements.map { "\($0.count) items" } ?? pair.typeDescription)",
                          at: pair.location)
                continue
            }
            guard let time = ObjectReader.number(items[0]) else {
                log.error("\(here)[0] must be a Unix time in seconds, found \(items[0].quoted)", at: items[0].location)
                continue
            }
            guard let value = sampleValue(items[1], path: "\(here)[1]", log: log) else { continue }
            let number: Double? = if case .number(let n) = value { n } else { nil }
            samples.append((Date(timeIntervalSince1970: time), number, items[1].location, "\(here)[1]"))
        }
        return Series(labels: labels.sorted { $0.name < $1.name }, samples: samples, location: node.location, path: path)
    }

    /// What a sample holds.
    private enum Sample {
        /// A finite number.
        case number(Double)
        /// `NaN`: no value at that time.
        case gap
    }

    /// A sample's value; nil after reporting a value that is not one.
    private static func sampleValue(_ node: DataNode, path: String, log: DiagnosticLog) -> Sample? {
        let text: String
        switch node.kind {
        case .string(let s): text = s
        case .int(let i): return .number(Double(i))
        case .double(let d): return .number(d)
        default:
            log.error("\(path) must be a number as text, like \"0.25\", found \(node.quoted)", at: node.location)
            return nil
        }
        if text == "NaN" { return .gap }
        if ["+Inf", "-Inf", "Inf"].contains(text) {
            log.error("\(path) is \(text), which cannot be drawn or held to a threshold; expected a finite number as text "
                      + "(histogram_quantile gives +Inf when the quantile falls in the +Inf bucket: add a higher bucket, or clamp the query)",
                      at: node.location)
            return nil
        }
        guard let number = Double(text), number.isFinite, !text.isEmpty, !text.hasPrefix(" ") else {
            log.error("\(path) must be a number as text, like \"0.25\", found \(node.quoted)", at: node.location)
            return nil
        }
        return .number(number)
    }
}
