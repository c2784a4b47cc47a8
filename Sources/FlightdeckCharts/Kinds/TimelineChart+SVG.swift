import FlightdeckCore

extension TimelineChart {
    /// The chart as an inline, accessible `<svg>`.
    public func svg() -> String {
        let rows = self.rows
        let drawn = rows.compactMap(\.item)
        let markers = Array(self.markers.filter(\.x.isFinite).prefix(Limits.maxEvents))
        let times = drawn.flatMap { [$0.start, Self.end($0)] } + markers.map(\.x)
        let probe = RowFrame(labels: rows.map { $0.item?.label ?? $0.section }, lo: times.min() ?? 0, hi: times.max() ?? 1,
                             format: format, title: xLabel, top: 0, stops: xStops)
        let labels = EventLabels(events: markers, scale: probe.scale, minX: probe.plot.x, maxX: RowFrame.width - 4)
        let frame = RowFrame(labels: rows.map { $0.item?.label ?? $0.section }, lo: times.min() ?? 0, hi: times.max() ?? 1,
                             format: format, title: xLabel, top: 8 + labels.height, stops: xStops)
        var notes: [String] = drawn.isEmpty ? ["No data."] : []
        if !StopAxis.breaks(frame.axis.stops).isEmpty {
            notes.append("Each interval of the time axis is drawn at least a tenth of its width wide, so the scale changes at the marked breaks.")
        }
        if items.count > drawn.count { notes.append("Showing \(drawn.count) of \(items.count) items.") }
        var doc = ChartDocument(kind: "timeline", id: id, title: title,
                                description: ([description] + notes).filter { !$0.isEmpty }.joined(separator: " "),
                                width: RowFrame.width, height: frame.height)
        guard !drawn.isEmpty else {
            return doc.finishEmpty()
        }
        let scale = frame.scale
        var sectionIndex = -1
        var lastSection: String?
        for (index, row) in rows.enumerated() {
            if row.section != lastSection { sectionIndex += 1; lastSection = row.section }
            guard let item = row.item else {
                let y = frame.rowY(index)
                doc.writer.rect(Rect(x: 0, y: y - frame.rowHeight / 2, width: RowFrame.width, height: frame.rowHeight), class: "fd-section-band")
                let short = TextMetrics.truncated(row.section, toWidth: RowFrame.width - 12, size: TextMetrics.tickSize)
                doc.writer.label(short ?? row.section, x: 6, y: y, class: "fd-section", middle: true, full: short == nil ? nil : row.section)
                continue
            }
            frame.drawLabel(item.label, row: index, in: &doc)
        }
        frame.axis.drawHorizontal(in: &doc, plot: frame.plot, width: RowFrame.width)
        sectionIndex = -1
        lastSection = nil
        for (index, row) in rows.enumerated() {
            if row.section != lastSection { sectionIndex += 1; lastSection = row.section }
            guard let item = row.item else { continue }
            let y = frame.rowY(index), end = Self.end(item)
            let style = item.tone.map(FillStyle.tone) ?? .series(sectionIndex)
            var tip = item.label + ": " + format.format(item.start)
            if end > item.start { tip += " to " + format.format(end) + " (" + FigureText.duration(seconds: end - item.start) + ")" }
            if end > item.start {
                let paint = doc.paint(style, base: "fd-bar")
                doc.writer.rect(Rect(x: scale(item.start), y: y - 7, width: max(scale(end) - scale(item.start), 2), height: 14),
                                class: paint.classes, fill: paint.fill, tooltip: tip)
            } else {
                doc.writer.group("fd-milestone " + style.colorClass)
                doc.marker(3, x: scale(item.start), y: y, tooltip: tip)
                doc.writer.endGroup()
            }
        }
        labels.draw(in: &doc, plot: frame.plot, top: 8, format: format)
        return doc.finish()
    }
}
