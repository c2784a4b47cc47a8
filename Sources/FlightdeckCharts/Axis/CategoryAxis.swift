import Foundation

/// Category labels under a plot: horizontal when they fit, otherwise rotated, thinned and truncated (full text in `<title>`).
/// Labels that share a long common prefix (`com.example.mdm.…`) are shortened from the start, keeping the part that
/// tells them apart.
struct CategoryAxis {
    static let angle = 40.0
    static let maxRotatedWidth = 140.0

    var labels: [String]
    var title: String
    /// Whether labels are rotated.
    private(set) var rotated = false
    /// Every how many categories a label is shown.
    private(set) var every = 1
    /// The widest a label may be before it is truncated.
    private(set) var maxWidth = 0.0
    /// Labels broken onto two lines under their band (horizontal labels that do not fit on one), or nil.
    private(set) var wrapped: [[String]]? = nil
    /// Whether labels are shortened from the start (they share a common prefix of 4 characters or more).
    private(set) var keepEnd = false

    /// Lays out `labels` for bands `band` units wide.
    init(labels: [String], title: String, band: Double) {
        self.labels = labels
        self.title = title
        keepEnd = labels.count > 1 && Self.commonPrefixLength(labels) >= 4
        let widest = labels.map { TextMetrics.width($0, size: TextMetrics.tickSize) }.max() ?? 0
        if widest + 6 <= band {
            maxWidth = band
            return
        }
        if band >= 44, labels.count <= 4 || band >= 72 {
            // Two lines under the band: wrapped at spaces and punctuation, the second shortened if need be.
            maxWidth = band - 6
            if !keepEnd {
                let lines = labels.map { TextMetrics.wrapped($0, toWidth: band - 6, size: TextMetrics.tickSize) }
                if lines.contains(where: { $0.count > 1 }) { wrapped = lines }
            }
            if labels.count <= 4 || wrapped.map({ Self.holdsWholeText($0, labels) }) == true { return }
            wrapped = nil
        }
        rotated = true
        maxWidth = min(widest, Self.maxRotatedWidth)
        let needed = TextMetrics.lineHeight / sin(Self.angle * .pi / 180)
        every = max(1, Int((needed / max(band, 0.1)).rounded(.up)))
    }

    /// Room the labels and title need below the plot.
    var bottomMargin: Double {
        let labelHeight = rotated ? maxWidth * sin(Self.angle * .pi / 180) + 14 : wrapped == nil ? 20 : 20 + TextMetrics.lineHeight
        return labelHeight + (title.isEmpty ? 4 : 22)
    }

    /// Draws labels centred under each band (`centres`), and the title.
    func draw(in doc: inout ChartDocument, plot: Rect, centres: [Double]) {
        doc.writer.group("fd-axis fd-axis-x")
        doc.writer.line(plot.x, plot.maxY, plot.maxX, plot.maxY, class: "fd-baseline")
        for (index, (label, x)) in zip(labels, centres).enumerated() where index % every == 0 {
            if let lines = wrapped?[index] {
                let whole = lines.joined(separator: " ") == label || lines.joined() == label
                doc.writer.label(lines: lines, x: x, y: plot.maxY + 16, lineHeight: TextMetrics.lineHeight, class: "fd-tick",
                                 full: whole ? nil : label)
                continue
            }
            let short = keepEnd ? TextMetrics.truncatedKeepingEnd(label, toWidth: maxWidth, size: TextMetrics.tickSize)
                : TextMetrics.truncated(label, toWidth: maxWidth, size: TextMetrics.tickSize)
            if rotated {
                doc.writer.label(short ?? label, x: x + 3, y: plot.maxY + 12, class: "fd-tick", anchor: .end,
                                 rotate: -Self.angle, full: short == nil ? nil : label)
            } else {
                doc.writer.label(short ?? label, x: x, y: plot.maxY + 16, class: "fd-tick", anchor: .middle,
                                 full: short == nil ? nil : label)
            }
        }
        if !title.isEmpty {
            let short = TextMetrics.truncated(title, toWidth: plot.width, size: TextMetrics.tickSize * TextMetrics.boldScale)
            doc.writer.label(short ?? title, x: plot.midX, y: plot.maxY + bottomMargin - 6, class: "fd-axis-title",
                             anchor: .middle, full: short == nil ? nil : title)
        }
        doc.writer.endGroup()
    }

    /// Whether every label's lines hold its whole text (nothing was shortened).
    static func holdsWholeText(_ wrapped: [[String]], _ labels: [String]) -> Bool {
        zip(wrapped, labels).allSatisfy { lines, label in lines.joined(separator: " ") == label || lines.joined() == label }
    }

    /// The number of leading characters every label shares.
    static func commonPrefixLength(_ labels: [String]) -> Int {
        guard let first = labels.first else { return 0 }
        var length = first.count
        for label in labels.dropFirst() {
            length = min(length, zip(first, label).prefix { $0 == $1 }.count)
            if length == 0 { break }
        }
        return length
    }
}
