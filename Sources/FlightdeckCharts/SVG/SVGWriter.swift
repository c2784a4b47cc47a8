/// Writes SVG elements into a string: coordinates with at most one decimal, every data string escaped.
struct SVGWriter {
    /// How a text label is anchored at its point.
    enum Anchor: String {
        case start, middle, end
    }

    private(set) var text = ""

    init(capacity: Int = 8192) {
        text.reserveCapacity(capacity)
    }

    /// Appends markup that is already safe (element names, fixed attributes).
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// Appends a coordinate: one decimal at most, no "-0", kept within ±1,000,000.
    mutating func number(_ value: Double) {
        let clamped = value.isFinite ? min(max(value, -1e6), 1e6) : 0
        let tenths = Int((clamped * 10).rounded())
        if tenths < 0 { text += "-" }
        let magnitude = tenths.magnitude
        text += String(magnitude / 10)
        if magnitude % 10 != 0 {
            text += "."
            text += String(magnitude % 10)
        }
    }

    /// The text of a coordinate, as `number` writes it.
    static func format(_ value: Double) -> String {
        var writer = SVGWriter(capacity: 8)
        writer.number(value)
        return writer.text
    }

    /// Appends ` name="value"` with a coordinate value.
    mutating func attribute(_ name: String, _ value: Double) {
        text += " " + name + "=\""
        number(value)
        text += "\""
    }

    /// `<rect>` with a class, an optional pattern fill and an optional tooltip.
    mutating func rect(_ r: Rect, class name: String, fill: String? = nil, tooltip: String? = nil) {
        text += "<rect class=\"" + name + "\""
        attribute("x", r.x)
        attribute("y", r.y)
        attribute("width", max(r.width, 0))
        attribute("height", max(r.height, 0))
        if let fill { text += " fill=\"" + fill + "\"" }
        close(tooltip: tooltip, element: "rect")
    }

    /// `<line>` from (x1, y1) to (x2, y2).
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class name: String) {
        text += "<line class=\"" + name + "\""
        attribute("x1", x1)
        attribute("y1", y1)
        attribute("x2", x2)
        attribute("y2", y2)
        text += "/>"
    }

    /// `<path>` with path data built by `PathData`.
    mutating func path(_ data: String, class name: String, fill: String? = nil, tooltip: String? = nil) {
        text += "<path class=\"" + name + "\" d=\"" + data + "\""
        if let fill { text += " fill=\"" + fill + "\"" }
        close(tooltip: tooltip, element: "path")
    }

    /// `<circle>` at (cx, cy).
    mutating func circle(_ cx: Double, _ cy: Double, radius: Double, class name: String, tooltip: String? = nil) {
        text += "<circle class=\"" + name + "\""
        attribute("cx", cx)
        attribute("cy", cy)
        attribute("r", radius)
        close(tooltip: tooltip, element: "circle")
    }

    /// `<text>` of escaped `content` at (x, y); `full` becomes a `<title>` tooltip when the label was shortened.
    mutating func label(_ content: String, x: Double, y: Double, class name: String,
                        anchor: Anchor = .start, rotate: Double? = nil, middle: Bool = false, full: String? = nil) {
        text += "<text class=\"" + name + "\""
        attribute("x", x)
        attribute("y", y)
        if anchor != .start { text += " text-anchor=\"" + anchor.rawValue + "\"" }
        if middle { text += " dy=\".35em\"" }
        if let rotate {
            text += " transform=\"rotate("
            number(rotate)
            text += " "
            number(x)
            text += " "
            number(y)
            text += ")\""
        }
        text += ">"
        if let full { text += "<title>" + Escape.svg(full) + "</title>" }
        text += Escape.svg(content) + "</text>"
    }

    /// Opens `<g class="…">`.
    mutating func group(_ name: String) {
        text += "<g class=\"" + name + "\">"
    }

    /// Closes the innermost `<g>`.
    mutating func endGroup() {
        text += "</g>"
    }

    private mutating func close(tooltip: String?, element: String) {
        if let tooltip {
            text += "><title>" + Escape.svg(tooltip, limit: Limits.maxTooltipLength) + "</title></" + element + ">"
        } else {
            text += "/>"
        }
    }
}
