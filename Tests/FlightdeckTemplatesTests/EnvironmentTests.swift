import Foundation
import Testing
@testable import FlightdeckTemplates

@Suite struct EnvironmentTests {
    static let theme = ["base.html": "<{% block body %}theme body{% endblock %}>", "page.html": "{% extends 'base.html' %}{% block body %}{{ x }}{% endblock %}",
                        "partial.html": "theme partial"]

    func siteFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fd-templates-\(UUID().uuidString)")
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func siteTemplatesOverrideTheThemeFileByFile() throws {
        let folder = try siteFolder(["base.html": "[site {% block body %}{% endblock %}] {% include 'partial.html' %}"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = Environment(sources: [.directory(folder), .memory(Self.theme)])
        #expect(try environment.render("page.html", context: ["x": "<x>"]) == "[site &lt;x&gt;] theme partial")
        #expect(try Environment(sources: [.memory(Self.theme)]).render("page.html", context: ["x": 1]) == "<1>")
    }

    @Test func rendersInParallelWithTheSameResults() async throws {
        let environment = Environment(sources: [.memory(["t": "{% for i in items %}{{ i * n }},{% endfor %}"])])
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for n in 0..<64 {
                group.addTask { (n, try environment.render("t", context: ["items": [1, 2, 3], "n": .int(n)])) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == 64)
        for (n, output) in results { #expect(output == "\(n),\(2 * n),\(3 * n),") }
    }

    @Test func validateFindsErrorsInWhatATemplateIncludes() {
        let environment = Environment(sources: [.memory(["page.html": "a\n{% include 'broken.html' %}", "broken.html": "{% if %}",
                                                         "lost.html": "{% import 'nowhere.html' as n %}"])])
        #expect(throws: TemplateError.self) { try environment.validate("page.html") }
        do {
            try environment.validate("page.html")
        } catch {
            #expect(error.description == "broken.html:1:7: error: expected an expression, found '%}'\n  included from page.html:2:12")
        }
        do {
            try environment.validate("lost.html")
        } catch {
            #expect(error.description == "lost.html:1:11: error: template 'nowhere.html' not found")
        }
    }

    @Test(arguments: ["../secret.html", "/etc/passwd", "a/../../b.html", ""])
    func refusesNamesOutsideTheFolders(_ name: String) {
        #expect(throws: TemplateError.self) { try Environment(sources: [.memory([:])]).render(name, context: [:]) }
    }

    @Test func reportsTheErrorLocationInUnicodeScalars() {
        let environment = Environment(sources: [.memory(["t": "é🚀 {{ nope }}"])])
        #expect(throws: TemplateError.self) { try environment.render("t", context: [:]) }
        do {
            _ = try environment.render("t", context: [:])
        } catch {
            #expect((error.file, error.line, error.column) == ("t", 1, 7))
        }
    }
}
