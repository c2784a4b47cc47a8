/// The presentation attributes (`fill`, `stroke`, `font-size`…) each chart class gets in the SVG itself, mirroring
/// the light-scheme rules of `charts.css`, so a chart shown without that stylesheet looks the same.
///
/// A mark's colour comes from its own colour class (`fd-s2`, `fd-tone-negative`) or from the innermost group
/// that has one, as `--fd-c` does in the stylesheet; line dashes come from a group's `fd-k2` … `fd-k8`. The thin
/// outline in the background colour that separates bars and slices is left to the stylesheet: 400 bars stay small.
enum Presentation {
    /// Stands for the mark's colour in `rules`.
    private static let markColor = "\u{0}c"

    /// Class → attributes, in the order of `charts.css`: a later rule overrides an earlier one, as there.
    private static let rules: [(token: Substring, attributes: [(String, String)])] = [
        ("fd-fill", [("fill", markColor)]),
        ("fd-pat-bg", [("fill", markColor)]),
        ("fd-marker", [("fill", markColor), ("stroke", Palette.background), ("stroke-width", "1")]),
        ("fd-line", [("fill", "none"), ("stroke", markColor), ("stroke-width", "2"), ("stroke-linejoin", "round"),
                     ("stroke-linecap", "round")]),
        ("fd-errorbar", [("fill", "none"), ("stroke", Palette.foreground), ("stroke-width", "1.2")]),
        ("fd-whisker", [("fill", "none"), ("stroke", Palette.foreground), ("stroke-width", "1.2")]),
        ("fd-box", [("fill", markColor), ("fill-opacity", "0.25"), ("stroke", markColor), ("stroke-width", "1.5")]),
        ("fd-median", [("stroke", Palette.foreground), ("stroke-width", "2")]),
        ("fd-outlier", [("fill", "none"), ("stroke", markColor), ("stroke-width", "1.2")]),
        ("fd-ci", [("stroke", markColor), ("stroke-width", "2")]),
        ("fd-estimate", [("fill", markColor), ("stroke", Palette.background)]),
        ("fd-spark", [("fill", "none"), ("stroke", markColor), ("stroke-width", "1.5")]),
        ("fd-grid", [("stroke", Palette.grid), ("stroke-width", "1")]),
        ("fd-zero", [("stroke", Palette.axis), ("stroke-width", "1.2")]),
        ("fd-baseline", [("stroke", Palette.axis), ("stroke-width", "1.2")]),
        ("fd-reference", [("stroke", Palette.axis), ("stroke-width", "1.2"), ("stroke-dasharray", "4 3")]),
        ("fd-tick", [("font-size", text(TypeScale.small)), ("fill", Palette.muted)]),
        ("fd-axis-title", [("font-size", text(TypeScale.small)), ("font-weight", "600"), ("fill", Palette.muted)]),
        ("fd-value", [("font-size", text(TypeScale.small))]),
        ("fd-empty", [("font-size", text(TypeScale.note)), ("fill", Palette.muted), ("font-style", "italic")]),
        ("fd-section", [("font-size", text(TypeScale.small)), ("font-weight", "700"), ("fill", Palette.muted)]),
        ("fd-section-band", [("fill", Palette.grid), ("fill-opacity", "0.35")]),
        ("fd-center-label", [("font-size", text(TypeScale.large)), ("font-weight", "700")]),
        ("fd-band", [("fill", markColor), ("fill-opacity", "0.16"), ("stroke", "none")]),
        ("fd-threshold", [("stroke", markColor), ("stroke-width", "1.5"), ("stroke-dasharray", "6 4")]),
        ("fd-threshold-label", [("font-size", text(TypeScale.small)), ("font-weight", "600"), ("fill", markColor)]),
        ("fd-event-line", [("stroke", markColor), ("stroke-width", "1.2"), ("stroke-dasharray", "2 3")]),
        ("fd-event-leader", [("stroke-dasharray", "none")]),
        ("fd-event-label", [("font-size", text(TypeScale.small)), ("font-weight", "600"), ("fill", markColor)]),
    ]

    /// `stroke-dasharray` of series lines 2…8 (`fd-k2` … `fd-k8`); series 1 is solid.
    static let dashes = ["7 3", "2 3", "9 3 2 3", "4 4", "12 4", "2 2 6 2", "1 4"]

    /// The attributes of an element with `classes`, painted in `inherited` unless a class of its own names a colour.
    static func attributes(classes: String, inherited: String?, dash: String?) -> [(name: String, value: String)] {
        let tokens = classes.split(separator: " ")
        let color = tokens.lazy.compactMap(Palette.color(ofClass:)).first ?? inherited ?? Palette.series[0]
        var out: [(name: String, value: String)] = []
        for rule in rules where tokens.contains(rule.token) {
            for (name, value) in rule.attributes {
                let resolved = value == markColor ? color : value
                if let index = out.firstIndex(where: { $0.name == name }) { out[index].value = resolved } else { out.append((name, resolved)) }
            }
        }
        if let dash, tokens.contains("fd-line") { out.append(("stroke-dasharray", dash)) }
        return out
    }

    /// The dash a group's `fd-kN` class sets, if any.
    static func dash(ofGroup classes: String) -> String? {
        for token in classes.split(separator: " ") where token.hasPrefix("fd-k") {
            if let number = Int(token.dropFirst(4)), (2...dashes.count + 1).contains(number) { return dashes[number - 2] }
        }
        return nil
    }

    /// A size as written in an attribute.
    private static func text(_ size: Double) -> String {
        size == size.rounded() ? String(Int(size)) : String(size)
    }
}
