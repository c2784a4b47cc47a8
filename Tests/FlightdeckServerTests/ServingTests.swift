import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FlightdeckServer

@Suite struct ServingTests {
    @Test(arguments: [
        ("/index.html", "text/html; charset=utf-8"), ("/style.css", "text/css; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"), ("/chart.svg", "image/svg+xml"), ("/data.json", "application/json"),
        ("/feed.xml", "application/xml"), ("/logo.png", "image/png"), ("/favicon.ico", "image/x-icon"),
        ("/fonts/inter.woff2", "font/woff2"), ("/robots.txt", "text/plain; charset=utf-8"),
        ("/notes.unknownext", "application/octet-stream"),
    ])
    func servesEachTypeWithItsContentType(path: String, type: String) async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == type)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func servesFilesByteForByteExceptHTML() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            for path in ["style.css", "app.js", "chart.svg", "data.json", "fonts/inter.woff2"] {
                let expected = try site.read(path)
                try await client.execute(uri: "/" + path, method: .get) { response in
                    #expect(Data(buffer: response.body) == expected)
                }
            }
        }
    }

    @Test func folderWithoutSlashRedirectsPermanently() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            try await client.execute(uri: "/releases/2.4", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/releases/2.4/")
            }
            try await client.execute(uri: "/releases?tab=all", method: .get) { response in
                #expect(response.headers[.location] == "/releases/?tab=all")
            }
            // Empty segments are dropped, so the redirect can never point at another host.
            try await client.execute(uri: "//releases", method: .get) { response in
                #expect(response.headers[.location] == "/releases/")
            }
        }
    }

    @Test func folderWithSlashServesItsIndex() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            try await client.execute(uri: "/releases/2.4/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>2.4</h1>"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>Releases</h1>"))
            }
        }
    }

    @Test func missingPathGetsTheSitesNotFoundPage() async throws {
        let site = try SampleSite.make()
        try site.write("drafts/notes.txt", "x")
        try await withRouter(serving: site) { client in
            for path in ["/missing.html", "/releases/9.9/", "/drafts/", "/style.css/"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.text.contains("No such page"))
                    #expect(response.headers[.eTag] == nil)
                }
            }
        }
    }

    @Test func missingPathWithoutNotFoundPageGetsPlainText() async throws {
        let site = try TemporaryFolder(["index.html": "<p>hi</p>"])
        try await withRouter(serving: site) { client in
            try await client.execute(uri: "/missing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                #expect(response.text == "404 Not Found\n")
            }
        }
    }

    @Test func missingServedFolderGetsAPageThatWaitsForTheFirstBuild() async throws {
        let root = try TemporaryFolder(["flightdeck.yaml": "title: Demo\n"])
        let unbuilt = TemporaryFolder(root.path + "/public")
        try await withRouter(serving: unbuilt) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("not been built yet"))
                #expect(response.text.contains(LiveReloadScript.tag))
            }
        }
    }

    @Test func otherMethodsAreNotAllowed() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            for method in [HTTPRequest.Method.post, .put, .delete] {
                try await client.execute(uri: "/index.html", method: method) { response in
                    #expect(response.status == .methodNotAllowed)
                    #expect(response.headers[.allow] == "GET, HEAD")
                }
            }
        }
    }

    @Test func headSendsTheHeadersOfGetWithoutABody() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            let get = try await client.execute(uri: "/style.css", method: .get) { $0 }
            try await client.execute(uri: "/style.css", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentLength] == String(get.body.readableBytes))
                #expect(response.headers[.eTag] == get.headers[.eTag])
                #expect(response.headers[.contentType] == get.headers[.contentType])
            }
        }
    }

    @Test func changedFileIsServedFreshWithANewETag() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            let first = try await client.execute(uri: "/data.json", method: .get) { $0 }
            try site.write("data.json", "{\"a\": 2}")
            try await client.execute(uri: "/data.json", method: .get) { response in
                #expect(response.text == "{\"a\": 2}")
                #expect(response.headers[.eTag] != first.headers[.eTag])
            }
        }
    }
}
