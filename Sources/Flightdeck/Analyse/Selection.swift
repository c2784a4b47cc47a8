/// Order statistics without a full sort: quickselect (median-of-three pivots, Hoare partition), O(n) on average.
enum Selection {
    /// Rearranges `values` so that `values[k]` is the k-th smallest, everything before it ≤ and after it ≥.
    static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int) {
        var low = 0, high = values.count - 1
        while high > low {
            if high - low < 16 {
                // Insertion sort for short ranges.
                for i in (low + 1)...high {
                    let value = values[i]
                    var j = i - 1
                    while j >= low, values[j] > value { values[j + 1] = values[j]; j -= 1 }
                    values[j + 1] = value
                }
                return
            }
            let mid = low + (high - low) / 2
            if values[mid] < values[low] { values.swapAt(mid, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[mid] { values.swapAt(high, mid) }
            let pivot = values[mid]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return }
        }
    }

    /// numpy's linear-method quantile of unsorted values (the same result as `Statistics.quantile` on sorted ones).
    static func quantile(_ values: inout [Double], _ fraction: Double) -> Double? {
        guard !values.isEmpty, (0...1).contains(fraction) else { return nil }
        let n = Double(values.count)
        let index = n * fraction + (1 + fraction * -1) - 1
        let lowerIndex = min(max(0, Int(index.rounded(.down))), values.count - 1)
        return values.withUnsafeMutableBufferPointer { buffer -> Double? in
            select(buffer, lowerIndex)
            let a = buffer[lowerIndex]
            var b = a
            if lowerIndex + 1 < buffer.count {
                b = buffer[lowerIndex + 1]
                for k in (lowerIndex + 2)..<buffer.count where buffer[k] < b { b = buffer[k] }
            }
            let t = index - Double(lowerIndex)
            let difference = b - a
            let value = t >= 0.5 ? b - difference * (1 - t) : a + difference * t
            return Statistics.finite(a == b ? a : value)
        }
    }
}
