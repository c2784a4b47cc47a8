/// Reads experiments.json or experiments.csv: seed 004's A/B records (a JSON list, unchanged), a CSV of records,
/// a CSV of per-variant aggregates, or Flightdeck's JSON object with metric declarations and records or aggregates.
package enum ExperimentReader {
    /// The release's experiment, or nil when it has none or it cannot be used. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Experiments? {
        guard let file = release.file(stem: "experiments", extensions: ["json", "csv"]) else { return nil }
        if file.fileExtension == "csv" {
            // Records are read a row at a time; a file of per-variant aggregates (a `metric` column) is small.
            guard isAggregates(file) else {
                return ExperimentRecords.read(csv: file, declared: nil, path: file.path, at: .file(file.path), log: log)
            }
            guard let source = file.readText(log: log), let table = table(source, log: log) else { return nil }
            return ExperimentAggregates.read(csv: table, log: log)
        }
        guard let source = file.readText(log: log) else { return nil }
        let root: DataNode
        do {
            root = try JSONReader.read(source.text, path: file.path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        if let records = root.elements {
            return ExperimentRecords.read(records, declared: nil, path: file.path, at: root.location, log: log)
        }
        guard let r = ObjectReader(root, log: log, what: "experiments.json (a list of records or a mapping)") else { return nil }
        return readObject(r, release: release, path: file.path, log: log)
    }

    private static func readObject(_ r: ObjectReader, release: ReleaseSource, path: String, log: DiagnosticLog) -> Experiments? {
        let name = r.string("name")
        let confidence = r.double("confidence", in: 0.5...0.9999)
        let minSample = r.count("min_sample_size")
        let declared = r.list("metrics").map { ExperimentMetricSpec.declarations($0, log: log) }
        let recordsNode = r.value("records"), aggregatesNode = r.value("aggregates")
        r.warnUnknownKeys()
        var experiment: Experiments?
        switch (recordsNode, aggregatesNode) {
        case (nil, nil):
            log.error("missing required field 'records' (or 'aggregates')", at: r.node.location)
        case (.some, .some):
            log.error("give either 'records' or 'aggregates', not both", at: aggregatesNode?.location)
        case (let records?, nil):
            if let list = records.elements {
                experiment = ExperimentRecords.read(list, declared: declared, path: path, at: records.location, log: log)
            } else if let csvName = records.scalarText {
                guard let csv = release.file(named: csvName) else {
                    log.error("'records' names \"\(csvName)\", which is not a file in \(release.folder)/", at: records.location)
                    return nil
                }
                experiment = ExperimentRecords.read(csv: csv, declared: declared, path: path, at: records.location, log: log)
                experiment?.recordsPath = csv.path
            } else {
                log.error("'records' must be a list of records or the name of a CSV file, found \(records.quoted)", at: records.location)
            }
        case (nil, let aggregates?):
            experiment = ExperimentAggregates.read(aggregates, declared: declared ?? [], path: path, log: log)
        }
        experiment?.name = name
        experiment?.confidence = confidence
        experiment?.minSampleSize = minSample
        return experiment
    }

    /// Whether a CSV file's header has a `metric` column (per-variant aggregates); false when it cannot be read
    /// (the records' reader reports why).
    private static func isAggregates(_ file: ContentFile) -> Bool {
        CSVFileReader.header(file)?.contains("metric") ?? false
    }

    private static func table(_ source: SourceFile, log: DiagnosticLog) -> CSVTable? {
        do {
            return try CSVFileReader.read(source.text, path: source.path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }
}
