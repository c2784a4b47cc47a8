/// Reads `performance.json` or `performance.csv`.
///
/// JSON: a list of the seed's TestResult records, or a mapping with `results` (TestResult records),
/// optional `tests` (PerformanceTest definitions) and/or `comparisons` (old/new operation timings).
/// CSV: one row per TestResult, or per comparison when the header has `old_duration`.
/// Beside them, the load-test tools' own files in `performance/` (`LoadTestReader`).
package enum PerformanceReader {
    /// The release's performance data, or nil when the release has none. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Performance? {
        let file = release.file(stem: "performance", extensions: ["json", "csv"])
        if let file, file.fileExtension == "json", let other = release.file(named: "performance.csv") {
            log.warning("ignored: the release already has performance.json", at: .file(other.path))
        }
        let loadTests = release.files(in: LoadTestReader.folder, extensions: LoadTestReader.extensions)
        guard file != nil || !loadTests.isEmpty else { return nil }
        let runs = LoadTestReader.read(release, log: log)
        guard var performance = file.flatMap({ read($0, log: log) }) else {
            return loadTests.isEmpty ? nil : Performance(path: "\(release.folder)/\(LoadTestReader.folder)", loadTests: runs)
        }
        performance.loadTests = runs
        return performance
    }

    /// Reads one performance file by its extension.
    package static func read(_ file: ContentFile, log: DiagnosticLog) -> Performance? {
        do {
            if file.fileExtension == "csv" { return try readCSV(file, log: log) }
            let source = try file.readText()
            var performance = Performance(path: file.path)
            let root = try JSONReader.read(source.text, path: file.path)
            if let list = root.elements {
                performance.results = PerformanceRecords.results(list, log: log)
                return performance
            }
            guard let r = ObjectReader(root, log: log, what: "a performance file") else { return nil }
            performance.results = PerformanceRecords.results(r.list("results") ?? r.list("test_results") ?? [], log: log)
            performance.definitions = PerformanceRecords.definitions(r.list("tests") ?? [], log: log)
            var names = TextStore()
            performance.comparisons = (r.list("comparisons") ?? []).compactMap { PerformanceRecords.comparison($0, names: &names, log: log) }
            r.warnUnknownKeys()
            if performance.results.isEmpty, performance.comparisons.isEmpty, !log.hasErrors {
                log.error("a performance file needs 'results' or 'comparisons'", at: root.location)
            }
            return performance
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// performance.csv, one row at a time: comparisons when the header has `old_duration`, else TestResult records.
    private static func readCSV(_ file: ContentFile, log: DiagnosticLog) throws(DiagnosticError) -> Performance {
        var performance = Performance(path: file.path)
        var header: [String] = [], columns: [Int] = [], comparing = false
        var ids = DuplicateIDs()
        var names = TextStore()
        try CSVFileReader.scan(file, header: { names, lines in
            header = names
            comparing = names.contains("old_duration")
            if comparing { performance.comparisons.reserveCapacity(lines) } else { performance.results.reserveCapacity(lines) }
            columns = CSVNodes.knownColumns(names, known: comparing ? PerformanceRecords.comparisonFields : PerformanceRecords.resultFields,
                                            path: file.path, log: log)
        }, row: { row in
            let node = CSVNodes.node(row, header: header, columns: columns, path: file.path)
            if comparing {
                if let comparison = PerformanceRecords.comparison(node, names: &names, log: log) { performance.comparisons.append(comparison) }
            } else if let result = PerformanceRecords.result(node, ids: &ids, log: log) {
                performance.results.append(result)
            }
        })
        return performance
    }
}
