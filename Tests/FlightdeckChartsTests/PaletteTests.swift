import Foundation
import Testing
@testable import FlightdeckCharts

/// The palette the SVG carries, the one `charts.css` declares, and the contrast ratios that
/// `scripts/palette_contrast.py` computed for it (`Fixtures/palette-contrast.json`) all agree, and pass WCAG AA.
@Suite struct PaletteTests {
    struct Entry: Decodable {
        var property: String
        var color: String
        var ratio: Double
        var required: Double?
        var passes: Bool
    }

    struct Scheme: Decodable {
        var backgrounds: [String: String]
        var colors: [Entry]
    }

    static func oracle() throws -> [String: Scheme] {
        try JSONDecoder().decode([String: Scheme].self, from: Fixtures.data("palette-contrast.json"))
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The custom properties of the first `:root { … }` block of a stylesheet.
    static func lightProperties(of path: String) throws -> [String: String] {
        let css = try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
        let start = try #require(css.range(of: ":root {"))
        let end = try #require(css[start.upperBound...].firstIndex(of: "}"))
        var found: [String: String] = [:]
        for declaration in css[start.upperBound..<end].split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) ?? ""
            found[name] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return found
    }

    /// WCAG 2.x relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let bytes: [Int] = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF]
        let channels: [Double] = bytes.map { byte in
            let c = Double(byte) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let weighted: Double = 0.2126 * channels[0] + 0.7152 * channels[1]
        return weighted + 0.0722 * channels[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func chartsCSSDeclaresThePaletteTheSVGCarries() throws {
        let css = try Self.lightProperties(of: "templates/assets/charts.css")
        for (name, value) in Palette.customProperties {
            #expect(css[name] == value, "\(name) in charts.css")
        }
    }

    @Test func theScriptApprovedThisPaletteInBothSchemes() throws {
        let oracle = try Self.oracle()
        let light = try #require(oracle["light"])
        let approved = Dictionary(uniqueKeysWithValues: light.colors.map { ($0.property, $0.color) })
        for (name, value) in Palette.customProperties where name != "--fd-chart-bg" {
            #expect(approved[name] == value, "\(name): run scripts/palette_contrast.py --json after changing the palette")
        }
        for scheme in ["light", "dark"] {
            let entries = try #require(oracle[scheme]).colors
            #expect(entries.count == 18, "\(scheme)")
            for entry in entries {
                #expect(entry.passes, "\(scheme) \(entry.property) \(entry.color): \(entry.ratio):1")
                if let required = entry.required { #expect(entry.ratio >= required, "\(scheme) \(entry.property)") }
            }
            #expect(entries.filter { $0.property.hasPrefix("--fd-series-") }.allSatisfy { $0.required == 3 })
            #expect(entries.filter { $0.property.hasPrefix("--fd-tone-") }.allSatisfy { $0.required == 4.5 })
        }
    }

    @Test func swiftAndPythonComputeTheSameRatios() throws {
        for (scheme, data) in try Self.oracle() {
            for entry in data.colors {
                let lowest = data.backgrounds.values.map { Self.contrast(entry.color, $0) }.min() ?? 0
                #expect(abs(lowest - entry.ratio) < 0.006, "\(scheme) \(entry.property): \(lowest) vs \(entry.ratio)")
            }
        }
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01, "the known WCAG example")
    }

    @Test func marksCarryTheirColoursAndTextItsSize() throws {
        let chart = GroupedBarChart(id: "c", title: "T", xLabel: "Job", yLabel: "Minutes", format: .number(decimals: 0),
                                    categories: ["a", "b"], series: [BarSeries(name: "one", values: [1, 2]),
                                                                     BarSeries(name: "two", values: [3, 4])])
        let svg = chart.svg()
        let check = XMLCheck(svg)
        #expect(check.isWellFormed)
        let fills = Set(check.attributes.compactMap { $0["fill"] })
        #expect(fills.contains(Palette.series[0]) && fills.contains(Palette.series[1]))
        let root = try #require(check.attributes.first)
        #expect(root["fill"] == Palette.foreground)
        #expect(root["font-size"] == "13")
        let texts = zip(check.elements, check.attributes).filter { $0.0 == "text" }.map { $0.1 }
        #expect(!texts.isEmpty)
        for text in texts {
            let size = Double(text["font-size"] ?? root["font-size"] ?? "0") ?? 0
            #expect(size * TypeScale.minimumScale >= TypeScale.minimumRendered, "\(text)")
        }
    }

    @Test func shortenedLabelsAreSpelledOutInTheDescription() throws {
        let long = "data_preparation_with_a_very_long_job_type_name_that_cannot_fit_anywhere_in_the_chart"
        let chart = HorizontalBarChart(id: "h", title: "T", xLabel: "Minutes", format: .number(decimals: 0),
                                       bars: [Bar(label: long, value: 3)])
        let svg = chart.svg()
        let description = try #require(svg.range(of: "<desc").map { svg[$0.lowerBound...] }?.prefix { $0 != "/" })
        #expect(description.contains("Labels in full: " + long))
        #expect(svg.contains("…"))
        #expect(chart.dataTable().contains(long))
    }
}
