import FlightdeckCore

/// A time axis that gives every interval between stops (a rollout's stages) a minimum share of its width, so a
/// four-hour stage after three-day ones stays readable. Within an interval time is linear; where the scale
/// changes between neighbouring intervals the axis draws a break mark, and the ticks are the stops themselves.
enum StopAxis {
    /// The least share of the width an interval gets: a tenth, or less when there are many intervals.
    static func minimumShare(intervals: Int) -> Double { min(0.1, 0.6 / Double(max(intervals, 1))) }

    /// The stops from `lo` to `hi` with the fraction of the width each sits at, or nil when fewer than two
    /// intervals remain (no stop strictly inside) or the domain is empty.
    static func stops(_ values: [Double], lo: Double, hi: Double) -> [(value: Double, fraction: Double)]? {
        guard lo.isFinite, hi.isFinite, hi > lo else { return nil }
        let inside = Array(Set(values.filter { $0.isFinite && $0 > lo && $0 < hi })).sorted()
        guard !inside.isEmpty else { return nil }
        let edges = [lo] + inside + [hi]
        let lengths = zip(edges, edges.dropFirst()).map { $1 - $0 }
        let floor = minimumShare(intervals: lengths.count)
        // Water-filling: intervals under the floor get it; the rest share what is left in proportion to time.
        var raised = Set<Int>()
        var shares: [Double] = []
        while true {
            let free = lengths.indices.filter { !raised.contains($0) }
            let room = 1 - Double(raised.count) * floor
            let freeTime = free.reduce(0.0) { $0 + lengths[$1] }
            shares = lengths.indices.map { raised.contains($0) ? floor : (freeTime > 0 ? lengths[$0] / freeTime * room : room / Double(max(free.count, 1))) }
            let newlyRaised = free.filter { shares[$0] < floor }
            if newlyRaised.isEmpty || raised.count + newlyRaised.count == lengths.count { break }
            raised.formUnion(newlyRaised)
        }
        var fraction = 0.0
        var stops: [(value: Double, fraction: Double)] = [(lo, 0)]
        for (index, share) in shares.enumerated() {
            fraction += share
            stops.append((edges[index + 1], index == shares.count - 1 ? 1 : fraction))
        }
        return stops
    }

    /// The stops where the scale changes by more than half between the intervals either side (the breaks marked).
    static func breaks(_ stops: [(value: Double, fraction: Double)]) -> [Double] {
        guard stops.count >= 3 else { return [] }
        var found: [Double] = []
        for index in 1..<(stops.count - 1) {
            let before = (stops[index].fraction - stops[index - 1].fraction) / max(stops[index].value - stops[index - 1].value, 1e-9)
            let after = (stops[index + 1].fraction - stops[index].fraction) / max(stops[index + 1].value - stops[index].value, 1e-9)
            if max(before, after) / max(min(before, after), 1e-12) > 1.5 { found.append(stops[index].value) }
        }
        return found
    }

    /// Ticks at the stops, labelled "May 12" at midnight and "May 12 08:00" otherwise (times alone within one
    /// day), leaving out a label that would touch the one before it on an axis `length` long.
    static func ticks(_ stops: [(value: Double, fraction: Double)], length: Double) -> TickSet {
        let oneDay = (stops.last?.value ?? 0) - (stops.first?.value ?? 0) < 86_400
        var values: [Double] = [], labels: [String] = []
        var lastEnd = -Double.infinity
        for stop in stops {
            guard let time = CivilTime(epochSeconds: stop.value) else { continue }
            let label = oneDay ? time.hourMinute
                : (time.hour == 0 && time.minute == 0 ? time.monthDay : time.monthDay + " " + time.hourMinute)
            let width = TextMetrics.width(label, size: TextMetrics.tickSize)
            let centre = stop.fraction * length
            guard centre - width / 2 >= lastEnd + 8 else { continue }
            values.append(stop.value)
            labels.append(label)
            lastEnd = centre + width / 2
        }
        return TickSet(lo: stops.first?.value ?? 0, hi: stops.last?.value ?? 1, values: values, labels: labels)
    }
}
