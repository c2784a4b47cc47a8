import Foundation

/// Reads a JMeter results file (JTL) written as CSV with a header row, streaming its rows.
///
/// Each row is one sample; the columns read are `timeStamp` (milliseconds since 1970, the sample's start as
/// JMeter's shipped `sampleresult.timestamp.start=true` writes it), `elapsed` (milliseconds), `label` and
/// `success`. Other columns are JMeter's too and are not needed.
enum JMeterCSVReader {
    /// The columns a JTL must have, in the order their indices are kept.
    static let required = ["timeStamp", "elapsed", "label", "success"]

    /// The run, or nil (with the errors logged) when the file cannot be read as a JTL.
    static func read(_ data: Data, path: String, log: DiagnosticLog) -> LoadTestRun? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let problems = LoadTestProblems(log: log, path: path)
            var samples = JMeterSamples()
            do throws(DiagnosticError) {
                if !UTF8Text.isValid(bytes) { _ = try ContentFile.decode(data, path: path) }
                var columns: [Int]?
                try CSVScanner.scan(bytes, path: path) { (record: CSVRecord) throws(DiagnosticError) in
                    if record.isBlank { return }
                    guard let columns else {
                        columns = try header(record, path: path)
                        return
                    }
                    add(record, columns, path: path, to: &samples, problems: problems)
                }
                if columns == nil { throw DiagnosticError(.error("JMeter results file is empty; expected a header row and samples", at: .file(path))) }
            } catch {
                log.report(contentsOf: error.diagnostics)
                return nil
            }
            problems.finish()
            if samples.isEmpty, problems.count == 0 {
                log.error("JMeter results file has a header but no samples", at: .file(path))
            }
            guard problems.count == 0, !samples.isEmpty else { return nil }
            return samples.run(path: path, format: .jmeterCSV)
        }
    }

    /// The cell index of each required column; a missing one stops the file with the columns it has.
    private static func header(_ record: CSVRecord, path: String) throws(DiagnosticError) -> [Int] {
        let names = (0..<record.count).map { record.string($0).trimmingCharacters(in: .whitespaces) }
        let missing = required.filter { !names.contains($0) }
        guard missing.isEmpty else {
            let listed = missing.map { "'\($0)'" }.joined(separator: ", ")
            throw DiagnosticError(.error("JMeter results header has no \(listed) column\(missing.count > 1 ? "s" : ""); a JTL needs "
                + "timeStamp, elapsed, label and success (found \(names.joined(separator: ", ")))",
                at: SourceLocation(file: path, line: record.line, column: 1)))
        }
        return required.compactMap { names.firstIndex(of: $0) }
    }

    /// Adds one row's sample, or reports each bad cell.
    private static func add(_ record: CSVRecord, _ columns: [Int], path: String, to samples: inout JMeterSamples,
                            problems: LoadTestProblems) {
        func here(_ cell: Int) -> SourceLocation {
            SourceLocation(file: path, line: record.line, column: cell < record.count ? record.column(cell) : 1)
        }
        guard let last = columns.max(), last < record.count else {
            problems.error("row has \(record.count) cells; expected at least \((columns.max() ?? 0) + 1) to reach every required column",
                           at: here(record.count))
            return
        }
        let (stampCell, elapsedCell, labelCell, successCell) = (columns[0], columns[1], columns[2], columns[3])
        let elapsed = record.double(elapsedCell)
        let stamp = record.double(stampCell)
        let success: Bool? = record.equals(successCell, "true") ? true : record.equals(successCell, "false") ? false
            : ["true": true, "false": false][record.string(successCell).lowercased()]
        if elapsed == nil || (elapsed ?? 0) < 0 {
            problems.error("'elapsed' must be milliseconds (a number ≥ 0), found \"\(record.string(elapsedCell))\"", at: here(elapsedCell))
        }
        if stamp == nil {
            problems.error("'timeStamp' must be milliseconds since 1970, found \"\(record.string(stampCell))\" "
                + "(JMeter writes them with jmeter.save.saveservice.timestamp_format=ms)", at: here(stampCell))
        }
        if success == nil {
            problems.error("'success' must be true or false, found \"\(record.string(successCell))\"", at: here(successCell))
        }
        guard let elapsed, elapsed >= 0, let stamp, let success else { return }
        samples.add(label: record.string(labelCell), elapsed: elapsed, timeStamp: stamp, success: success)
    }
}
