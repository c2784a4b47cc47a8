/// Reads the load-test tools' own files in a release's `performance/` folder, each by its content (never its
/// name): k6 summaries, JMeter JTL files (CSV or XML), Locust `_stats.csv` and Gatling `js/stats.json`.
/// Files in `performance/baseline/` are the baseline run the others are compared with.
///
/// Every file is read and every problem reported with its place; a file that cannot be read is left out.
package enum LoadTestReader {
    /// The folder of a release the files go in.
    static let folder = "performance"
    /// The folder inside it for the baseline run.
    static let baselineFolder = "baseline"
    /// The extensions the folder takes (`.jtl` is JMeter's own, CSV or XML inside).
    static let extensions = ["json", "csv", "jtl", "xml"]

    /// Every load-test file of the release, in path order; empty when it has none.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> [LoadTestRun] {
        let baseline = "\(release.folder)/\(folder)/\(baselineFolder)/"
        return release.files(in: folder, extensions: extensions).compactMap { file in
            guard var run = read(file, log: log) else { return nil }
            run.isBaseline = file.path.hasPrefix(baseline)
            return run
        }
    }

    /// Reads one file as the format its content shows.
    package static func read(_ file: ContentFile, log: DiagnosticLog) -> LoadTestRun? {
        do {
            let data = try file.readData()
            switch LoadTestSniffer.verdict(FileSample(data, name: file.name)) {
            case .refused(let reason):
                log.error(reason, at: .file(file.path))
                return nil
            case .format(.jmeterCSV):
                return JMeterCSVReader.read(data, path: file.path, log: log)
            case .format(.jmeterXML):
                return JMeterXMLReader.read(try XMLByteSource.open(file.url, path: file.path), path: file.path, log: log)
            case .format(.k6Summary):
                return K6SummaryReader.read(try ContentFile.decode(data, path: file.path), log: log)
            case .format(.locustStats):
                return LocustStatsReader.read(try ContentFile.decode(data, path: file.path), log: log)
            case .format(.gatlingStats):
                return GatlingStatsReader.read(try ContentFile.decode(data, path: file.path), log: log)
            }
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }
}
