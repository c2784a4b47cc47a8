import Foundation

/// Everything ingested for one release: the typed models of each data kind it has.
struct ReleaseData: Sendable, Encodable {
    /// Metadata from release.yaml.
    var release: Release
    /// notes.md, rendered.
    var notes: Page?
    /// Baseline measurements.
    var baseline: Baseline?
    /// Test-suite results.
    var tests: TestResults?
    /// Performance-test results.
    var performance: Performance?
    /// Progressive-rollout data.
    var rollout: Rollout?
    /// Incident records.
    var incidents: Incidents?
    /// A/B experiment records.
    var experiments: Experiments?
    /// The readiness checklist.
    var checklist: Checklist?
    /// Sign-offs.
    var signoffs: Signoffs?
    /// Each incident's postmortem rendered as HTML, by incident id.
    var postmortems: [String: String] = [:]
    /// The release's inputs by path and SHA-256, hashed only when a sign-off has a digest to check them against.
    var inputs: [SignoffEvidence.File]?

    private enum CodingKeys: String, CodingKey {
        case release, notes, baseline, tests, performance, rollout, incidents, experiments, checklist, signoffs
    }
}

/// The Ingest stage for a release: runs every reader; each reports its problems to the log.
enum ReleaseIngester {
    /// Reads all data kinds of one release.
    static func ingest(_ source: ReleaseSource, config: SiteConfig, log: DiagnosticLog) -> ReleaseData {
        let unsafe = config.markdownUnsafeHTML
        var data = measure(source, unsafe: unsafe, log: log)
        data.release = ReleaseReader.read(source, log: log)
        data.notes = source.file(named: "notes.md").flatMap { PageReader.read($0, unsafeHTML: unsafe, nested: true, ids: .releaseNotes, log: log) }
        data.checklist = ChecklistReader.read(source, unsafeHTML: unsafe, log: log)
        data.signoffs = SignoffReader.read(source, configuredRoles: config.signoffRoles, log: log)
        let taken = ReleaseInputs.taken(source, data: data)
        ReleaseInputs.warnUnknown(source, taken: taken, log: log)
        if data.signoffs?.entries.contains(where: { $0.digest != nil }) == true {
            do {
                data.inputs = try ReleaseInputs.hashed(source, data: data, taken: taken)
            } catch {
                log.report(contentsOf: error.diagnostics)
            }
        }
        return data
    }

    /// Parses the measured data files of a release (the expensive part of ingest): every data kind but the
    /// release's metadata, notes, checklist and sign-offs, which `ingest` fills in.
    private static func measure(_ source: ReleaseSource, unsafe: Bool, log: DiagnosticLog) -> ReleaseData {
        var data = ReleaseData(release: Release(id: source.id, title: source.id))
        data.baseline = BaselineReader.read(source, log: log)
        data.tests = TestResultsReader.read(source, log: log)
        data.performance = PerformanceReader.read(source, log: log)
        data.rollout = RolloutReader.read(source, log: log)
        data.incidents = IncidentReader.read(source, log: log)
        data.experiments = ExperimentReader.read(source, log: log)
        for incident in data.incidents?.incidents ?? [] where !incident.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            do {
                let rendered = try MarkdownRenderer.render(incident.body, file: incident.path, unsafeHTML: unsafe, nested: true,
                                                           ids: .postmortem(incident.id), firstLine: incident.bodyLine)
                log.report(contentsOf: rendered.warnings)
                data.postmortems[incident.id] = rendered.html
            } catch {
                log.report(contentsOf: error.diagnostics)
            }
        }
        return data
    }
}
