/// Reports a load-test file's problems with their places: the first `limit` one by one, then how many more,
/// so a results file with a million bad rows stays readable. Each problem is an error; none is dropped unsaid.
final class LoadTestProblems {
    /// Problems reported one by one per file.
    static let limit = 20
    /// Where they go.
    let log: DiagnosticLog
    /// The file, for the closing count.
    let path: String
    /// How many were found.
    private(set) var count = 0
    /// Problems already reported, so one found twice (a metric read for two figures) is said once.
    private var seen = Set<String>()

    /// Starts a file's report.
    init(log: DiagnosticLog, path: String) {
        self.log = log
        self.path = path
    }

    /// One problem at its place (a repeat of the same problem at the same place is not counted again).
    func error(_ message: String, at location: SourceLocation) {
        guard seen.insert("\(location)\u{0}\(message)").inserted else { return }
        count += 1
        if count <= Self.limit { log.error(message, at: location) }
    }

    /// Says how many problems were not shown one by one.
    func finish() {
        guard count > Self.limit else { return }
        log.error("\(count - Self.limit) more problems in this file (the first \(Self.limit) are shown)", at: .file(path))
    }
}
