package import Foundation

/// Reads `baseline.json` or `baseline.csv` (also the seed's default name `baseline_metrics.json`).
///
/// Every problem of the file is reported, not just the first; records with errors are left out and the
/// rest are returned. The result is nil only when the release has no baseline or it cannot be parsed at all.
package enum BaselineReader {
    /// The release's baseline, or nil when the release has none. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Baseline? {
        let candidates = ["baseline", "baseline_metrics"].compactMap { release.file(stem: $0, extensions: ["json", "csv"]) }
        guard let file = candidates.first else { return nil }
        for extra in candidates.dropFirst() {
            log.warning("ignored: the release already has \(file.name)", at: .file(extra.path))
        }
        return read(file, log: log)
    }

    /// Reads one baseline file, JSON or CSV by its extension.
    package static func read(_ file: ContentFile, log: DiagnosticLog) -> Baseline? {
        do throws(DiagnosticError) {
            if file.fileExtension == "csv" {
                // Mapped, not copied, its pages given back behind the scan: a large CSV is never all resident.
                let text = try MappedFile.open(file)
                return withExtendedLifetime(text) { readCSV(text, path: file.path, log: log) }
            }
            return readJSON(file, log: log)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Reads the JSON form: a list of records, or a mapping with the list under `metrics`.
    package static func readJSON(_ file: ContentFile, log: DiagnosticLog) -> Baseline? {
        // Each record is decoded as it is parsed; its problems are reported after the file's own, as when the
        // file was parsed whole first.
        let records = log.buffer()
        var decoder = BaselineJSONRecord.Context()
        var metrics: [BaselineMetric] = []
        let root: DataNode
        do {
            root = try JSONFile.read(file, recordsUnder: ["metrics"]) { _, item in
                if let metric = BaselineJSONRecord.decode(item, context: &decoder, log: records) { metrics.append(metric) }
            }
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        if root.elements == nil {
            guard let wrapper = ObjectReader(root, log: log, what: "a baseline file"), wrapper.list("metrics", required: true) != nil else { return nil }
            wrapper.warnUnknownKeys()
        }
        log.report(buffered: records)
        return Baseline(path: file.path, metrics: metrics)
    }

    /// Reads the CSV form: a header row naming the columns (any order), then one record per row, straight from
    /// the file's checked bytes, giving back the pages behind the scan.
    private static func readCSV(_ text: MappedFile, path: String, log: DiagnosticLog) -> Baseline? {
        do throws(DiagnosticError) {
            var metrics: [BaselineMetric] = []
            metrics.reserveCapacity(text.lines)
            try BaselineCSVRecord.scan(text.bytes, path: path, log: log, release: text.release(upTo:)) { metrics.append($0) }
            return Baseline(path: path, metrics: metrics)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }
}
