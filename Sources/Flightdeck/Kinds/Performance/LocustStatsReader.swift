import Foundation

/// Reads Locust's `<prefix>_stats.csv` (Locust 1.0 and later): one line per request type and name, then
/// the `Aggregated` line. Figures are taken as Locust reports them; percentiles come from its percentile
/// columns (`50%`, `90%`, `95%`, `99%`, whichever the file has: Locust's `PERCENTILES_TO_REPORT` decides).
enum LocustStatsReader {
    /// Columns every Locust stats file has.
    static let required = ["Type", "Name", "Request Count", "Failure Count", "Average Response Time", "Requests/s"]
    /// Flightdeck's percentiles and the Locust column each is read from.
    static let percentileColumns = [("p50", "50%"), ("p90", "90%"), ("p95", "95%"), ("p99", "99%")]

    /// The run, or nil (with the errors logged) when the file cannot be read.
    static func read(_ source: SourceFile, log: DiagnosticLog) -> LoadTestRun? {
        let table: CSVTable
        do {
            table = try CSVFileReader.read(source.text, path: source.path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        let missing = required.filter { table.column($0) == nil }
        guard missing.isEmpty else {
            log.error("Locust stats header has no " + missing.map { "'\($0)'" }.joined(separator: ", ") + " column\(missing.count > 1 ? "s" : "")"
                      + "; expected the _stats.csv of Locust 1.0 or later", at: SourceLocation(file: source.path, line: 1, column: 1))
            return nil
        }
        var run = LoadTestRun(path: source.path, format: .locustStats)
        let medianFallback = table.column("50%") == nil && table.column("Median Response Time") != nil
        run.percentiles = percentileColumns.compactMap { figure, column in
            if figure == "p50", medianFallback { return ReportedPercentile(figure: figure, source: "Median Response Time") }
            return table.column(column) == nil ? nil : ReportedPercentile(figure: figure, source: column)
        }
        let problems = LoadTestProblems(log: log, path: source.path)
        var seen = Set<String>()
        for row in table.rows {
            guard let label = figures(row, in: table, medianFallback: medianFallback, problems: problems) else { continue }
            if !seen.insert(label.label).inserted {
                problems.error("the label \"\(label.label)\" appears twice", at: SourceLocation(file: source.path, line: row.line, column: 1))
                continue
            }
            run.labels.append(label)
        }
        problems.finish()
        guard problems.count == 0 else { return nil }
        run.labels = run.labels.filter(\.isTotal) + run.labels.filter { !$0.isTotal }
        return run
    }

    /// One line's figures, or nil after reporting each bad cell.
    private static func figures(_ row: CSVTable.Row, in table: CSVTable, medianFallback: Bool, problems: LoadTestProblems) -> LoadTestLabel? {
        func cell(_ name: String) -> (text: String, at: SourceLocation)? {
            table.column(name).map { (row.cells[$0].trimmingCharacters(in: .whitespaces), table.location(row: row, column: $0)) }
        }
        var ok = true
        func count(_ name: String) -> Int? {
            guard let (text, at) = cell(name) else { return nil }
            if let value = Int(text), value >= 0 { return value }
            problems.error("'\(name)' must be a whole number ≥ 0, found \"\(text)\"", at: at)
            ok = false
            return nil
        }
        func number(_ name: String) -> Double? {
            guard let (text, at) = cell(name), !text.isEmpty, text != "N/A" else { return nil }
            if let value = Double(text), value.isFinite, value >= 0 { return value }
            problems.error("'\(name)' must be a number ≥ 0 or N/A, found \"\(text)\"", at: at)
            ok = false
            return nil
        }
        let type = cell("Type")?.text ?? "", name = cell("Name")?.text ?? ""
        let isTotal = name == "Aggregated" && (type.isEmpty || type == "Aggregated")
        var figures = LoadTestLabel(label: isTotal || type.isEmpty ? name : "\(type) \(name)", isTotal: isTotal)
        figures.count = count("Request Count")
        figures.errors = count("Failure Count")
        figures.meanMs = number("Average Response Time")
        figures.throughputRps = number("Requests/s")
        figures.p50Ms = number(medianFallback ? "Median Response Time" : "50%")
        figures.p90Ms = number("90%")
        figures.p95Ms = number("95%")
        figures.p99Ms = number("99%")
        return ok ? figures : nil
    }
}
