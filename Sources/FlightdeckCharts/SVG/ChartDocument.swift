/// One chart's `<svg>`: the accessible root, the drawing, and the `<defs>` for the patterns and markers it used.
struct ChartDocument {
    /// The id stem every element id of this chart starts with.
    let stem: String
    /// The drawing (the root element is written around it by `finish`).
    var writer: SVGWriter
    /// The viewBox size.
    var width: Double
    var height: Double
    private let kind: String
    private let title: String
    private let description: String
    private var fills: Set<FillStyle> = []
    private var markers: Set<Int> = []

    /// A chart document whose root `<svg>` gets `role="img"` and a `<title>` and `<desc>` referenced by `aria-labelledby`.
    init(kind: String, id: String, title: String, description: String, width: Double, height: Double, capacity: Int = 8192) {
        stem = Escape.identifier(id)
        writer = SVGWriter(capacity: capacity)
        self.kind = kind
        self.title = title
        self.description = description
        self.width = width
        self.height = height
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
        writer.open("use", class: "fd-marker")
        writer.raw(" href=\"#")
        writer.raw(stem)
        writer.raw("-m")
        writer.raw(String(index))
        writer.raw("\"")
        writer.attribute("x", x)
        writer.attribute("y", y)
        writer.close(tooltip: tooltip, element: "use")
    }

    /// A short chart that only says "No data", whatever was drawn so far.
    mutating func finishEmpty() -> String {
        writer = SVGWriter(capacity: 64)
        fills = []
        markers = []
        height = 60
        writer.label("No data", x: width / 2, y: height / 2, class: "fd-empty", anchor: .middle, middle: true)
        return finish()
    }

    /// The whole `<svg>`: root, title, description, the drawing and the `<defs>` it used.
    mutating func finish() -> String {
        var root = SVGWriter(capacity: writer.count + 1024)
        root.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fd-chart fd-chart-" + kind + "\" id=\"" + stem + "\" viewBox=\"0 0 ")
        root.number(width)
        root.raw(" ")
        root.number(height)
        root.raw("\"")
        root.attribute("width", width)
        root.attribute("height", height)
        root.raw(" font-family=\"" + TypeScale.fontFamily + "\" font-size=\"" + String(Int(TypeScale.body)) + "\" fill=\""
            + Palette.foreground + "\" role=\"img\" aria-labelledby=\"" + stem + "-title " + stem + "-desc\">")
        root.raw("<title id=\"" + stem + "-title\">" + Escape.svg(title, limit: Limits.maxTitleLength) + "</title>")
        root.raw("<desc id=\"" + stem + "-desc\">" + Escape.svg(fullDescription, limit: Limits.maxTitleLength) + "</desc>")
        root.raw(writer)
        writer = root
        if !fills.isEmpty || !markers.isEmpty {
            writer.raw("<defs>")
            for style in fills.sorted() {
                writer.raw("<pattern id=\"" + patternID(style) + "\" class=\"" + style.colorClass
                    + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"fd-pat-bg\" fill=\""
                    + (Palette.color(ofClass: Substring(style.colorClass)) ?? Palette.series[0]) + "\" width=\"6\" height=\"6\"/>"
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

    /// The description, followed by the full text of the labels the drawing had to shorten.
    private var fullDescription: String {
        var seen = Set<String>()
        let shortened = writer.shortenedLabels.filter { seen.insert($0).inserted }
        guard !shortened.isEmpty else { return description }
        return description + (description.isEmpty ? "" : " ") + "Labels in full: " + shortened.joined(separator: "; ") + "."
    }

    private func patternID(_ style: FillStyle) -> String {
        stem + "-p-" + style.colorClass.dropFirst(3) + "-" + String(style.pattern.rawValue)
    }
}
