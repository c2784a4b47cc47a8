import Foundation

/// A sample's size, mean and unbiased variance.
package struct SampleSummary: Sendable, Encodable, Equatable {
    /// Number of observations.
    package var n: Int
    /// Arithmetic mean; nil for an empty sample.
    package var mean: Double?
    /// Sample variance Σ(x − mean)² / (n − 1); nil when n < 2.
    package var variance: Double?

    /// Creates a summary from known figures.
    package init(n: Int, mean: Double?, variance: Double?) {
        self.n = n
        self.mean = mean
        self.variance = variance
    }

    /// Summarises values in two passes (mean, then squared deviations), as numpy's `var(ddof=1)` does.
    /// (`Statistics.sampleVariance` squares the standard deviation, which is an ulp off the exact variance.)
    package init(_ values: [Double]) {
        n = values.count
        mean = Statistics.mean(values)
        guard let m = mean, values.count >= 2 else { variance = nil; return }
        var squares = 0.0
        for value in values { squares += (value - m) * (value - m) }
        variance = squares / Double(values.count - 1)
    }

    /// √variance.
    package var standardDeviation: Double? { variance.map { $0.squareRoot() } }
}

/// Welch's unequal-variances t-test of treatment against control.
package struct WelchTest: Sendable, Encodable, Equatable {
    /// t = (mean_t − mean_c) / se, with se = √(s²_t/n_t + s²_c/n_c).
    package var t: Double
    /// Welch–Satterthwaite degrees of freedom.
    package var df: Double
    /// Two-sided p-value 2·P(T_df > |t|).
    package var p: Double
    /// mean_t − mean_c.
    package var difference: Double
    /// The standard error se.
    package var standardError: Double
    /// difference − t_{1−α/2, df}·se.
    package var ciLow: Double
    /// difference + t_{1−α/2, df}·se.
    package var ciHigh: Double
}

/// Pearson's chi-square test of a 2×2 table (variant × success/failure), as scipy's chi2_contingency does by default.
package struct ChiSquareTest: Sendable, Encodable, Equatable {
    /// The statistic, with Yates' continuity correction.
    package var chiSquare: Double
    /// Degrees of freedom, 1 for a 2×2 table.
    package var dof: Int
    /// P(χ²₁ > chiSquare).
    package var p: Double
    /// Always true: Yates' correction is applied (scipy's default `correction=True` for one degree of freedom).
    package var yatesCorrection: Bool
    /// p_t − p_c, the difference in proportions.
    package var difference: Double
    /// Unpooled Wald interval: difference − z_{1−α/2}·√(p_c(1−p_c)/n_c + p_t(1−p_t)/n_t).
    package var ciLow: Double
    /// The interval's upper end.
    package var ciHigh: Double
}

/// The significance tests of A/B experiments; results agree with scipy to 1e-9 relative (see Fixtures/stats).
package enum Significance {
    /// Welch's t-test; nil when a variant has fewer than two observations or both variances are zero.
    package static func welch(control c: SampleSummary, treatment t: SampleSummary, confidence: Double) -> WelchTest? {
        guard c.n >= 2, t.n >= 2, let mc = c.mean, let mt = t.mean, let vc = c.variance, let vt = t.variance else { return nil }
        let ec = vc / Double(c.n), et = vt / Double(t.n)
        let se2 = ec + et
        guard se2 > 0, se2.isFinite else { return nil }
        let se = se2.squareRoot()
        let difference = mt - mc
        let statistic = difference / se
        let df = se2 * se2 / (ec * ec / Double(c.n - 1) + et * et / Double(t.n - 1))
        guard statistic.isFinite, df.isFinite, df > 0 else { return nil }
        let q = Distributions.studentTUpperQuantile((1 - confidence) / 2, df: df)
        return WelchTest(t: statistic, df: df, p: Distributions.studentTTwoSided(statistic, df: df),
                         difference: difference, standardError: se, ciLow: difference - q * se, ciHigh: difference + q * se)
    }

    /// Chi-square with Yates' correction on [[c_succ, c_fail], [t_succ, t_fail]]; nil when a row or column total is zero.
    package static func chiSquare(controlSuccesses cs: Int, controlN cn: Int, treatmentSuccesses ts: Int, treatmentN tn: Int,
                                  confidence: Double) -> ChiSquareTest? {
        guard cn > 0, tn > 0, (0...cn).contains(cs), (0...tn).contains(ts) else { return nil }
        let observed = [[Double(cs), Double(cn - cs)], [Double(ts), Double(tn - ts)]]
        let rows = [Double(cn), Double(tn)]
        let columns = [Double(cs + ts), Double(cn - cs + tn - ts)]
        let total = rows[0] + rows[1]
        guard columns.allSatisfy({ $0 > 0 }) else { return nil }
        var statistic = 0.0
        for i in 0..<2 {
            for j in 0..<2 {
                let expected = rows[i] * columns[j] / total
                let gap = expected - observed[i][j]
                // Yates: move each observed count toward its expectation by 0.5, never past it.
                let corrected = observed[i][j] + (gap < 0 ? -1 : gap > 0 ? 1 : 0) * min(0.5, abs(gap))
                statistic += (corrected - expected) * (corrected - expected) / expected
            }
        }
        let pc = Double(cs) / Double(cn), pt = Double(ts) / Double(tn)
        let se = (pc * (1 - pc) / Double(cn) + pt * (1 - pt) / Double(tn)).squareRoot()
        let z = Distributions.normalUpperQuantile((1 - confidence) / 2)
        return ChiSquareTest(chiSquare: statistic, dof: 1, p: Distributions.chiSquareSurvival(statistic, k: 1),
                             yatesCorrection: true, difference: pt - pc, ciLow: pt - pc - z * se, ciHigh: pt - pc + z * se)
    }
}
