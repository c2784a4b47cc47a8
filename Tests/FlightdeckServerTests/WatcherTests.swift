import Foundation
import Testing
@testable import FlightdeckServer

@Suite(.serialized) struct WatcherTests {
    /// Collects what a watcher reports until `expected` paths have all been seen or time runs out.
    static func collect(_ watcher: any ChangeWatcher, expecting expected: Set<String>,
                        after change: @Sendable () throws -> Void) async throws -> Set<String> {
        let stream = watcher.changes()
        try await Task.sleep(for: .milliseconds(150))  // let a polling watcher take its first snapshot
        try change()
        return await withTaskGroup(of: Set<String>.self) { group in
            group.addTask {
                var seen = Set<String>()
                for await batch in stream {
                    seen.formUnion(batch)
                    if seen.isSuperset(of: expected) { break }
                }
                return seen
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(5))
                return []
            }
            let first = await group.next() ?? []
            group.cancelAll()
            return first
        }
    }

    static let entries = ["content", "templates", "flightdeck.yaml"]

    @Test(arguments: [false, true])
    func reportsEditedNewAndRenamedFiles(polling: Bool) async throws {
        let root = try SiteRoot.make()
        let watcher = ChangeWatchers.make(root: root.path, entries: Self.entries, forcePolling: polling, pollInterval: .milliseconds(50))
        let seen = try await Self.collect(watcher, expecting: ["content/index.md", "content/releases/2.4/notes.md", "flightdeck.yaml"]) {
            try root.write("content/index.md", "# Changed\n")
            try root.write("content/releases/2.4/notes.md", "new folder, new file\n")
            try root.write("flightdeck.yaml.new", "title: Renamed\n")
            try FileManager.default.removeItem(atPath: root.path + "/flightdeck.yaml")
            try FileManager.default.moveItem(atPath: root.path + "/flightdeck.yaml.new", toPath: root.path + "/flightdeck.yaml")
        }
        #expect(seen.isSuperset(of: ["content/index.md", "content/releases/2.4/notes.md", "flightdeck.yaml"]))
        #expect(!seen.contains { $0.hasPrefix("public") || $0 == "flightdeck.yaml.new" })
    }

    @Test(arguments: [false, true])
    func ignoresTheOutputAndEditorFiles(polling: Bool) async throws {
        let root = try SiteRoot.make()
        let watcher = ChangeWatchers.make(root: root.path, entries: Self.entries, forcePolling: polling, pollInterval: .milliseconds(50))
        let seen = try await Self.collect(watcher, expecting: ["templates/base.html"]) {
            try root.write("public/index.html", "rebuilt")
            try root.write("content/.index.md.swp", "swap")
            try root.write("content/index.md~", "backup")
            try root.write("notes.txt", "not watched")
            try root.write("templates/base.html", "{{ content }}!")
        }
        #expect(seen == ["templates/base.html"])
    }

    #if os(Linux)
    @Test func linuxUsesInotifyUnlessPollingIsForced() throws {
        let root = try SiteRoot.make()
        #expect(ChangeWatchers.make(root: root.path, entries: Self.entries, forcePolling: false, pollInterval: .seconds(1)) is InotifyWatcher)
        #expect(ChangeWatchers.make(root: root.path, entries: Self.entries, forcePolling: true, pollInterval: .seconds(1)) is PollingWatcher)
    }
    #endif

    @Test(arguments: ["content/a.md.swp", "content/.a.md.swx", "content/a.md~", "content/#a.md#", "templates/4913", "content/x.tmp",
                      "public/index.html", "other/file.md", "flightdeck.yml"])
    func filterRejects(path: String) {
        #expect(!WatchFilter(entries: Self.entries).accepts(path))
    }

    @Test(arguments: ["content/a.md", "content/releases/2.4/release.yaml", "templates/base.html", "flightdeck.yaml"])
    func filterAccepts(path: String) {
        #expect(WatchFilter(entries: Self.entries).accepts(path))
    }
}
