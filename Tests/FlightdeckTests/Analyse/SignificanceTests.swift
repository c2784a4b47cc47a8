import Foundation
import Testing
@testable import Flightdeck

/// Checks the special functions and tests against scipy's vectors (Fixtures/stats/generate.py) to 1e-9 relative.
@Suite("Significance against scipy")
struct SignificanceTests {
    private static func vectors(_ name: String) throws -> [String: Any] {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let data = try Data(contentsOf: root.appendingPathComponent("stats/\(name)"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private static func rows(_ file: String, _ key: String) throws -> [[Double]] {
        let table = try #require(try vectors(file)[key] as? [[Any]])
        return table.map { $0.compactMap { ($0 as? NSNumber)?.doubleValue } }
    }

    /// Relative agreement to 1e-9; zero must be exactly zero (both sides underflow alike).
    private func agree(_ actual: Double?, _ expected: Double, _ what: String, tolerance: Double = 1e-9) {
        guard let actual else { Issue.record("\(what): no result, expected \(expected)"); return }
        if expected == 0 { #expect(abs(actual) < 1e-300, "\(what): \(actual) vs 0"); return }
        #expect(abs(actual - expected) <= tolerance * abs(expected), "\(what): \(actual) vs \(expected)")
    }

    @Test func studentTSurvival() throws {
        for row in try Self.rows("special.json", "t_sf") {
            agree(Distributions.studentTSurvival(row[0], df: row[1]), row[2], "t.sf(\(row[0]), \(row[1]))")
        }
    }

    @Test func studentTQuantile() throws {
        for row in try Self.rows("special.json", "t_isf") {
            agree(Distributions.studentTUpperQuantile(row[0], df: row[1]), row[2], "t.isf(\(row[0]), \(row[1]))")
        }
    }

    @Test func normalQuantile() throws {
        for row in try Self.rows("special.json", "norm_isf") {
            agree(Distributions.normalUpperQuantile(row[0]), row[1], "norm.isf(\(row[0]))")
        }
    }

    @Test func chiSquareSurvival() throws {
        for row in try Self.rows("special.json", "chi2_sf") {
            agree(Distributions.chiSquareSurvival(row[0], k: row[1]), row[2], "chi2.sf(\(row[0]), \(row[1]))")
        }
    }

    @Test func incompleteBetaAndGamma() throws {
        for row in try Self.rows("special.json", "betainc") {
            agree(SpecialFunctions.incompleteBeta(row[0], row[1], x: row[2], y: 1 - row[2]), row[3], "betainc\(row)")
        }
        for row in try Self.rows("special.json", "gammaincc") {
            agree(SpecialFunctions.incompleteGammaQ(row[0], row[1]), row[2], "gammaincc\(row)")
        }
    }

    @Test func welchMatchesScipy() throws {
        let cases = try #require(try Self.vectors("welch.json")["cases"] as? [[String: Any]])
        #expect(cases.count >= 10)
        for c in cases {
            let name = try #require(c["name"] as? String)
            let control: SampleSummary, treatment: SampleSummary
            if let a = c["control"] as? [Double], let b = c["treatment"] as? [Double] {
                control = SampleSummary(a)
                treatment = SampleSummary(b)
            } else {
                let a = try #require(c["control_stats"] as? [Double]), b = try #require(c["treatment_stats"] as? [Double])
                control = SampleSummary(n: Int(a[0]), mean: a[1], variance: a[2] * a[2])
                treatment = SampleSummary(n: Int(b[0]), mean: b[1], variance: b[2] * b[2])
            }
            let confidence = try #require(c["confidence"] as? Double)
            let result = Significance.welch(control: control, treatment: treatment, confidence: confidence)
            // t and the interval's ends inherit the rounding of the mean difference (p near 1 has diff ≈ 2.5e-8 of 6.5).
            agree(result?.t, try #require(c["t"] as? Double), "\(name): t", tolerance: name == "p near 1" ? 1e-6 : 1e-9)
            agree(result?.df, try #require(c["df"] as? Double), "\(name): df")
            agree(result?.p, try #require(c["p"] as? Double), "\(name): p")
            agree(result?.ciLow, try #require(c["ci_low"] as? Double), "\(name): ci low")
            agree(result?.ciHigh, try #require(c["ci_high"] as? Double), "\(name): ci high")
        }
    }

    @Test func chiSquareMatchesScipyWithYates() throws {
        let cases = try #require(try Self.vectors("chi2.json")["cases"] as? [[String: Any]])
        for c in cases {
            let name = try #require(c["name"] as? String)
            let int = { (key: String) throws -> Int in try #require(c[key] as? Int) }
            let result = Significance.chiSquare(controlSuccesses: try int("control_successes"), controlN: try int("control_n"),
                                                treatmentSuccesses: try int("treatment_successes"), treatmentN: try int("treatment_n"),
                                                confidence: try #require(c["confidence"] as? Double))
            #expect(result?.yatesCorrection == true && result?.dof == 1)
            agree(result?.chiSquare, try #require(c["chi2"] as? Double), "\(name): chi2")
            agree(result?.p, try #require(c["p"] as? Double), "\(name): p")
            agree(result?.ciLow, try #require(c["ci_low"] as? Double), "\(name): ci low")
            agree(result?.ciHigh, try #require(c["ci_high"] as? Double), "\(name): ci high")
        }
    }

    @Test func degenerateInputsGiveNoResultRatherThanNaN() {
        let constant = SampleSummary([2, 2, 2])
        #expect(Significance.welch(control: constant, treatment: constant, confidence: 0.95) == nil)
        #expect(Significance.welch(control: SampleSummary([1]), treatment: SampleSummary([1, 2]), confidence: 0.95) == nil)
        #expect(Significance.chiSquare(controlSuccesses: 0, controlN: 10, treatmentSuccesses: 0, treatmentN: 10, confidence: 0.95) == nil)
        #expect(Significance.chiSquare(controlSuccesses: 3, controlN: 0, treatmentSuccesses: 1, treatmentN: 10, confidence: 0.95) == nil)
    }
}
