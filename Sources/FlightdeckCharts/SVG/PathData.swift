/// Builds compact path data ("M1 2L3 4…") with coordinates as `SVGWriter` writes them.
struct PathData {
    private(set) var writer = SVGWriter(capacity: 256)

    /// Whether nothing has been drawn yet.
    var isEmpty: Bool { writer.isEmpty }
    /// The path data.
    var text: String { writer.text }

    /// Starts a subpath at (x, y).
    mutating func move(_ x: Double, _ y: Double) {
        command("M", x, y)
    }

    /// A straight line to (x, y).
    mutating func line(_ x: Double, _ y: Double) {
        command("L", x, y)
    }

    /// A horizontal line to x.
    mutating func horizontal(_ x: Double) {
        writer.raw("H")
        writer.number(x)
    }

    /// A vertical line to y.
    mutating func vertical(_ y: Double) {
        writer.raw("V")
        writer.number(y)
    }

    /// A circular arc of `radius` to (x, y).
    mutating func arc(radius: Double, large: Bool, sweep: Bool, _ x: Double, _ y: Double) {
        writer.raw("A")
        writer.number(radius)
        writer.raw(" ")
        writer.number(radius)
        writer.raw(large ? " 0 1 " : " 0 0 ")
        writer.raw(sweep ? "1 " : "0 ")
        writer.number(x)
        writer.raw(" ")
        writer.number(y)
    }

    /// Closes the subpath.
    mutating func close() {
        writer.raw("Z")
    }

    private mutating func command(_ letter: String, _ x: Double, _ y: Double) {
        writer.raw(letter)
        writer.number(x)
        writer.raw(" ")
        writer.number(y)
    }
}
