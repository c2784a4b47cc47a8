import Foundation
import Testing
@testable import FlightdeckServer

@Suite struct RebuildLoopTests {
    /// Collects outcomes handed on by the loop.
    actor Outcomes {
        var batches: [[String]] = []
        func add(_ batch: [String]) { batches.append(batch) }
    }

    /// Polls `condition` for up to `timeout`: long, since CPU-bound suites running in parallel can hold the
    /// cooperative pool's threads (two on a 2-core machine) for their whole run — 40 s in a CI run of session 11,
    /// past the 30 s this had; a loop that never rebuilds still fails.
    static func eventually(timeout: Duration = .seconds(120), _ condition: @Sendable () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return await condition()
    }

    @Test func burstBecomesOneRebuildWithEveryPath() async throws {
        let rebuilder = RecordingRebuilder()
        let outcomes = Outcomes()
        let loop = RebuildLoop(rebuilder: rebuilder, quietPeriod: .milliseconds(300)) { batch, _ in await outcomes.add(batch) }
        let running = Task { await loop.run() }
        defer { running.cancel() }
        for index in 0..<50 { await loop.record(["content/page\(index).md"]) }
        await loop.record(["content/page0.md"])
        #expect(await Self.eventually { await outcomes.batches.count == 1 })
        try await Task.sleep(for: .milliseconds(300))
        let calls = await rebuilder.calls
        #expect(calls.count == 1)
        #expect(calls.first == (0..<50).map { "content/page\($0).md" }.sorted())
    }

    @Test func changesDuringARebuildWaitForTheNextOneAndRebuildsNeverOverlap() async throws {
        let rebuilder = RecordingRebuilder(delay: .milliseconds(200))
        let loop = RebuildLoop(rebuilder: rebuilder, quietPeriod: .milliseconds(20)) { _, _ in }
        let running = Task { await loop.run() }
        defer { running.cancel() }
        await loop.record(["content/a.md"])
        #expect(await Self.eventually { await rebuilder.calls.count == 1 })
        await loop.record(["content/b.md"])
        await loop.record(["templates/page.html"])
        #expect(await Self.eventually { await rebuilder.calls.count == 2 })
        #expect(await rebuilder.calls == [["content/a.md"], ["content/b.md", "templates/page.html"]])
        #expect(await rebuilder.overlapped == false)
    }

    @Test func changesSeparatedByMoreThanTheQuietPeriodRebuildSeparately() async throws {
        let rebuilder = RecordingRebuilder()
        let loop = RebuildLoop(rebuilder: rebuilder, quietPeriod: .milliseconds(20)) { _, _ in }
        let running = Task { await loop.run() }
        defer { running.cancel() }
        await loop.record(["content/a.md"])
        #expect(await Self.eventually { await rebuilder.calls.count == 1 })
        await loop.record(["content/b.md"])
        #expect(await Self.eventually { await rebuilder.calls.count == 2 })
    }
}
