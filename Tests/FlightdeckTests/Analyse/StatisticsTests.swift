import Testing
@testable import Flightdeck

/// Statistics against numpy vectors (Fixtures/analyse/statistics/make_vectors.py).
struct StatisticsTests {
    @Test func agreesWithNumpy() throws {
        let vectors = try #require(try FixtureLoader.json("analyse/statistics/vectors.json") as? [[String: Any]])
        #expect(vectors.count == 11)
        for vector in vectors {
            let values = try #require(vector["values"] as? [Double])
            #expect(close(Statistics.mean(values), vector["mean"] as? Double))
            #expect(close(Statistics.sampleStandardDeviation(values), vector["std"] as? Double))
            #expect(Statistics.minimum(values) == vector["min"] as? Double)
            #expect(Statistics.maximum(values) == vector["max"] as? Double)
            let percentiles = try #require(vector["percentiles"] as? [String: Double])
            for (percent, expected) in percentiles {
                let p = try #require(Double(percent))
                #expect(close(Statistics.percentile(values, p), expected, tolerance: 1e-12), "p\(percent) of \(values.count) values")
            }
        }
    }

    @Test func undefinedFiguresAreNilNotNaN() {
        #expect(Statistics.mean([]) == nil)
        #expect(Statistics.sampleStandardDeviation([3]) == nil)
        #expect(Statistics.percentile([], 50) == nil)
        #expect(Statistics.percentile([1, 2], 101) == nil)
        #expect(Statistics.ratio(1, 0) == nil)
        #expect(Statistics.mean([.greatestFiniteMagnitude, .greatestFiniteMagnitude]) == nil)
        let summary = Summary([])
        #expect(summary.count == 0 && summary.mean == nil && summary.p95 == nil)
    }
}

/// Selection gives the same quantiles as sorting.
struct SelectionTests {
    @Test func quickselectQuantilesMatchSortedQuantiles() {
        var generator = SystemRandomNumberGenerator()
        for n in [1, 2, 3, 15, 16, 17, 100, 1001] {
            for _ in 0..<20 {
                let values = (0..<n).map { _ in Double(Int.random(in: 0..<50, using: &generator)) / 4 }
                let sorted = values.sorted()
                for q in [0.0, 0.05, 0.5, 0.95, 1.0] {
                    var scratch = values
                    #expect(Selection.quantile(&scratch, q) == Statistics.quantile(sorted, q), "n=\(n) q=\(q)")
                }
            }
        }
    }
}
