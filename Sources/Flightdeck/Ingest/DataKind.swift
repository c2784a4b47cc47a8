/// The kinds of evidence a release folder can hold, declared once: their ids (as `require:` names them),
/// titles, the files their readers take, and how to add each when it is missing.
package enum DataKind: String, CaseIterable, Sendable, Encodable, Comparable {
    case tests, baseline, performance, rollout, experiments, incidents, checklist, signoffs

    /// The kinds a release must have before it can be GO when `flightdeck.yaml` sets no `require:`
    /// (the seeds' final validation: test suites, performance tests, a rollout, and sign-offs).
    package static let defaultRequired: [DataKind] = [.tests, .performance, .rollout, .signoffs]

    /// The heading of its section on the release page.
    package var title: String {
        switch self {
        case .tests: "Test suites"
        case .baseline: "Performance baseline"
        case .performance: "Performance tests"
        case .rollout: "Rollout"
        case .experiments: "Experiments"
        case .incidents: "Incidents"
        case .checklist: "Checklist"
        case .signoffs: "Sign-offs"
        }
    }

    /// The files to add to a release folder to supply it, in words.
    package var hint: String {
        switch self {
        case .tests: "JUnit XML or the test runner's JSON under tests/"
        case .baseline: "baseline.json or baseline.csv"
        case .performance: "performance.json or performance.csv"
        case .rollout: "rollout.yaml or rollout_state.json"
        case .experiments: "experiments.json or experiments.csv"
        case .incidents: "incidents/*.md"
        case .checklist: "checklist.md"
        case .signoffs: "signoffs.yaml"
        }
    }

    /// Names of the files directly in a release folder that this kind's reader takes.
    package var fileNames: [String] {
        switch self {
        case .tests, .incidents: []
        case .baseline: ["baseline.json", "baseline.csv", "baseline_metrics.json", "baseline_metrics.csv"]
        case .performance: ["performance.json", "performance.csv"]
        case .rollout: ["rollout.yaml", "rollout.yml", "rollout_state.json", "rollout.json"]
        case .experiments: ["experiments.json", "experiments.csv"]
        case .checklist: ["checklist.md"]
        case .signoffs: ["signoffs.yaml", SignoffEvidence.fileName]
        }
    }

    /// The subfolder whose files (with these extensions) this kind's reader takes.
    package var subfolder: (name: String, extensions: [String])? {
        switch self {
        case .tests: ("tests", ["xml", "json"])
        case .incidents: ("incidents", ["md", "markdown"])
        default: nil
        }
    }

    /// Files every release folder may hold besides evidence: its metadata and narrative.
    package static let releaseFileNames = ["release.yaml", "notes.md"]

    /// Whether the release's ingested data has this kind.
    func isPresent(in data: ReleaseData) -> Bool {
        switch self {
        case .tests: data.tests != nil
        case .baseline: data.baseline != nil
        case .performance: data.performance != nil
        case .rollout: data.rollout != nil
        case .experiments: data.experiments != nil
        case .incidents: data.incidents != nil
        case .checklist: data.checklist != nil
        case .signoffs: data.signoffs != nil
        }
    }

    package static func < (a: DataKind, b: DataKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
