import Foundation

extension SpecialFunctions {
    /// I_x(a, b) for large a and b ≤ 1 by DiDonato & Morris' asymptotic expansion (TOMS 708 BGRAT), from ln x.
    ///
    /// The continued fraction converges too slowly there (a t-test with millions of degrees of freedom);
    /// this expansion keeps about 1e-15 relative accuracy, tails included.
    static func incompleteBetaLargeA(_ a: Double, _ b: Double, logX: Double) -> Double {
        let bm1 = b - 1
        let nu = a + 0.5 * bm1
        let z = -nu * logX
        guard z > 0 else { return 1 }
        // u = e^{-z} z^b / Γ(b) · Γ(a+b) / (Γ(a) ν^b), in logs so nothing overflows.
        let logU = -z + b * log(z) - logBeta(a, b) - b * log(nu)
        var j = gammaQOverFront(b, z)
        let v = 0.25 / (nu * nu), t2 = 0.25 * logX * logX
        var sum = j, t = 1.0, cn = 1.0, n2 = 0.0
        var c = [Double](repeating: 0, count: 31), d = [Double](repeating: 0, count: 31)
        for n in 1...30 {
            let bp2n = b + n2
            j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v
            n2 += 2
            t *= t2
            cn /= n2 * (n2 + 1)
            c[n] = cn
            var s = 0.0
            if n > 1 {
                var coefficient = b - Double(n)
                for i in 1..<n {
                    s += coefficient * c[i] * d[n - i]
                    coefficient += b
                }
            }
            d[n] = bm1 * cn + s / Double(n)
            let term = d[n] * j
            sum += term
            if abs(term) <= 1e-16 * abs(sum) { break }
        }
        return exp(logU) * sum
    }

    /// Q(b, z) divided by e^{-z} z^b / Γ(b), without forming either when they are tiny.
    static func gammaQOverFront(_ b: Double, _ z: Double) -> Double {
        if z < b + 1 {
            var term = 1 / b, sum = term, n = b
            for _ in 0..<100_000 {
                n += 1
                term *= z / n
                sum += term
                if term < sum * 1e-17 { break }
            }
            let front = exp(-z + b * log(z) - lgamma(b))
            return (1 - sum * front) / front
        }
        let tiny = 1e-300
        var bb = z + 1 - b, c = 1 / tiny, d = 1 / bb, h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - b)
            bb += 2
            d = an * d + bb; if abs(d) < tiny { d = tiny }
            c = bb + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return h
    }
}
