import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FlightdeckServer

@Suite struct CompressionTests {
    /// Decompresses with the system's gzip, an implementation independent of the server's.
    static func gunzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -dc"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return result
    }

    @Test(arguments: ["/index.html", "/style.css"])
    func textIsGzippedWhenTheClientAcceptsIt(path: String) async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            let plain = try await client.execute(uri: path, method: .get) { $0 }
            let response = try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "br, gzip;q=0.8"]) { $0 }
            #expect(response.status == .ok)
            #expect(response.headers[.contentEncoding] == "gzip")
            #expect(response.headers[.vary] == "Accept-Encoding")
            #expect(response.body.readableBytes < plain.body.readableBytes)
            #expect(response.headers[.eTag] != plain.headers[.eTag])
            #expect(try Self.gunzip(Data(buffer: response.body)) == Data(buffer: plain.body))
        }
    }

    @Test(arguments: [nil, "gzip;q=0", "br", "identity", "*;q=0"] as [String?])
    func nothingIsGzippedUnlessAccepted(acceptEncoding: String?) async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            var headers = HTTPFields()
            headers[.acceptEncoding] = acceptEncoding
            let expected = try site.read("style.css")
            try await client.execute(uri: "/style.css", method: .get, headers: headers) { response in
                #expect(response.headers[.contentEncoding] == nil)
                #expect(Data(buffer: response.body) == expected)
            }
        }
    }

    @Test(arguments: ["/app.js", "/logo.png"])
    func smallOrBinaryFilesAreNotGzipped(path: String) async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            try await client.execute(uri: path, method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == nil)
            }
        }
    }

    @Test func headOfGzippedResponseGivesTheCompressedLength() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            let get = try await client.execute(uri: "/style.css", method: .get, headers: [.acceptEncoding: "gzip"]) { $0 }
            try await client.execute(uri: "/style.css", method: .head, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.contentLength] == String(get.body.readableBytes))
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func gzippedETagRevalidates() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            let etag = try #require(try await client.execute(uri: "/style.css", method: .get, headers: [.acceptEncoding: "gzip"]) {
                $0.headers[.eTag]
            })
            try await client.execute(uri: "/style.css", method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: etag]) {
                #expect($0.status == .notModified)
            }
            // The identity representation has another tag, so a client without gzip gets the full body.
            try await client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: etag]) {
                #expect($0.status == .ok)
            }
        }
    }
}
