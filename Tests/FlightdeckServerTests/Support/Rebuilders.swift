import Foundation
@testable import FlightdeckServer

/// A rebuilder that records every call, can fail on demand, writes a marker file into the served folder
/// like a real build would, and notices if two rebuilds ever overlap.
actor RecordingRebuilder: SiteRebuilder {
    private(set) var calls: [[String]] = []
    private(set) var overlapped = false
    private var running = false
    private var nextOutcome: RebuildOutcome = .built(changedOutputs: nil, stylesheetsOnly: false)
    private let site: TemporaryFolder?
    private let delay: Duration

    /// A rebuilder writing `public/build.txt` under `site` (if given) and taking `delay` per build.
    init(site: TemporaryFolder? = nil, delay: Duration = .zero) {
        self.site = site
        self.delay = delay
    }

    /// What the following rebuilds return.
    func setOutcome(_ outcome: RebuildOutcome) {
        nextOutcome = outcome
    }

    func rebuild(changedPaths: [String]) async -> RebuildOutcome {
        if running { overlapped = true }
        running = true
        defer { running = false }
        calls.append(changedPaths)
        if delay > .zero { try? await Task.sleep(for: delay) }
        if case .built = nextOutcome { try? site?.write("public/build.txt", "build \(calls.count)") }
        return nextOutcome
    }
}
