import Foundation

/// Decodes baseline records from CSV rows straight from bytes, without building a value tree per row.
enum BaselineCSVRecord {
    /// Scans a whole CSV file: checks the header, then hands each valid record to `body`. `release` hears where
    /// each record starts: nothing before it is read again.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, path: String, log: DiagnosticLog, release: ((Int) -> Void)? = nil,
                     _ body: (BaselineMetric) -> Void) throws(DiagnosticError) {
        var columns: [Int]?
        var ids = FastDuplicateIDs(expected: bytes.count / 64)
        var timestamps = NaiveTimestampPolicy()
        try CSVScanner.scan(bytes, path: path) { (record: CSVRecord) throws(DiagnosticError) in
            release?(record.lineStart)
            if record.isBlank { return }
            guard let map = columns else {
                columns = try header(record, path: path, log: log)
                return
            }
            if let metric = decode(record, map, path: path, ids: &ids, timestamps: &timestamps, log: log) { body(metric) }
        }
        if columns == nil { throw DiagnosticError(.error("CSV file has no header row", at: .file(path))) }
        ids.report(field: "job_id", path: path, log: log)
    }

    /// Maps each known column to its cell index (-1 when absent); a missing required column stops the file.
    private static func header(_ record: CSVRecord, path: String, log: DiagnosticLog) throws(DiagnosticError) -> [Int] {
        let names = (0..<record.count).map { record.string($0).trimmingCharacters(in: .whitespaces) }
        for (index, name) in names.enumerated() where !BaselineFields.all.contains(name) {
            log.warning("unknown column '\(name)'" + Suggestion.phrase(for: name, in: BaselineFields.all),
                        at: SourceLocation(file: path, line: record.line, column: record.column(index)))
        }
        let missing = BaselineFields.required.filter { !names.contains($0) }
        if !missing.isEmpty {
            throw DiagnosticError(.error("missing required column\(missing.count > 1 ? "s" : "") " + missing.map { "'\($0)'" }.joined(separator: ", "),
                                         at: SourceLocation(file: path, line: record.line, column: 1)))
        }
        return BaselineFields.all.map { names.firstIndex(of: $0) ?? -1 }
    }

    private static func decode(_ record: CSVRecord, _ map: [Int], path: String, ids: inout FastDuplicateIDs,
                               timestamps: inout NaiveTimestampPolicy, log: DiagnosticLog) -> BaselineMetric? {
        var ok = true
        func here(_ cell: Int) -> SourceLocation {
            SourceLocation(file: path, line: record.line, column: cell >= 0 && cell < record.count ? record.column(cell) : 1)
        }
        func present(_ field: Int) -> Int? {
            let cell = map[field]
            guard cell >= 0, cell < record.count, !record.isEmpty(cell) else {
                if field < BaselineFields.required.count {
                    log.error("missing required field '\(BaselineFields.all[field])'", at: here(cell))
                    ok = false
                }
                return nil
            }
            return cell
        }
        func text(_ field: Int) -> String? { present(field).map { record.string($0) } }
        func number(_ field: Int, integer: Bool = false) -> Double? {
            guard let cell = present(field) else { return nil }
            let name = BaselineFields.all[field]
            guard let value = record.double(cell), !integer || (value.rounded() == value && abs(value) < 1e15) else {
                log.error("'\(name)' must be \(integer ? "an integer" : "a number"), found \"\(record.string(cell))\"", at: here(cell))
                ok = false
                return nil
            }
            if value < 0 { log.error(BaselineFields.negative(name, value), at: here(cell)); ok = false; return nil }
            return value
        }
        var timestamp: Date?
        if let cell = present(0) { timestamp = timestamps.parse(record.string(cell), at: here(cell), log: log) }
        if timestamp == nil { ok = false }
        let jobId = text(1)
        if let jobId, let cell = present(1) { ids.add(jobId, bytes: record.bytes(cell), line: record.line, column: record.column(cell)) }
        let jobType = text(2), iterations = number(3, integer: true), trials = number(4, integer: true)
        let country = text(5)
        let duration = number(6), cpu = number(7), memory = number(8), cost = number(9)
        var success: Bool?
        if let cell = present(10) {
            if record.equals(cell, "True") || record.equals(cell, "true") || record.equals(cell, "1") { success = true }
            else if record.equals(cell, "False") || record.equals(cell, "false") || record.equals(cell, "0") { success = false }
            else { log.error("'success' must be true or false, found \"\(record.string(cell))\"", at: here(cell)); ok = false }
        }
        let errorMessage = map[11] >= 0 && map[11] < record.count && !record.isEmpty(map[11]) ? record.string(map[11]) : nil
        guard ok, let timestamp, let jobId, let jobType, let iterations, let trials, let country,
              let duration, let cpu, let memory, let cost, let success else { return nil }
        return BaselineMetric(timestamp: timestamp, jobId: jobId, jobType: jobType, iterations: Int(iterations), trials: Int(trials),
                              country: country, durationMinutes: duration, cpuHours: cpu, memoryGbHours: memory,
                              costEstimate: cost, success: success, errorMessage: errorMessage)
    }
}
