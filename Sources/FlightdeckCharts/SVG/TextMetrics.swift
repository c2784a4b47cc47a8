/// Estimated text widths (no font is loaded: widths are averages of common sans-serif faces, on the safe side).
enum TextMetrics {
    /// Font size of labels, in user units (the root `font-size`).
    static let size = TypeScale.body
    /// Font size of tick labels (`.fd-tick`), values, sections, thresholds and events.
    static let tickSize = TypeScale.small
    /// Line height for stacked labels.
    static let lineHeight = 15.0
    /// How much wider bold text (`font-weight: 600`) is than regular: DejaVu Sans Bold runs up to 15% wider.
    static let boldScale = 1.15

    /// The estimated advance of `text` at `size`.
    static func width(_ text: String, size: Double) -> Double {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiWidth(text, size: size) : characterWidth(text, size: size)
    }

    /// `width` of ASCII text: every byte is a character but CR LF, one character as wide as its CR. The same sum,
    /// in the same order, as `characterWidth`, without breaking the text into grapheme clusters.
    static func asciiWidth(_ text: String, size: Double) -> Double {
        var em = 0.0
        var previousCR = false
        for byte in text.utf8 {
            if previousCR && byte == 0x0A { previousCR = false; continue }
            em += advance(Unicode.Scalar(byte))
            previousCR = byte == 0x0D
        }
        return em * size
    }

    /// `width` of any text, character by character.
    static func characterWidth(_ text: String, size: Double) -> Double {
        var em = 0.0
        for character in text { em += advance(character) }
        return em * size
    }

    /// `text` shortened with "…" to fit `width`, or nil when it fits as it is.
    static func truncated(_ text: String, toWidth width: Double, size: Double) -> String? {
        guard self.width(text, size: size) > width else { return nil }
        let budget = width / size - advance(Character("…"))
        var em = 0.0
        var out = ""
        for character in text {
            let next = advance(character)
            if em + next > budget { break }
            em += next
            out.append(character)
        }
        return out + "…"
    }

    /// `text` shortened from the start, "…" and its end, to fit `width`; nil when it fits as it is.
    static func truncatedKeepingEnd(_ text: String, toWidth width: Double, size: Double) -> String? {
        guard self.width(text, size: size) > width else { return nil }
        let budget = width / size - advance(Character("…"))
        var em = 0.0
        var kept: [Character] = []
        for character in text.reversed() {
            let next = advance(character)
            if em + next > budget { break }
            em += next
            kept.append(character)
        }
        return "…" + String(kept.reversed())
    }

    /// `text` broken into at most `maxLines` lines of `width`, at spaces or after `.`, `_`, `-` and `/`; the last
    /// line is shortened with "…" when the rest does not fit. One line when it fits as it is.
    static func wrapped(_ text: String, toWidth width: Double, size: Double, maxLines: Int = 2) -> [String] {
        guard self.width(text, size: size) > width, maxLines > 1 else { return [truncated(text, toWidth: width, size: size) ?? text] }
        // Pieces that end at a break opportunity; a space stays with the piece before it and is trimmed at a line end.
        var pieces: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == " " || character == "." || character == "_" || character == "-" || character == "/" {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        var lines: [String] = []
        var line = ""
        var index = 0
        while index < pieces.count {
            if lines.count == maxLines - 1 {
                line += pieces[index...].joined()
                break
            }
            let candidate = line + pieces[index]
            if !line.isEmpty, self.width(candidate.trimmingTrailingSpaces, size: size) > width {
                let full = line.trimmingTrailingSpaces
                lines.append(truncated(full, toWidth: width, size: size) ?? full)
                line = ""
                continue
            }
            line = candidate
            index += 1
        }
        let last = line.trimmingTrailingSpaces
        lines.append(truncated(last, toWidth: width, size: size) ?? last)
        return lines.filter { !$0.isEmpty }
    }

    /// One character: a cluster of several scalars (emoji sequences, accents) is as wide as a wide glyph.
    private static func advance(_ character: Character) -> Double {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        return scalars.count == 1 ? advance(first) : max(advance(first), first.value >= 0x1F000 ? 1.2 : 0)
    }

    /// Advances in em, calibrated on DejaVu Sans (the widest of the common default sans-serif faces).
    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x20, 0x21, 0x27, 0x2C, 0x2E, 0x3A, 0x3B, 0x7C: return 0.33
        case 0x69, 0x6A, 0x6C: return 0.29
        case 0x28, 0x29, 0x2D, 0x2F, 0x5B, 0x5D, 0x66, 0x72, 0x74: return 0.42
        case 0x30...0x39: return 0.64
        case 0x4D, 0x57, 0x6D, 0x77, 0x25, 0x40: return 0.98
        case 0x41...0x5A: return 0.74
        case 0x5F, 0x73, 0x7A: return 0.53
        case 0x00...0x7F: return 0.62
        case 0x1100...: return 1.0
        default: return 0.66
        }
    }
}

private extension String {
    /// The string without trailing spaces.
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
