import Foundation

/// Recognises a load-test tool's file by its beginning, never its name: for `flightdeck add` (a score per
/// format) and for the reader of `performance/` (the one format to read it as, or why it reads none).
enum LoadTestSniffer {
    /// The formats `PerformanceKind` declares: each goes to `performance/<name>`.
    static let dataFormats: [DataFormat] = LoadTestFormat.allCases.map { format in
        DataFormat(id: format.rawValue, title: format.title, destination: { "performance/\($0)" },
                   recognise: { score(format, $0) })
    }

    /// How much a file's beginning looks like a format: 0.9 or 1 when it has the format's marks, else 0.
    static func score(_ format: LoadTestFormat, _ sample: FileSample) -> Double {
        switch format {
        case .k6Summary:
            guard sample.start.hasPrefix("{"), sample.head.contains("\"metrics\"") else { return 0 }
            return sample.share(of: ["\"root_group\"", "\"http_req_duration", "\"iteration_duration\"", "\"vus\"", "\"checks\""]) > 0 ? 0.9 : 0
        case .gatlingStats:
            guard sample.start.hasPrefix("{"), sample.head.contains("\"numberOfRequests\"") else { return 0 }
            return sample.share(of: ["\"meanNumberOfRequestsPerSecond\"", "\"percentiles1\""]) > 0 ? 0.9 : 0
        case .jmeterXML:
            return sample.startsWithElement(["testResults"]) ? 1 : 0
        case .jmeterCSV:
            let cells = headerCells(sample)
            return ["timeStamp", "elapsed", "label"].allSatisfy(cells.contains) ? 0.9 : 0
        case .locustStats:
            let cells = headerCells(sample)
            return cells.contains("Name") && cells.contains("Request Count") ? 0.9 : 0
        }
    }

    /// What the reader of `performance/` makes of a file.
    enum Verdict: Equatable {
        /// Read it as this format.
        case format(LoadTestFormat)
        /// It is none of them; the message says what it looks like instead, or what was expected.
        case refused(String)
    }

    /// The format to read a file of `performance/` as. More lenient than `score`: a JTL or Locust header
    /// missing a required column is still taken as that format, so its reader can say which column is missing.
    static func verdict(_ sample: FileSample) -> Verdict {
        if let format = LoadTestFormat.allCases.first(where: { score($0, sample) > 0 }) { return .format(format) }
        let cells = headerCells(sample)
        let line = sample.firstLine
        if line.contains("\t"), line.contains("elapsed") || line.contains("label") {
            return .refused("this JMeter results file is tab-separated; Flightdeck reads JTL files written with "
                + "commas (jmeter.save.saveservice.default_delimiter=,)")
        }
        if cells.contains("User Count") || cells.contains("Total Request Count") {
            return .refused("this is Locust's _stats_history.csv; Flightdeck reads the _stats.csv written beside it")
        }
        if cells.contains("# requests") {
            return .refused("this is the stats CSV of Locust 0.x (\"# requests\"); Flightdeck reads the _stats.csv of Locust 1.0 or later")
        }
        if Set(cells).intersection(["timeStamp", "elapsed", "label", "success", "responseCode", "threadName"]).count >= 2 {
            return .format(.jmeterCSV)
        }
        if cells.contains("Name"), cells.contains("Type") || cells.contains("Failure Count") { return .format(.locustStats) }
        if sample.start.hasPrefix("{") {
            return .refused("expected a k6 summary (a JSON object with \"metrics\") or Gatling's js/stats.json "
                + "(with \"numberOfRequests\")")
        }
        return .refused("not a load-test result Flightdeck reads: expected a k6 summary (JSON), a JMeter JTL "
            + "(CSV with a header, or XML <testResults>), a Locust _stats.csv or Gatling's js/stats.json")
    }

    /// The cells of the first line, split at commas, trimmed and unquoted (enough to recognise a header).
    private static func headerCells(_ sample: FileSample) -> [String] {
        sample.firstLine.split(separator: ",", omittingEmptySubsequences: false).map { cell in
            var text = cell.trimmingCharacters(in: .whitespaces)
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            return text
        }
    }
}
