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
    static func read(_ records: [DataNode], declared: [ExperimentMetricSpec]?, path: String, at location: SourceLocation,
                     log: DiagnosticLog) -> Experiments? {
        let specs = declared ?? ExperimentMetricSpec.seed.filter { spec in
            records.contains { record in spec.fields.contains { record[$0] != nil } }
        }
        guard !specs.isEmpty else {
            log.error("no metric fields in the records; expected one of "
                      + ExperimentMetricSpec.seed.flatMap(\.fields).joined(separator: ", ") + ", or declare 'metrics'", at: location)
            return nil
        }
        var problems = Problems(log: log)
        var values = Array(repeating: Array(repeating: [Double](), count: 2), count: specs.count)
        var counts = Array(repeating: Array(repeating: (n: 0, successes: 0), count: 2), count: specs.count)
        var missing = Array(repeating: 0, count: specs.count)
        var start: Date?, end: Date?
        var used = 0
        for record in records {
            guard record.entries != nil else {
                problems.report("each record must be a mapping, found \(record.typeDescription)", at: record.location)
                continue
            }
            guard let variant = variant(of: record, problems: &problems) else { continue }
            if let time = timestamp(of: record, problems: &problems) {
                start = min(start ?? time, time)
                end = max(end ?? time, time)
            }
            used += 1
            for (index, spec) in specs.enumerated() {
                guard let field = spec.fields.first(where: { record[$0] != nil && !isNull(record[$0]) }),
                      let node = record[field] else { missing[index] += 1; continue }
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
        problems.finish(path: path)
        for (index, spec) in specs.enumerated() where missing[index] > 0 && missing[index] < used {
            log.warning("'\(spec.name)' is missing in \(missing[index]) of \(used) records; they are left out of that metric", at: location)
        }
        if declared != nil {
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

    private static func isNull(_ node: DataNode?) -> Bool {
        if case .null = node?.kind { return true }
        return false
    }

    private static func variant(of record: DataNode, problems: inout Problems) -> Int? {
        guard let node = record["variant"] ?? record["test_variant"], !isNull(node) else {
            problems.report("missing required field 'variant' (or the seed's 'test_variant')", at: record.location)
            return nil
        }
        let key = record["variant"] != nil ? "variant" : "test_variant"
        if let text = node.scalarText, let index = variants.firstIndex(of: text.lowercased()) { return index }
        let text = node.scalarText ?? node.quoted
        problems.report("'\(key)' must be one of control, treatment, found \"\(text)\"" + Suggestion.phrase(for: text, in: variants),
                        at: node.location)
        return nil
    }

    private static func timestamp(of record: DataNode, problems: inout Problems) -> Date? {
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
