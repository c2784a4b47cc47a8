/// How a filled shape is painted: a colour class (`fd-s1`…`fd-s8`, `fd-tone-…`) and a pattern drawn over it.
struct FillStyle: Hashable, Comparable {
    /// Texture patterns, so that fills differ without colour (and in greyscale print).
    enum Pattern: Int, CaseIterable, Comparable {
        case solid, diagonal, dots, horizontal, crosshatch, vertical, backDiagonal, grid

        static func < (a: Pattern, b: Pattern) -> Bool { a.rawValue < b.rawValue }

        /// The presentation attributes of hatch lines.
        private var hatch: String {
            " fill=\"none\" stroke=\"" + Palette.patternInk.color + "\" stroke-opacity=\"" + String(Palette.patternInk.opacity) + "\" stroke-width=\"1.4\""
        }

        /// The tile's ink (6×6 tile), drawn in `--fd-pattern-ink` over the colour.
        var ink: String {
            switch self {
            case .solid: return ""
            case .diagonal: return "<path class=\"fd-pat\"" + hatch + " d=\"M0 6L6 0M-1 1L1 -1M5 7L7 5\"/>"
            case .dots: return "<circle class=\"fd-pat-dot\" fill=\"" + Palette.patternInk.color + "\" fill-opacity=\"" + String(Palette.patternInk.opacity) + "\" cx=\"3\" cy=\"3\" r=\"1.3\"/>"
            case .horizontal: return "<path class=\"fd-pat\"" + hatch + " d=\"M0 3H6\"/>"
            case .crosshatch: return "<path class=\"fd-pat\"" + hatch + " d=\"M0 6L6 0M-1 1L1 -1M5 7L7 5M0 0L6 6M-1 5L1 7M5 -1L7 1\"/>"
            case .vertical: return "<path class=\"fd-pat\"" + hatch + " d=\"M3 0V6\"/>"
            case .backDiagonal: return "<path class=\"fd-pat\"" + hatch + " d=\"M0 0L6 6M-1 5L1 7M5 -1L7 1\"/>"
            case .grid: return "<path class=\"fd-pat\"" + hatch + " d=\"M0 3H6M3 0V6\"/>"
            }
        }
    }

    var colorClass: String
    var pattern: Pattern

    /// The style of series `index` (0-based): colours and patterns cycle together through eight.
    static func series(_ index: Int) -> FillStyle {
        FillStyle(colorClass: SeriesStyle.colorClass(index), pattern: Pattern.allCases[index % Pattern.allCases.count])
    }

    /// The style of a tone: solid, except negative and critical, which are hatched.
    static func tone(_ tone: Tone) -> FillStyle {
        let pattern: Pattern = tone == .negative ? .diagonal : tone == .critical ? .crosshatch : .solid
        return FillStyle(colorClass: "fd-tone-" + tone.rawValue, pattern: pattern)
    }

    static func < (a: FillStyle, b: FillStyle) -> Bool {
        (a.colorClass, a.pattern) < (b.colorClass, b.pattern)
    }
}

/// Colour classes and marker shapes per series.
enum SeriesStyle {
    /// Distinct colours (and patterns, markers) before they repeat.
    static let count = 8

    /// `fd-s1` … `fd-s8`, which set `--fd-c` to the series colour.
    static func colorClass(_ index: Int) -> String {
        "fd-s" + String(index % count + 1)
    }

    /// Marker shapes around the origin: circle, square, triangle, diamond, triangle down, plus, hexagon, hourglass.
    static let markers = [
        "M3.5 0A3.5 3.5 0 1 1 -3.5 0A3.5 3.5 0 1 1 3.5 0Z", "M-3 -3H3V3H-3Z", "M0 -4L3.6 3H-3.6Z",
        "M0 -4.2L4.2 0L0 4.2L-4.2 0Z", "M0 4L3.6 -3H-3.6Z", "M-1.3 -4H1.3V-1.3H4V1.3H1.3V4H-1.3V1.3H-4V-1.3H-1.3Z",
        "M-2 -3.6H2L4 0L2 3.6H-2L-4 0Z", "M-3.6 -3.6L3.6 3.6V-3.6L-3.6 3.6Z",
    ]
}
