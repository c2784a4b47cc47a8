import Foundation

/// Tail probabilities and quantiles of the normal, Student's t and chi-square distributions.
enum Distributions {
    /// P(T > t) for Student's t with `df` degrees of freedom (df > 0, may be fractional).
    static func studentTSurvival(_ t: Double, df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if t == 0 { return 0.5 }
        let t2 = t * t
        // P(|T| > t) = I_x(df/2, 1/2) with x = df / (df + t²); 1 − x and ln x are computed directly.
        let x = df / (df + t2), y = t2 / (df + t2)
        let logX = -log1p(t2 / df)
        let tail = df >= 200
            ? 0.5 * SpecialFunctions.incompleteBetaLargeA(df / 2, 0.5, logX: logX)
            : 0.5 * SpecialFunctions.incompleteBeta(df / 2, 0.5, x: x, y: y, logX: logX, logY: log(t2) - log(df + t2))
        return t >= 0 ? tail : 1 - tail
    }

    /// Two-sided p-value 2·P(T > |t|), at most 1.
    static func studentTTwoSided(_ t: Double, df: Double) -> Double {
        min(1, 2 * studentTSurvival(abs(t), df: df))
    }

    /// The density of Student's t.
    static func studentTDensity(_ t: Double, df: Double) -> Double {
        exp(-(df + 1) / 2 * log1p(t * t / df) - 0.5 * log(df) - SpecialFunctions.logBeta(df / 2, 0.5))
    }

    /// The t with P(T > t) = q, for 0 < q < 1: safeguarded Newton from a Cornish-Fisher start.
    static func studentTUpperQuantile(_ q: Double, df: Double) -> Double {
        guard q > 0, q < 1, df > 0 else { return .nan }
        if q == 0.5 { return 0 }
        if q > 0.5 { return -studentTUpperQuantile(1 - q, df: df) }
        let z = normalUpperQuantile(q)
        var t = z + (z * z * z + z) / (4 * df) + (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * df * df)
        if df == 1 { t = 1 / tan(Double.pi * q) }
        var low = 0.0, high = Double.infinity
        for _ in 0..<200 {
            if !(t > low && t < high) { t = high.isFinite ? (low + high) / 2 : max(2 * low, low + 1) }
            let excess = studentTSurvival(t, df: df) - q
            if excess > 0 { low = t } else { high = t }
            let next = t + excess / studentTDensity(t, df: df)
            if abs(next - t) <= 1e-15 * abs(t) { return next }
            t = next
        }
        return t
    }

    /// P(Z > z) for the standard normal.
    static func normalSurvival(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// The z with P(Z > z) = q, for 0 < q < 1: Abramowitz–Stegun 26.2.23 start, then Halley steps on erfc.
    static func normalUpperQuantile(_ q: Double) -> Double {
        guard q > 0, q < 1 else { return .nan }
        if q == 0.5 { return 0 }
        if q > 0.5 { return -normalUpperQuantile(1 - q) }
        let s = (-2 * log(q)).squareRoot()
        var z = s - (2.515517 + 0.802853 * s + 0.010328 * s * s) / (1 + 1.432788 * s + 0.189269 * s * s + 0.001308 * s * s * s)
        for _ in 0..<8 {
            // f(z) = Q(z) − q; f' = −φ(z); Halley's correction for the normal.
            let error = normalSurvival(z) - q
            let u = error * (2 * Double.pi).squareRoot() * exp(z * z / 2)
            let step = u / (1 - z * u / 2)
            z += step
            if abs(step) <= 1e-16 * abs(z) { break }
        }
        return z
    }

    /// P(X > x) for chi-square with `k` degrees of freedom.
    static func chiSquareSurvival(_ x: Double, k: Double) -> Double {
        SpecialFunctions.incompleteGammaQ(k / 2, x / 2)
    }
}
