/// One chart's `<svg>`: the accessible root, the drawing, and the `<defs>` for the patterns and markers it used.
struct ChartDocument {
    /// The id stem every element id of this chart starts with.
    let stem: String
    /// The drawing.
    var writer: SVGWriter
    private var fills: Set<FillStyle> = []
    private var markers: Set<Int> = []

    /// Opens `<svg>` with `role="img"`, its `<title>` and `<desc>` referenced by `aria-labelledby`.
    init(kind: String, id: String, title: String, description: String, width: Double, height: Double, capacity: Int = 8192) {
        stem = Escape.identifier(id)
        writer = SVGWriter(capacity: capacity)
        writer.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fd-chart fd-chart-" + kind + "\" id=\"" + stem + "\" viewBox=\"0 0 ")
        writer.number(width)
        writer.raw(" ")
        writer.number(height)
        writer.raw("\" width=\"100%\" font-size=\"12\" role=\"img\" aria-labelledby=\"" + stem + "-title " + stem + "-desc\">")
        writer.raw("<title id=\"" + stem + "-title\">" + Escape.xml(title) + "</title>")
        writer.raw("<desc id=\"" + stem + "-desc\">" + Escape.xml(description) + "</desc>")
    }

    /// The class list and `fill` attribute that paint a shape in `style`, recording the pattern for `<defs>`.
    mutating func paint(_ style: FillStyle, base: String) -> (classes: String, fill: String?) {
        if style.pattern == .solid { return (base + " fd-fill " + style.colorClass, nil) }
        fills.insert(style)
        return (base + " " + style.colorClass, "url(#" + patternID(style) + ")")
    }

    /// Draws marker `shape` at (x, y) with `<use>`, recording the shape for `<defs>`.
    mutating func marker(_ shape: Int, x: Double, y: Double, tooltip: String? = nil) {
        let index = shape % SeriesStyle.markers.count
        markers.insert(index)
        writer.raw("<use class=\"fd-marker\" href=\"#" + stem + "-m" + String(index) + "\"")
        writer.attribute("x", x)
        writer.attribute("y", y)
        if let tooltip {
            writer.raw("><title>" + Escape.xml(tooltip) + "</title></use>")
        } else {
            writer.raw("/>")
        }
    }

    /// A centred "No data" note for charts with nothing to draw.
    mutating func emptyNote(in plot: Rect) {
        writer.label("No data", x: plot.midX, y: plot.midY, class: "fd-empty", anchor: .middle, middle: true)
    }

    /// Closes the drawing and returns the whole `<svg>`.
    mutating func finish() -> String {
        if !fills.isEmpty || !markers.isEmpty {
            writer.raw("<defs>")
            for style in fills.sorted() {
                writer.raw("<pattern id=\"" + patternID(style) + "\" class=\"" + style.colorClass
                    + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"fd-pat-bg\" width=\"6\" height=\"6\"/>"
                    + style.pattern.ink + "</pattern>")
            }
            for index in markers.sorted() {
                writer.raw("<path id=\"" + stem + "-m" + String(index) + "\" d=\"" + SeriesStyle.markers[index] + "\"/>")
            }
            writer.raw("</defs>")
        }
        writer.raw("</svg>")
        return writer.text
    }

    private func patternID(_ style: FillStyle) -> String {
        stem + "-p-" + style.colorClass.dropFirst(3) + "-" + String(style.pattern.rawValue)
    }
}
