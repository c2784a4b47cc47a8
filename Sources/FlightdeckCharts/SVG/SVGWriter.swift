/// Writes SVG elements into a string: coordinates with at most one decimal, every data string escaped.
///
/// The markup gathers as UTF-8 bytes and becomes a `String` once, in `text`: appending many short pieces to a
/// `String` costs a check of its storage each time, and concatenated pieces cost a temporary string each.
struct SVGWriter {
    /// How a text label is anchored at its point.
    enum Anchor: String {
        case start, middle, end
    }

    private var bytes: [UInt8] = []
    /// The colour and dash of each open group, innermost last (what `--fd-c` and `fd-kN` give in `charts.css`).
    private var groups: [(color: String?, dash: String?)] = []
    /// The full text of every label that was drawn shortened, in drawing order, for the chart's `<desc>`.
    private(set) var shortenedLabels: [String] = []

    init(capacity: Int = 8192) {
        bytes.reserveCapacity(capacity)
    }

    /// The markup written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether nothing has been written.
    var isEmpty: Bool { bytes.isEmpty }

    /// How many bytes of markup have been written.
    var count: Int { bytes.count }

    /// Appends markup that is already safe (element names, fixed attributes).
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends what another writer wrote.
    mutating func raw(_ other: SVGWriter) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Appends a coordinate: one decimal at most, no "-0", kept within ±1,000,000.
    mutating func number(_ value: Double) {
        let clamped = value.isFinite ? min(max(value, -1e6), 1e6) : 0
        let tenths = Int((clamped * 10).rounded())
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = tenths.magnitude
        digits(magnitude / 10)
        if magnitude % 10 != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    /// Appends the decimal digits of `value`.
    private mutating func digits(_ value: UInt) {
        guard value >= 10 else { return bytes.append(UInt8(ascii: "0") + UInt8(value)) }
        digits(value / 10)
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// The text of a coordinate, as `number` writes it.
    static func format(_ value: Double) -> String {
        var writer = SVGWriter(capacity: 8)
        writer.number(value)
        return writer.text
    }

    /// Appends ` name="value"` with a coordinate value.
    mutating func attribute(_ name: String, _ value: Double) {
        raw(" ")
        raw(name)
        raw("=\"")
        number(value)
        raw("\"")
    }

    /// Appends `<element class="name"` and the presentation attributes of its classes: the start of an element.
    mutating func open(_ element: String, class name: String) {
        raw("<")
        raw(element)
        raw(" class=\"")
        raw(name)
        raw("\"")
        let context = groups.last
        for (attribute, value) in Presentation.attributes(classes: name, inherited: context?.color ?? nil, dash: context?.dash ?? nil) {
            raw(" ")
            raw(attribute)
            raw("=\"")
            raw(value)
            raw("\"")
        }
    }

    /// Appends ` fill="…"` when there is a fill.
    private mutating func fill(_ fill: String?) {
        guard let fill else { return }
        raw(" fill=\"")
        raw(fill)
        raw("\"")
    }

    /// `<rect>` with a class, an optional pattern fill and an optional tooltip.
    mutating func rect(_ r: Rect, class name: String, fill: String? = nil, tooltip: String? = nil) {
        open("rect", class: name)
        attribute("x", r.x)
        attribute("y", r.y)
        attribute("width", max(r.width, 0))
        attribute("height", max(r.height, 0))
        self.fill(fill)
        close(tooltip: tooltip, element: "rect")
    }

    /// `<line>` from (x1, y1) to (x2, y2).
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class name: String) {
        open("line", class: name)
        attribute("x1", x1)
        attribute("y1", y1)
        attribute("x2", x2)
        attribute("y2", y2)
        raw("/>")
    }

    /// `<path>` with the path data of `data`.
    mutating func path(_ data: PathData, class name: String, fill: String? = nil, tooltip: String? = nil) {
        open("path", class: name)
        raw(" d=\"")
        raw(data.writer)
        raw("\"")
        self.fill(fill)
        close(tooltip: tooltip, element: "path")
    }

    /// `<circle>` at (cx, cy).
    mutating func circle(_ cx: Double, _ cy: Double, radius: Double, class name: String, tooltip: String? = nil) {
        open("circle", class: name)
        attribute("cx", cx)
        attribute("cy", cy)
        attribute("r", radius)
        close(tooltip: tooltip, element: "circle")
    }

    /// `<text>` of escaped `content` at (x, y); `full` becomes a `<title>` tooltip when the label was shortened.
    mutating func label(_ content: String, x: Double, y: Double, class name: String,
                        anchor: Anchor = .start, rotate: Double? = nil, middle: Bool = false, full: String? = nil) {
        open("text", class: name)
        attribute("x", x)
        attribute("y", y)
        if anchor != .start {
            raw(" text-anchor=\"")
            raw(anchor.rawValue)
            raw("\"")
        }
        if middle { raw(" dy=\".35em\"") }
        if let rotate {
            raw(" transform=\"rotate(")
            number(rotate)
            raw(" ")
            number(x)
            raw(" ")
            number(y)
            raw(")\"")
        }
        raw(">")
        if let full { fullText(full) }
        raw(Escape.svg(content))
        raw("</text>")
    }

    /// `<text>` of several lines centred at `x`, the first on `y`, each next one `lineHeight` below (`<tspan>`s);
    /// `full` becomes a `<title>` tooltip when the lines do not hold the whole text.
    mutating func label(lines: [String], x: Double, y: Double, lineHeight: Double, class name: String, full: String? = nil) {
        open("text", class: name)
        attribute("x", x)
        attribute("y", y)
        raw(" text-anchor=\"middle\">")
        if let full { fullText(full) }
        for (index, line) in lines.enumerated() {
            raw("<tspan")
            attribute("x", x)
            attribute("y", y + Double(index) * lineHeight)
            raw(">")
            raw(Escape.svg(line))
            raw("</tspan>")
        }
        raw("</text>")
    }

    /// The `<title>` of a shortened label, whose full text the chart's `<desc>` also spells out.
    private mutating func fullText(_ full: String) {
        shortenedLabels.append(full)
        raw("<title>")
        raw(Escape.svg(full))
        raw("</title>")
    }

    /// Opens `<g class="…">`, with a `<title>` tooltip for the whole group when one is given; the marks inside
    /// take the group's colour class (`fd-s2`, `fd-tone-…`) and dash (`fd-k2`…) unless they name their own.
    mutating func group(_ name: String, tooltip: String? = nil) {
        let outer = groups.last
        let color = name.split(separator: " ").lazy.compactMap(Palette.color(ofClass:)).first ?? outer?.color ?? nil
        groups.append((color, Presentation.dash(ofGroup: name) ?? outer?.dash ?? nil))
        raw("<g class=\"")
        raw(name)
        raw("\">")
        if let tooltip {
            raw("<title>")
            raw(Escape.svg(tooltip, limit: Limits.maxTooltipLength))
            raw("</title>")
        }
    }

    /// Closes the innermost `<g>`.
    mutating func endGroup() {
        if !groups.isEmpty { groups.removeLast() }
        raw("</g>")
    }

    /// Ends an element: with a `<title>` tooltip and a closing tag, or self-closed.
    mutating func close(tooltip: String?, element: String) {
        if let tooltip {
            raw("><title>")
            raw(Escape.svg(tooltip, limit: Limits.maxTooltipLength))
            raw("</title></")
            raw(element)
            raw(">")
        } else {
            raw("/>")
        }
    }
}
