import Testing
@testable import FlightdeckCharts

/// Long category names: wrapped onto two lines under their band, or, when they share a prefix, cut from the start.
@Suite struct LongCategoryTests {
    @Test func sharedPrefixesAreCutFromTheStart() throws {
        let names = ["com.example.mdm.registration.RegistrationServiceTest", "com.example.mdm.storage.StorageMigrationTest",
                     "com.example.mdm.features.FeatureParityTest"]
        let chart = StackedBarChart(id: "s", title: "Suites", categories: names,
                                    series: [BarSeries(name: "passed", values: [3, 4, 5])])
        let svg = chart.svg()
        #expect(svg.contains(">…"), "shortened from the start")
        #expect(!svg.contains(">com.example.mdm.…"), "not to the shared prefix")
        for name in names { #expect(svg.contains("<title>" + name + "</title>")) }
        #expect(svg.contains("Labels in full: " + names.joined(separator: "; ")))
        #expect(CategoryAxis.commonPrefixLength(names) == 16)
        #expect(TextMetrics.truncatedKeepingEnd("abcdef", toWidth: 100, size: 12) == nil)
    }

    @Test func namesThatDoNotFitTheirBandWrapOntoTwoLines() throws {
        let names = ["MMM trainer optimisation", "Data platform cutover", "Invoice processing with Gemini"]
        let chart = GroupedBarChart(id: "g", title: "Incidents", categories: names, series: [BarSeries(name: "n", values: [1, 2, 0])])
        let svg = chart.svg()
        #expect(XMLCheck(svg).isWellFormed)
        #expect(svg.contains("<tspan"))
        #expect(svg.contains(">Gemini</tspan>") || svg.contains(" Gemini</tspan>"), "the end of the long name is shown")
        #expect(!svg.contains("…"), "nothing shortened")
        #expect(TextMetrics.wrapped("Invoice processing with Gemini", toWidth: 150, size: 12) == ["Invoice processing", "with Gemini"])
        #expect(TextMetrics.wrapped("short", toWidth: 150, size: 12) == ["short"])
        let cut = TextMetrics.wrapped("a_very_long_name_without_spaces_that_goes_on_and_on_and_on", toWidth: 100, size: 12)
        #expect(cut.count == 2 && cut[1].hasSuffix("…"))
    }
}
