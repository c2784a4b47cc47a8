import Foundation
import Testing
@testable import Flightdeck

/// The release page's load-test section: a table per file naming its tool and how its percentiles were
/// obtained, the chart with its data table, and every label escaped.
@Suite struct LoadTestSiteBuildTests {
    @Test func theReleasePageShowsEachFileWithItsToolMethodAndChart() async throws {
        let jtl = try FixtureLoader.text("loadtests/jmeter-jtl-csv/jmeter.HTMLReportTestFile.csv")
        let locust = try FixtureLoader.text("loadtests/locust-stats-csv/loadTestRetailDemoStore.results_stats.csv")
        let site = try SiteFixture(minimalSite + """

            -- content/releases/1.0/performance/results.jtl --
            \(jtl)
            -- content/releases/1.0/performance/run_stats.csv --
            \(locust)
            -- content/releases/1.0/performance/baseline/k6.json --
            \(k6Summary(total: (300, 1200, 0), labels: [("<script>", 200, 400, 0)]))
            -- content/releases/1.0/performance/k6.json --
            \(k6Summary(total: (310, 1200, 0), labels: [("<script>", 300, 400, 0)]))
            """)
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let page = try site.read("public/releases/1.0/performance/index.html")
        #expect(page.contains("<h3 id=\"load-tests\">Load tests</h3>"))
        #expect(page.contains("<h4>Apache JMeter: <code>performance/results.jtl</code></h4>"))
        #expect(page.contains("<h4>Locust: <code>performance/run_stats.csv</code></h4>"))
        #expect(page.contains("Percentiles computed by Flightdeck from every sample&#39;s elapsed time: linear interpolation between closest ranks, numpy&#39;s default method."))
        #expect(page.contains("Percentiles as Locust reported them: p50 (50%), p90 (90%), p95 (95%), p99 (99%)."))
        #expect(page.contains("Percentiles as k6 reported them: p50 (med), p90 (p(90)), p95 (p(95)); p99 not reported."))
        #expect(page.contains("<th scope=\"row\">&lt;script&gt;</th>") && !page.contains("<th scope=\"row\"><script>"))
        #expect(page.contains("<td class=\"num\">+50.0%</td>"))
        #expect(page.contains("Compared with the baseline (performance/baseline/k6.json)."))
        #expect(page.contains("No baseline run or previous release has these labels: p95 is not compared."))
        #expect(page.contains("<figcaption>k6: response time per label</figcaption>") && page.contains("<figcaption>Locust: response time per label</figcaption>"))
        #expect(page.contains("<code>content/releases/1.0/performance/baseline/k6.json</code>"))
        #expect(page.contains("<li><strong>&lt;script&gt;</strong>: p95 +50.0% against the baseline (limit +20.0%)</li>"))
        #expect(page.contains("3 of 11 load-test labels exceed the limits: &lt;script&gt;: p95 +50.0% against the baseline (limit +20.0%); "
                              + "TOTAL: error rate 1.2% (limit 1.0%); JR-KO: error rate 100.0% (limit 1.0%)."))
    }
}
