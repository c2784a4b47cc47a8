import Foundation
import Testing
@testable import FlightdeckTemplates

@Suite struct ValueTests {
    struct Stage: Encodable {
        let name: String
        let trafficPercent: Double
        let p99LatencyMs: Int?
    }

    struct Release: Encodable {
        let id: String
        let releaseDate: Date
        let isDraft: Bool
        let ownerURL: URL
        let stages: [Stage]
        let notes: String?
        let tags: [String: Int]
    }

    @Test func encodesModelsWithSnakeCaseKeysDatesAndWithoutNilOptionals() throws {
        let release = Release(id: "2.4", releaseDate: Date(timeIntervalSince1970: 1_714_560_000.75), isDraft: false,
                              ownerURL: try #require(URL(string: "https://example.com/ana")), stages: [Stage(name: "canary", trafficPercent: 1.5, p99LatencyMs: nil)],
                              notes: nil, tags: ["a": 1])
        let value = try Value.encode(release)
        let environment = Environment(sources: [.memory(["t": """
            {% for k in r %}{{ k }},{% endfor %}|{{ r.release_date }}|{{ r.is_draft }}|{{ r.owner_url }}|\
            {{ r.stages[0].traffic_percent }}|{{ r.stages[0].p99_latency_ms is defined }}|{{ r.notes is defined }}|{{ r.tags.a }}
            """])])
        #expect(try environment.render("t", context: ["r": value])
            == "id,release_date,is_draft,owner_url,stages,tags,|2024-05-01T10:40:00Z|False|https://example.com/ana|1.5|False|False|1")
    }

    @Test(arguments: [("myURLProperty", "my_url_property"), ("oneTwoThree", "one_two_three"), ("_leading", "_leading"),
                      ("trailing__", "trailing__"), ("ABC", "a_bc"), ("already_snake", "already_snake"), ("p99Ms", "p99_ms"), ("x", "x")])
    func convertsKeysLikeJSONEncoder(_ key: String, _ expected: String) {
        #expect(SnakeCase.convert(key) == expected)
    }

    /// Keys of dictionaries come from data (incident ids, metric names, roles, theme options): kept as written,
    /// sorted; only field names become snake_case, also inside dictionaries.
    @Test func keepsDictionaryKeysAsWritten() throws {
        struct Figures: Encodable {
            let postmortemsById: [String: String]
            let metricsByName: [String: Int]
            let approvalsByRole: [String: [String: Bool]]
            let stagesByComponent: [String: Stage]
        }
        let value = try Value.encode(Figures(
            postmortemsById: ["INC-2026-051": "<p>Summary</p>"], metricsByName: ["p95LatencyMs": 1, "Error-Rate": 2],
            approvalsByRole: ["QA Lead": ["isSigned": true]], stagesByComponent: ["apiGateway": Stage(name: "a", trafficPercent: 5, p99LatencyMs: nil)]))
        #expect(value.objectKeys == ["postmortems_by_id", "metrics_by_name", "approvals_by_role", "stages_by_component"])
        #expect(value.member("postmortems_by_id")?.objectKeys == ["INC-2026-051"])
        #expect(value.member("metrics_by_name")?.objectKeys == ["Error-Rate", "p95LatencyMs"])
        #expect(value.member("approvals_by_role")?.member("QA Lead")?.objectKeys == ["isSigned"])
        #expect(value.member("stages_by_component")?.member("apiGateway")?.objectKeys == ["name", "traffic_percent"])
        let template = #"{{ f.postmortems_by_id['INC-2026-051'] }} {{ f.metrics_by_name.p95LatencyMs }} {{ f.approvals_by_role['QA Lead'].isSigned }}"#
        #expect(try Environment(sources: [.memory(["t": template])]).render("t", context: ["f": value]) == "&lt;p&gt;Summary&lt;/p&gt; 1 True")
        #expect(try Value.encode([String: Int]()).objectKeys == [], "an empty dictionary is an empty object")
    }

    @Test func keepsKeyNamesWhenAsked() throws {
        let value = try Value.encode(Stage(name: "a", trafficPercent: 2, p99LatencyMs: 3), keys: .unchanged)
        #expect(value.objectKeys == ["name", "trafficPercent", "p99LatencyMs"])
    }

    @Test(arguments: [(0.0, "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"),
                      (4_102_444_799, "2099-12-31T23:59:59Z")])
    func formatsDatesInUTC(_ seconds: Double, _ expected: String) throws {
        #expect(try Value.encode(Date(timeIntervalSince1970: seconds)) == .string(expected))
    }

    @Test func parsesJSONKeepingKeyOrderAndLastDuplicate() throws {
        let value = try Value(jsonData: Data(#"{"z": 1, "a": [1.0, -2, "\u00e9\ud83d\ude80"], "z": null, "m": {"k": true}}"#.utf8))
        #expect(value.objectKeys == ["z", "a", "m"])
        #expect(value.member("z")?.isNull == true)
        let rendered = try Environment(sources: [.memory(["t": "{{ a[0] }} {{ a[1] }} {{ a[2] }} {{ m.k }}"])])
            .render("t", context: ["a": value.member("a") ?? .null, "m": value.member("m") ?? .null])
        #expect(rendered == "1.0 -2 é🚀 True")
    }

    @Test(arguments: ["{", "[1,]", "{\"a\" 1}", "tru", "\"open", "1 2", "{\"a\": 01x}"])
    func rejectsInvalidJSONWithALocation(_ text: String) {
        #expect(throws: TemplateError.self) { try Value(jsonData: Data(text.utf8)) }
    }

    @Test func literalsBuildValues() throws {
        let value: Value = ["name": "x", "n": 3, "rate": 0.5, "ok": true, "list": [1, "two"]]
        let rendered = try Environment(sources: [.memory(["t": "{{ v.name }} {{ v.n }} {{ v.rate }} {{ v.ok }} {{ v.list|join(',') }}"])])
            .render("t", context: ["v": value])
        #expect(rendered == "x 3 0.5 True 1,two")
    }

    @Test(arguments: [(1.0, "1.0"), (0.1, "0.1"), (2.5e-7, "2.5e-07"), (1e16, "1e+16"), (1e15, "1000000000000000.0"),
                      (-0.0, "-0.0"), (123456789.125, "123456789.125"), (1e-5, "1e-05"), (.infinity, "inf"), (5e-324, "5e-324")])
    func printsFloatsAsPythonRepr(_ value: Double, _ expected: String) {
        #expect(PythonFloat.repr(value) == expected)
    }
}
