import Testing
@testable import FlightdeckCharts

@Suite struct LayoutTests {
    @Test func shortLabelsStayHorizontal() {
        let axis = CategoryAxis(labels: ["a", "b", "c"], title: "", band: 100)
        #expect(!axis.rotated && axis.every == 1)
    }

    @Test func longLabelsRotateThinAndTruncate() {
        let labels = (1...60).map { "a-rather-long-category-name-number-\($0)" }
        let axis = CategoryAxis(labels: labels, title: "x", band: 9)
        #expect(axis.rotated)
        #expect(axis.every > 1)
        #expect(axis.maxWidth <= CategoryAxis.maxRotatedWidth)
        var doc = ChartDocument(kind: "t", id: "t", title: "t", description: "", width: 640, height: 320)
        axis.draw(in: &doc, plot: Rect(x: 40, y: 10, width: 540, height: 200), centres: labels.indices.map { 40 + Double($0) * 9 })
        let svg = doc.finish()
        let check = XMLCheck(svg)
        #expect(check.isWellFormed)
        // Shown labels are shortened with "…" and keep their full text in a <title>.
        #expect(svg.contains("<title>a-rather-long-category-name-number-1</title>"))
        #expect(svg.contains("…"))
        #expect(!svg.contains("number-2</title>"), "thinned labels are not drawn")
    }

