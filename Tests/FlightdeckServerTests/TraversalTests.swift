import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FlightdeckServer

@Suite struct TraversalTests {
    @Test(arguments: [
        "/../etc/passwd", "/releases/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
        "/releases/..%2f..%2fetc/passwd", "/releases%2f2.4/index.html", "/..%5c..%5cetc%5cpasswd",
        "/releases\\..\\..\\etc\\passwd", "/index.html%00.txt", "/%00", "/./index.html", "/%2e/index.html",
        "/%zz", "/%2", "/%c0%ae%c0%ae/etc/passwd", "/%ff",
    ])
    func hostilePathsGet400(path: String) async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .badRequest, "\(path)")
                #expect(!response.text.contains("root:"))
            }
        }
    }

    @Test func symbolicLinksLeavingTheFolderAreNotFollowed() async throws {
        let site = try SampleSite.make()
        let elsewhere = try TemporaryFolder(["secret.txt": "top secret"])
        try site.link("outside", to: elsewhere.path)
        try site.link("secret.txt", to: elsewhere.path + "/secret.txt")
        try site.link("up", to: "..")
        try await withRouter(serving: site) { client in
            for path in ["/outside/secret.txt", "/secret.txt", "/outside/", "/up/", "/outside"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(!response.text.contains("top secret"))
                }
            }
        }
    }

    @Test func linkRetargetedOutsideAfterBeingServedIsCheckedAgain() async throws {
        let site = try SampleSite.make()
        let elsewhere = try TemporaryFolder(["secret.txt": "top secret"])
        try site.link("moving.txt", to: "digits.txt")
        try await withRouter(serving: site) { client in
            try await client.execute(uri: "/moving.txt", method: .get) { #expect($0.text == "0123456789") }
            try FileManager.default.removeItem(atPath: site.path + "/moving.txt")
            try site.link("moving.txt", to: elsewhere.path + "/secret.txt")
            try await client.execute(uri: "/moving.txt", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(!response.text.contains("top secret"))
            }
        }
    }

    @Test func symbolicLinksWithinTheFolderWork() async throws {
        let site = try SampleSite.make()
        try site.link("alias.css", to: "style.css")
        try site.link("latest", to: "releases/2.4")
        try await withRouter(serving: site) { client in
            try await client.execute(uri: "/alias.css", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/latest/", method: .get) { #expect($0.text.contains("<h1>2.4</h1>")) }
        }
    }

    @Test func encodedNamesThatStayInsideAreServed() async throws {
        let site = try TemporaryFolder(["a b/c d.txt": "spaced", "é.txt": "accent"])
        try await withRouter(serving: site) { client in
            try await client.execute(uri: "/a%20b/c%20d.txt", method: .get) { #expect($0.text == "spaced") }
            try await client.execute(uri: "/%C3%A9.txt", method: .get) { #expect($0.text == "accent") }
            try await client.execute(uri: "/a%20b", method: .get) { #expect($0.headers[.location] == "/a%20b/") }
        }
    }
}
