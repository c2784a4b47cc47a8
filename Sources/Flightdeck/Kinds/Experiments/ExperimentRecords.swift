import FlightdeckCore
import Foundation

/// Summarises per-request A/B records (seed 004's `record_ab_test_result` dictionaries) into per-variant samples.
///
/// A record names its variant in `variant` or the seed's `test_variant` (control or treatment); `timestamp` is
/// optional, epoch seconds (as the seed writes `time.time()`) or an instant with a time zone. Fields that are
/// not metrics (request_id, pdf_size_mb, …) are ignored. At most 20 bad records are reported one by one.
enum ExperimentRecords {
    static let variants = ["control", "treatment"]
    static let reportLimit = 20

    /// The experiment, or nil when no metric could be read.
    static func read<Record: FieldRecord>(_ records: [Record], declared: [ExperimentMetricSpec]?, path: String, at location: SourceLocation,
                     log: DiagnosticLog) -> Experiments? {
        let specs = declared ?? ExperimentMetricSpec.seed.filter { spec in
            records.contains { record in spec.fields.contains { record[$0] != nil } }
        }
        guard var summary = Summary(specs: specs, location: location, log: log) else { return nil }
        for record in records { summary.add(record) }
        return summary.finish(declared: declared != nil, path: path)
    }

    /// A CSV file of records, a row at a time (`CSVFileReader.scan`): as `read` with its rows, without holding them.
    static func read(csv file: ContentFile, declared: [ExperimentMetricSpec]?, path: String, at location: SourceLocation,
                     log: DiagnosticLog) -> Experiments? {
        var columns: [String: Int] = [:]
        var summary: Summary?, unusable = false
        do {
            try CSVFileReader.scan(file, header: { names, _ in
                for (index, name) in names.enumerated() where columns[name] == nil { columns[name] = index }
            }, row: { row in
                guard !unusable else { return }
                if summary == nil {
                    // Every row has every column: a metric is there when its field is a column.
                    let specs = declared ?? ExperimentMetricSpec.seed.filter { spec in spec.fields.contains { columns[$0] != nil } }
                    summary = Summary(specs: specs, location: location, log: log)
                    unusable = summary == nil
                }
                summary?.add(CSVRowRecord(path: file.path, columns: columns, row: row))
            })
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        if unusable { return nil }
        // No rows: only declared metrics, none of them with a value.
        guard let summary = summary ?? Summary(specs: declared ?? [], location: location, log: log) else { return nil }
        return summary.finish(declared: declared != nil, path: path)
    }

    /// The per-variant samples of each metric, record by record.
    struct Summary {
        let specs: [ExperimentMetricSpec]
        let location: SourceLocation
        let log: DiagnosticLog
        var problems: Problems
        var values: [[[Double]]]
        var counts: [[(n: Int, successes: Int)]]
        var missing: [Int]
        var start: Date?, end: Date?
        var used = 0

        /// Nil, with an error, when there is no metric to summarise.
        init?(specs: [ExperimentMetricSpec], location: SourceLocation, log: DiagnosticLog) {
            guard !specs.isEmpty else {
                log.error("no metric fields in the records; expected one of "
                          + ExperimentMetricSpec.seed.flatMap(\.fields).joined(separator: ", ") + ", or declare 'metrics'", at: location)
                return nil
            }
            self.specs = specs
            self.location = location
            self.log = log
            problems = Problems(log: log)
            values = Array(repeating: Array(repeating: [Double](), count: 2), count: specs.count)
            counts = Array(repeating: Array(repeating: (n: 0, successes: 0), count: 2), count: specs.count)
            missing = Array(repeating: 0, count: specs.count)
        }

        mutating func add(_ record: some FieldRecord) {
            guard record.isMapping else {
                problems.report("each record must be a mapping, found \(record.typeDescription)", at: record.location)
                return
            }
            guard let variant = ExperimentRecords.variant(of: record, problems: &problems) else { return }
            if let time = ExperimentRecords.timestamp(of: record, problems: &problems) {
                start = min(start ?? time, time)
                end = max(end ?? time, time)
            }
            used += 1
            for (index, spec) in specs.enumerated() {
                guard let (field, node) = ExperimentRecords.firstValue(of: spec.fields, in: record) else { missing[index] += 1; continue }
                switch (spec.kind, node.kind) {
                case (.continuous, .int(let i)): values[index][variant].append(Double(i))
                case (.continuous, .double(let d)): values[index][variant].append(d)
                case (.proportion, .bool(let b)): counts[index][variant].n += 1; counts[index][variant].successes += b ? 1 : 0
                case (.proportion, .int(let i)) where i == 0 || i == 1:
                    counts[index][variant].n += 1; counts[index][variant].successes += i
                case (.continuous, _): problems.report("'\(field)' must be a number, found \(node.quoted)", at: node.location)
                case (.proportion, _): problems.report("'\(field)' must be true or false (or 1/0), found \(node.quoted)", at: node.location)
                }
            }
        }

        func finish(declared: Bool, path: String) -> Experiments {
            problems.finish(path: path)
            for (index, spec) in specs.enumerated() where missing[index] > 0 && missing[index] < used {
                log.warning("'\(spec.name)' is missing in \(missing[index]) of \(used) records; they are left out of that metric", at: location)
            }
            if declared {
                for (index, spec) in specs.enumerated() where missing[index] == used && used > 0 {
                    log.error("no record has the field '\(spec.fields.joined(separator: "' or '"))' of metric '\(spec.name)'", at: location)
                }
            }
            let metrics = specs.enumerated().map { index, spec in
                let samples = (0..<2).map { v in
                    spec.kind == .continuous ? VariantSample(values: values[index][v])
                        : VariantSample(successes: counts[index][v].successes, n: counts[index][v].n)
                }
                return ExperimentMetric(name: spec.name, kind: spec.kind, better: spec.better, primary: spec.primary,
                                        critical: spec.critical, control: samples[0], treatment: samples[1])
            }
            return Experiments(path: path, shape: .records, metrics: metrics, recordCount: used, periodStart: start, periodEnd: end)
        }
    }

    private static func isNull(_ node: DataNode?) -> Bool {
        if case .null = node?.kind { return true }
        return false
    }

    /// The first of `fields` the record has with a value that is not null, and that value.
    fileprivate static func firstValue(of fields: [String], in record: some FieldRecord) -> (String, DataNode)? {
        for field in fields {
            if let node = record[field], !isNull(node) { return (field, node) }
        }
        return nil
    }

    fileprivate static func variant(of record: some FieldRecord, problems: inout Problems) -> Int? {
        let variantNode = record["variant"]
        guard let node = variantNode ?? record["test_variant"], !isNull(node) else {
            problems.report("missing required field 'variant' (or the seed's 'test_variant')", at: record.location)
            return nil
        }
        let key = variantNode != nil ? "variant" : "test_variant"
        if let text = node.scalarText, let index = variants.firstIndex(of: text.lowercased()) { return index }
        let text = node.scalarText ?? node.quoted
        problems.report("'\(key)' must be one of control, treatment, found \"\(text)\"" + Suggestion.phrase(for: text, in: variants),
                        at: node.location)
        return nil
    }

    fileprivate static func timestamp(of record: some FieldRecord, problems: inout Problems) -> Date? {
        guard let node = record["timestamp"] else { return nil }
        switch node.kind {
        case .null: return nil
        case .int(let i): return Date(timeIntervalSince1970: Double(i))
        case .double(let d): return Date(timeIntervalSince1970: d)
        case .string(let text):
            switch Timestamp.instant(text) {
            case .success(let date): return date
            case .failure(.missingTimeZone):
                problems.report("'timestamp' must be a timestamp with a time zone (add Z for UTC or an offset like +02:00), found \"\(text)\"", at: node.location)
            case .failure(.malformed):
                problems.report("'timestamp' must be epoch seconds or a timestamp YYYY-MM-DDTHH:MM[:SS]Z, found \"\(text)\"", at: node.location)
            }
        default:
            problems.report("'timestamp' must be epoch seconds or a timestamp, found \(node.quoted)", at: node.location)
        }
        return nil
    }

    /// Reports the first problems one by one and counts the rest, so a bad million-row file stays readable.
    struct Problems {
        let log: DiagnosticLog
        var count = 0

        mutating func report(_ message: String, at location: SourceLocation) {
            count += 1
            if count <= ExperimentRecords.reportLimit { log.error(message, at: location) }
        }

        func finish(path: String) {
            guard count > ExperimentRecords.reportLimit else { return }
            log.error("\(count - ExperimentRecords.reportLimit) more problems in the records (the first \(ExperimentRecords.reportLimit) are shown)",
                      at: .file(path))
        }
    }
}
