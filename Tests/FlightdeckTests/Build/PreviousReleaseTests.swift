import Foundation
import Testing
@testable import Flightdeck

/// Which release a release's tests are compared with: the latest earlier one of the same product.
@Suite struct PreviousReleaseTests {
    /// Each release's test figures, by id.
    private func tests(_ site: SiteFixture) throws -> [String: TestFigures] {
        let (model, diagnostics) = site.model()
        #expect(diagnostics.map(\.description) == [])
        let entries = try #require(model).releases
        return Dictionary(uniqueKeysWithValues: entries.compactMap { entry in entry.figures[TestsKind.self].map { (entry.data.release.id, $0) } })
    }

    @Test func comparesWithTheLatestEarlierReleaseOfTheSameProduct() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo"
            + releaseWithTests("trainer-1", date: "2026-01-10", product: "trainer", passing: ["a"], failing: ["b"])
            + releaseWithTests("warehouse-1", date: "2026-02-10", product: "warehouse", passing: ["x", "y"], failing: ["z"])
            + releaseWithTests("trainer-2", date: "2026-03-10", product: "trainer", passing: ["b", "c"], failing: ["a"]))
        defer { site.remove() }
        let found = try tests(site)
        #expect(found.count == 3)
        #expect(found["trainer-1"]?.comparison == nil, "the first release of a product has nothing to compare with")
        #expect(found["warehouse-1"]?.comparison == nil, "another product's earlier release is not its previous release")
        let trainer = try #require(found["trainer-2"]?.comparison)
        #expect(trainer.previousTotal == 2)
        #expect(trainer.newFailures.count == 1 && trainer.fixed.count == 1 && trainer.added.count == 1 && trainer.removed.isEmpty)

        _ = try await Site(root: site.root).build()
        let page = try site.read("public/releases/warehouse-1/index.html")
        #expect(!page.contains("Against the previous release"))
        #expect(!page.contains("since the previous release"))
        #expect(page.contains("<dt>Product</dt><dd>warehouse</dd>"), "the page header names the product")
        #expect(try site.read("public/releases/trainer-2/index.html").contains("1 new failure since the previous release"))
    }

    @Test func withoutProductsThePreviousReleaseIsTheOneBefore() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo"
            + releaseWithTests("1.0", date: "2026-01-10", product: nil, passing: ["a"])
            + releaseWithTests("2.0", date: "2026-02-10", product: nil, passing: ["x"], failing: ["a"]))
        defer { site.remove() }
        let second = try #require(try tests(site)["2.0"]?.comparison)
        #expect(second.previousTotal == 1 && second.newFailures.count == 1 && second.added.count == 1)
    }
}
