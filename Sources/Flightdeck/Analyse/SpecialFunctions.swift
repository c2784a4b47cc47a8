import Foundation

/// The special functions behind the significance tests, accurate to about 1e-13 relative where the result
/// is representable: regularized incomplete beta and gamma, log-beta without cancellation, and the normal,
/// Student's t and chi-square distribution functions and quantiles they give.
enum SpecialFunctions {
    /// ln B(a, b), computed from Stirling differences when an argument is large so that lgamma's large values do not cancel.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let small = min(a, b), large = max(a, b)
        if large < 10 { return lgamma(small) + lgamma(large) - lgamma(small + large) }
        let sum = small + large
        let correction = stirlingCorrection(large) - stirlingCorrection(sum)
        if small < 10 {
            // lgamma(L) − lgamma(L + s) = −(L − ½)·log1p(s/L) − s·ln(L + s) + s + corr(L) − corr(L + s)
            return lgamma(small) - (large - 0.5) * log1p(small / large) - small * log(sum) + small + correction
        }
        return 0.5 * log(2 * Double.pi) - 0.5 * log(small) + small * log(small / sum)
            - (large - 0.5) * log1p(small / large) + stirlingCorrection(small) + correction
    }

    /// lgamma(z) − [(z − ½)ln z − z + ½ln 2π] for z ≥ 10 (the Stirling series).
    static func stirlingCorrection(_ z: Double) -> Double {
        let r = 1 / z, r2 = r * r
        return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 * (1.0 / 1188 - r2 * 691.0 / 360_360)))))
    }

    /// The regularized incomplete beta I_x(a, b); `y` is 1 − x, passed separately so it keeps its precision,
    /// and so may ln x and ln y be (for x near 1, ln x from x alone loses digits that a large `a` multiplies).
    static func incompleteBeta(_ a: Double, _ b: Double, x: Double, y: Double, logX: Double? = nil, logY: Double? = nil) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        let front = exp(a * (logX ?? log(x)) + b * (logY ?? log(y)) - logBeta(a, b))
        if x < (a + 1) / (a + b + 2) { return front * betaFraction(a, b, x) / a }
        return 1 - front * betaFraction(b, a, y) / b
    }

    /// 1 − I_x(a, b), computed without cancellation when it is small.
    static func incompleteBetaComplement(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
        incompleteBeta(b, a, x: y, y: x)
    }

    /// The continued fraction of the incomplete beta (modified Lentz).
    private static func betaFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...500_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a - 1 + m2) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return h
    }

    /// The regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a).
    static func incompleteGammaQ(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 1 }
        let front = exp(-x + a * log(x) - lgamma(a))
        if x < a + 1 {
            // Series for P, then Q = 1 − P (Q is not small here).
            var term = 1 / a, sum = term, n = a
            for _ in 0..<100_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return max(0, 1 - sum * front)
        }
        // Continued fraction for Q (modified Lentz).
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return front * h
    }
}