    @Test func eventLabelsNeverOverlapInARow() {
        let scale = LinearScale(domain: 0, 100, range: 50, 600)
        let events = (0..<10).map { EventMarker(label: "advance to stage \($0)", x: Double($0) * 4) }
        let labels = EventLabels(events: events, scale: scale, minX: 50, maxX: 636)
        #expect(labels.rows <= EventLabels.preferredRows)
        #expect(labels.placed.allSatisfy { $0.text == $0.event.label }, "no label is shortened")
        for row in 0..<labels.rows {
            let spans = labels.placed.filter { $0.row == row && $0.text != nil }
                .map { ($0.start, $0.end) }
                .sorted { $0.0 < $1.0 }
            for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.1 <= b.0, "row \(row): \(a) overlaps \(b)") }
            #expect(spans.allSatisfy { $0.0 >= 50 && $0.1 <= 636.5 })
        }
        #expect(labels.placed.count == events.count, "every event keeps its line and tooltip")
    }

    /// Crowded events with long labels (a rollback a minute after an advance, a dozen pauses) keep their whole
    /// labels: past the preferred rows a label moves along a row, joined to its line by a leader, and rows never
    /// hold overlapping labels.
    @Test func crowdedLabelsAreNeverShortenedAndMovedOnesGetALeader() {
        let scale = LinearScale(domain: 0, 100, range: 50, 600)
        let events = (0..<16).map { EventMarker(label: "advance → general_availability_stage_\($0)", x: Double($0) * 0.5) }
        let labels = EventLabels(events: events, scale: scale, minX: 50, maxX: 636)
        #expect(labels.placed.count == events.count)
        #expect(labels.placed.allSatisfy { $0.text == $0.event.label }, "no label is shortened")
        for row in 0..<labels.rows {
            let spans = labels.placed.filter { $0.row == row }.map { ($0.start, $0.end) }.sorted { $0.0 < $1.0 }
            for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.1 + EventLabels.gap <= b.0 + 0.001, "row \(row): \(a) overlaps \(b)") }
            #expect(spans.allSatisfy { $0.0 >= 50 && $0.1 <= 636.001 })
        }
        let moved = labels.placed.filter { $0.x < $0.start - 1 || $0.x > $0.end + 1 }
        #expect(!moved.isEmpty && moved.allSatisfy { $0.leaderEnd != nil }, "a label beside its line has a leader")
        #expect(labels.placed.filter { $0.x >= $0.start - 1 && $0.x <= $0.end + 1 }.allSatisfy { $0.leaderEnd == nil })
    }

    /// Event labels at either end of the x axis stay inside the SVG: the one at the right end is anchored to its end.
    @Test func eventLabelsAtTheEdgesStayInsideTheChart() throws {
        let events = [EventMarker(label: "rollback → early_adopters", x: 0), EventMarker(label: "pause", x: 50),
                      EventMarker(label: "advance → expanded", x: 100)]
        let chart = StepChart(id: "t", title: "t", format: .percent(decimals: 0),
                              series: [LineSeries(name: "s", x: [0, 100], y: [5, 25])], events: events, yRange: 0...100)
        let svg = chart.svg()
        let check = XMLCheck(svg)
        #expect(check.isWellFormed)
        let plotLeft = try #require(check.attributes.first { $0["class"]?.hasPrefix("fd-grid") == true }?["x1"].flatMap(Double.init))
        let labels = check.attributes.filter { $0["class"] == "fd-event-label" }
        try #require(labels.count == events.count)
        // Estimated like the module's other labels, at 11px bold (charts.css draws event labels bold, up to 15% wider).
        for (attributes, event) in zip(labels, events) {
            let x = try #require(attributes["x"].flatMap(Double.init))
            let width = TextMetrics.width(event.label, size: TextMetrics.tickSize * 1.15)
            let (left, right): (Double, Double) = switch attributes["text-anchor"] ?? "start" {
            case "end": (x - width, x)
            case "middle": (x - width / 2, x + width / 2)
            default: (x, x + width)
            }
            #expect(left >= plotLeft - 0.05 && right <= 640, "\(event.label): \(left)...\(right) in \(plotLeft)...640")
        }
        #expect(labels[0]["text-anchor"] == nil && labels[0]["x"].flatMap(Double.init) == plotLeft, "the first label starts at the plot's left")
        #expect(labels[1]["text-anchor"] == "middle", "a label with room is centred on its line")
        #expect(labels[2]["text-anchor"] == "end", "the last label ends at the right edge")
        #expect((labels[2]["x"].flatMap(Double.init) ?? 641) <= 640)
    }

    @Test func truncationKeepsWholeCharacters() throws {
        let family = "👩‍👩‍👧‍👦"
        let short = try #require(TextMetrics.truncated(family + family + family + " family", toWidth: 44, size: 12))
        #expect(short == family + family + "…")
        #expect(TextMetrics.width("e\u{301}", size: 10) == TextMetrics.width("e", size: 10))
        #expect(TextMetrics.truncated("ok", toWidth: 100, size: 12) == nil)
    }

    /// ASCII text is measured byte by byte; it must come to the very same width as character by character.
    @Test func asciiWidthsAreCharacterWidths() {
        var texts = ["", "a", "Hello, World!", "a\r\nb", "\r\n\r\n", "\r\r\n", "\n\r", "tabs\tand\u{7}bells\u{7F}", "MWmw@%"]
        texts += (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts.append(String((0..<128).map { Character(UnicodeScalar(UInt8($0))) }))
        for text in texts {
            #expect(TextMetrics.asciiWidth(text, size: 11) == TextMetrics.characterWidth(text, size: 11), "\(text.debugDescription)")
        }
    }

    @Test func rowLabelsFitTheirColumn() {
        let chart = HorizontalBarChart(id: "h", title: "h", bars: [Bar(label: String(repeating: "test_name_", count: 20), value: 3)])
        let svg = chart.svg()
        #expect(svg.contains("<title>" + String(repeating: "test_name_", count: 20) + "</title>"))
        #expect(svg.contains("…"))
    }
}

@Suite struct ThresholdLabelTests {
    @Test func closeThresholdLabelsDoNotCollide() throws {
        let chart = LineChart(id: "t", title: "t", format: .percent(decimals: 1),
                              series: [LineSeries(name: "s", x: [0, 1], y: [0, 10])],
                              thresholds: [Threshold(label: "warning", value: 5), Threshold(label: "critical", value: 5.2, tone: .critical),
                                           Threshold(label: "same", value: 5.1)])
        let svg = chart.svg()
        let ys = svg.components(separatedBy: "class=\"fd-threshold-label").dropFirst().compactMap { part -> Double? in
            guard let range = part.range(of: " y=\"") else { return nil }
            return Double(part[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(ys.count == 2, "the third label has no room and is left to its tooltip")
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(abs(a - b) >= 12) }
        #expect(svg.components(separatedBy: "class=\"fd-threshold ").count - 1 == 3, "every line is drawn")
    }
}
