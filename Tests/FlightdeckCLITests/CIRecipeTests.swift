import Foundation
import Testing
import Yams

/// docs/ci.md's recipes: valid YAML, and every `flightdeck` command they run exists with the options they pass.
@Suite struct CIRecipeTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The ```yaml blocks of docs/ci.md.
    private func recipes() throws -> [String] {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        return text.components(separatedBy: "```yaml\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
    }

    /// Every string in a YAML tree.
    private func strings(_ node: Node) -> [String] {
        switch node {
        case .scalar(let scalar): [scalar.string]
        case .sequence(let sequence): sequence.flatMap(strings)
        case .mapping(let mapping): mapping.flatMap { strings($0.key) + strings($0.value) }
        case .alias: []
        }
    }

    /// `flightdeck SUBCOMMAND --option…` commands in shell text: (subcommand, options).
    private func commands(in text: String) -> [(String, [String])] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard let start = words.firstIndex(of: "flightdeck"), start + 1 < words.count else { return nil }
            // Only the command itself: stop at a pipe, redirection or shell operator.
            let rest = words[(start + 1)...].prefix { !["|", ">", ">>", "&&", "||", ";"].contains($0) }
            guard let subcommand = rest.first else { return nil }
            return (subcommand, rest.filter { $0.hasPrefix("--") }.map { String($0.split(separator: "=")[0]) })
        }
    }

    @Test func recipesParseAndTheirCommandsExist() throws {
        let recipes = try recipes()
        #expect(recipes.count == 2, "a GitHub Actions and a GitLab CI recipe")
        var used: Set<String> = []
        for recipe in recipes {
            let node = try #require(try Yams.compose(yaml: recipe), "the recipe is YAML")
            let found = strings(node).flatMap(commands)
            #expect(found.count >= 4, "collect, gate, build: \(found)")
            for (subcommand, options) in found {
                let help = try CLI.run([subcommand, "--help"], in: FileManager.default.temporaryDirectory)
                #expect(help.status == 0, "flightdeck \(subcommand) exists: \(help.stderr)")
                for option in options {
                    #expect(help.stdout.contains(option), "flightdeck \(subcommand) takes \(option)")
                }
                used.insert(subcommand)
            }
        }
        #expect(used.isSuperset(of: ["add", "gate", "build"]), "\(used)")
    }
}
