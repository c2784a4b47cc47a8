import Testing
@testable import Flightdeck

@Suite struct JSONReaderTests {
    private func error(_ text: String) -> String? {
        do {
            _ = try JSONReader.read(text, path: "d.json")
            return nil
        } catch {
            return error.diagnostics.first?.description
        }
    }

    @Test func readsValuesWithLocations() throws {
        let node = try JSONReader.read("{\n  \"a\": [1, 2.5, \"x\\u00e9\", true, null],\n  \"é\": {\"b\": -3e2}\n}", path: "d.json")
        let a = try #require(node["a"]?.elements)
        #expect(a.count == 5)
        #expect(a[0].location.description == "d.json:2:9")
        if case .double(let d) = a[1].kind { #expect(d == 2.5) } else { Issue.record("not a double") }
        #expect(a[2].scalarText == "xé")
        #expect(node["é"]?["b"]?.location.description == "d.json:3:14")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "d.json:1:9: error: invalid JSON: expected a string key, found '}'"),
        ("[1, 2", "d.json:1:6: error: invalid JSON: expected ',' or ']', found end of file"),
        ("{\"a\": 01}", "d.json:1:7: error: invalid JSON: numbers may not have leading zeros"),
        ("{\"a\": \"x}", "d.json:1:10: error: invalid JSON: string never closes"),
        ("{\"a\": 1, \"a\": 2}", "d.json:1:10: error: invalid JSON: duplicate key 'a'"),
        ("[tru]", "d.json:1:2: error: invalid JSON: expected a value, found 't'"),
        ("{} x", "d.json:1:4: error: invalid JSON: expected end of JSON after the value"),
        ("\"\\q\"", "d.json:1:2: error: invalid JSON: unknown escape '\\q' in string"),
        ("[1e999]", "d.json:1:2: error: invalid JSON: number 1e999 is out of range"),
    ])
    func reportsWhereAndWhat(_ input: String, _ expected: String) {
        #expect(error(input) == expected)
    }

    @Test func deepNestingFailsCleanly() {
        #expect(error(String(repeating: "[", count: 100_000))?.contains("nested more than 512 levels deep") == true)
    }
}
