import Foundation
import Testing
@testable import Flightdeck

/// Complexity checks, not benchmarks: each reader on n and 4n records must take at most about 5x the time
/// (linear gives 4x; quadratic 16x). Times are the best of three runs of the thread's CPU clock, and n is
/// large enough that the smaller input takes well over the clock's noise in a debug build.
@Suite(.serialized) struct ReaderScalingTests {
    /// The best of three CPU times of `body` on its input, in seconds: the calling thread's CPU clock, so that
    /// the other suites, which run in parallel in the same process, do not count (the readers run on one thread).
    static func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = threadCPUSeconds()
            try body()
            best = min(best, threadCPUSeconds() - start)
        }
        return best
    }

    private static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Asserts that `run(make(4n))` takes at most 5x `run(make(n))`.
    static func expectLinear(_ what: String, n: Int, make: (Int) -> String, run: (String) throws -> Void,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) rethrows {
        let small = make(n), large = make(4 * n)
        var t1 = 0.0, t4 = 0.0, ratio = Double.infinity
        // Up to three measurements: a linear reader is under 5x in one of them, a quadratic one (16x) in none.
        for _ in 0..<3 where ratio > 5 {
            t1 = try cpuSeconds { try run(small) }
            t4 = try cpuSeconds { try run(large) }
            ratio = t4 / max(t1, 1e-6)
        }
        print("scaling \(what): n=\(n) \(String(format: "%.3f", t1)) s, 4n \(String(format: "%.3f", t4)) s, ratio \(String(format: "%.2f", ratio))")
        #expect(t1 > 0.01, "\(what): n too small to measure", sourceLocation: sourceLocation)
        #expect(ratio <= 5, "\(what): 4n took \(ratio)x the time of n", sourceLocation: sourceLocation)
    }

    @Test func yaml() throws {
        try Self.expectLinear("YAML records", n: 2_000, make: { n in
            (0..<n).map { "- {name: job\($0), duration: \($0).5, ok: true}\n" }.joined()
        }, run: { _ = try YAMLReader.read($0, path: "s.yaml") })
    }

    @Test func jsonRecordsAndLongStrings() throws {
        try Self.expectLinear("JSON records", n: 10_000, make: { n in
            "[" + (0..<n).map { "{\"job_id\": \"j\($0)\", \"duration_minutes\": \($0).25}" }.joined(separator: ",\n") + "]"
        }, run: { _ = try JSONReader.read($0, path: "b.json") })
        try Self.expectLinear("JSON string", n: 500_000, make: { "{\"x\": \"" + String(repeating: "a\\n", count: $0) + "\"}" },
                              run: { _ = try JSONReader.read($0, path: "s.json") })
    }

    @Test func jsonEmptyRecordsWithDiagnostics() throws {
        // 100,000 '{}' records once took past 150 s: every record's missing fields are diagnostics, bounded per file.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-scaling-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var count = 0
        try Self.expectLinear("baseline.json of {} records", n: 5_000, make: { "[" + Array(repeating: "{}", count: $0).joined(separator: ",") + "]" },
                              run: { text in
            count += 1
            let url = folder.appendingPathComponent("baseline-\(count).json")
            try Data(text.utf8).write(to: url)
            let log = DiagnosticLog()
            _ = BaselineReader.read(ContentFile(path: "baseline.json", url: url), log: log)
            #expect(log.diagnostics.count <= 2 * InputLimits.standard.diagnosticsPerFile + 2)
        })
    }

    @Test func csvLongAndWide() throws {
        try Self.expectLinear("CSV rows", n: 20_000, make: { n in
            "operation,old_duration,new_duration\n" + (0..<n).map { "op\($0),1.5,1.25\n" }.joined()
        }, run: { _ = try CSVFileReader.read($0, path: "p.csv") })
        try Self.expectLinear("CSV columns", n: 400, make: { n in
            (0..<n).map { "c\($0)" }.joined(separator: ",") + "\n" + Array(repeating: "1", count: n).joined(separator: ",") + "\n"
        }, run: { text in for _ in 0..<40 { _ = try CSVFileReader.read(text, path: "w.csv") } })
        try Self.expectLinear("CSV of carriage returns", n: 200_000, make: { String(repeating: "\r", count: $0) },
                              run: { _ = try? CSVFileReader.read($0, path: "cr.csv") })
    }

    @Test func junitXML() throws {
        Self.expectLinear("JUnit XML", n: 3_000, make: { n in
            "<testsuite name=\"s\">" + (0..<n).map { "<testcase classname=\"c\" name=\"t\($0)\" time=\"0.1\"/>" }.joined() + "</testsuite>"
        }, run: { text in
            let log = DiagnosticLog()
            _ = JUnitReader.read(.bytes(Array(text.utf8)), path: "t.xml", log: log)
        })
    }

    /// Parsed whole, or in pieces (with the HTML kept, or made again on use): the parse and one use of the HTML.
    @Test(arguments: [("whole", MarkdownPieces.Size.whole, false), ("in pieces", .init(bytes: 16 << 10), false),
                      ("in pieces, HTML on use", .init(bytes: 16 << 10), true)])
    func markdown(_ mode: String, pieceSize: MarkdownPieces.Size, htmlOnUse: Bool) throws {
        try Self.expectLinear("Markdown \(mode)", n: 2_000, make: { n in
            (0..<n).map { "## Step \($0)\n\n- [ ] check ~~old~~ https://example.com/\($0) | a |\n\n| a | b |\n|---|---|\n| \($0) | x |\n\n" }.joined()
        }, run: {
            let document = try MarkdownRenderer.parse($0, file: "n.md", unsafeHTML: false, keepLinks: false, htmlOnUse: htmlOnUse,
                                                      pieceSize: pieceSize)
            #expect(try document.html().count > $0.count / 2)
            #expect((document.pieceCount > 1) == (pieceSize.bytes < 1 << 20))
        })
    }

    /// A changelog with a link reference definition per entry, in a list item or after the entry's text, and uses of
    /// the other entries' labels: read twice (probes, then each piece after the definitions it may use), in pieces.
    @Test func markdownDefinitions() throws {
        try Self.expectLinear("Markdown definitions in pieces", n: 2_000, make: { n in
            (0..<n).map { "## 1.\($0)\n\n- Fixed [#\($0)] and [#\(($0 * 7) % n)].\n\n  [#\($0)]: https://example.com/\($0) \"PR\"\n\n> [q\($0)]: /q\n\n" }.joined()
        }, run: {
            let document = try MarkdownRenderer.parse($0, file: "n.md", unsafeHTML: false, keepLinks: false, pieceSize: .init(bytes: 16 << 10))
            #expect(document.pieceCount > 1)
            #expect(try document.html().contains(#"<a href="https://example.com/7" title="PR">#7</a>"#))
        })
    }

    /// Sign-offs once matched each required role by a search of every entry, and the verdict grouped them the same
    /// way: 16 MiB of roles took minutes. Reading, analysis, the verdict's reason and the page's cut, together.
    @Test func signoffs() throws {
        Self.expectLinear("sign-offs", n: 1_500, make: { n in
            "required: [" + (0..<n).map { "role-\($0)" }.joined(separator: ", ") + "]\nsignoffs:\n"
                + (0..<n).map { "  - { role: \($0 % 3 == 0 ? "extra" : "role")-\($0), approver: A, decision: \($0 % 7 == 0 ? "rejected" : "approved") }\n" }.joined()
        }, run: { text in
            let log = DiagnosticLog()
            guard let signoffs = SignoffReader.read(text, path: "s.yaml", log: log) else { return }
            let figures = SignoffAnalysis.analyse(signoffs)
            _ = SignoffsKind.reason(figures)
            _ = SignoffsKind.pageFigures(figures)
        })
    }

    /// A checklist's analysis, the verdict's reason and the page's cut, over items in sections of their own.
    @Test func checklist() throws {
        try Self.expectLinear("checklist", n: 4_000, make: { n in
            (0..<n).map { "## Step \($0)\n\n- [\($0 % 3 == 0 ? " " : "x")] item \($0)\n" }.joined(separator: "\n")
        }, run: { text in
            let log = DiagnosticLog()
            let body = try MarkdownRenderer.parse(text, file: "c.md", unsafeHTML: false, keepLinks: false)
            let checklist = Checklist(path: "c.md", tasks: body.tasks, html: body)
            let figures = ChecklistAnalysis.analyse(checklist, figures: DataNode(.object([]), at: .file("c.md")), log: log)
            _ = ChecklistKind.reason(figures)
            _ = ChecklistKind.pageFigures(figures)
        })
    }

    /// The single-file report rewrites every tag of a release's pages: a 100,000-row performance table once
    /// took past 10 minutes (appending to a String's scalar view copied the whole output each time).
    @Test func singleFileRewrite() {
        Self.expectLinear("single-file rewrite", n: 2_000, make: { n in
            "<table id=\"ops\">" + (0..<n).map { "<tr><th scope=\"row\"><a href=\"#op\($0)\">op\($0)</a></th><td class=\"num\">1.5</td><!-- c --></tr>\n" }.joined() + "</table>"
        }, run: { html in
            var rewriter = SingleFileReport.Rewriter(pageURL: "releases/1.0/performance/index.html", section: "performance", sections: [:], baseURL: nil)
            _ = rewriter.rewrite(html)
        })
    }
}
