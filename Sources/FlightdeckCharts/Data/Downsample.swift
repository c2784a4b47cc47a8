/// Largest-triangle-three-buckets downsampling (Steinarsson 2013): keeps the shape of a long series in few points.
enum Downsample {
    /// At most `threshold` of `points` (sorted by x), always keeping the first and the last.
    static func lttb(_ points: [Point], threshold wanted: Int) -> [Point] {
        let count = points.count
        let threshold = max(wanted, 0)
        guard threshold < count else { return points }
        guard threshold >= 3 else { return threshold <= 1 ? Array(points.prefix(threshold)) : [points[0], points[count - 1]] }
        var sampled: [Point] = []
        sampled.reserveCapacity(threshold)
        sampled.append(points[0])
        let bucketSize = Double(count - 2) / Double(threshold - 2)
        var anchor = 0
        for bucket in 0..<(threshold - 2) {
            let start = Int(Double(bucket) * bucketSize) + 1
            let end = min(Int(Double(bucket + 1) * bucketSize) + 1, count - 1)
            let nextStart = end
            let nextEnd = min(Int(Double(bucket + 2) * bucketSize) + 1, count)
            var avgX = 0.0, avgY = 0.0
            for index in nextStart..<max(nextEnd, nextStart + 1) where index < count {
                avgX += points[index].x
                avgY += points[index].y
            }
            let span = Double(max(min(nextEnd, count) - nextStart, 1))
            avgX /= span
            avgY /= span
            let a = points[anchor]
            var best = start, bestArea = -1.0
            for index in start..<max(end, start + 1) {
                let p = points[index]
                let area = abs((a.x - avgX) * (p.y - a.y) - (a.x - p.x) * (avgY - a.y))
                if area > bestArea { bestArea = area; best = index }
            }
            sampled.append(points[best])
            anchor = best
        }
        sampled.append(points[count - 1])
        return sampled
    }
}
