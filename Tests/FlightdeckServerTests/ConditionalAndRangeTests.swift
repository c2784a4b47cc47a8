import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FlightdeckServer

@Suite struct ConditionalAndRangeTests {
    @Test func matchingETagGets304WithoutBody() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            let etag = try #require(try await client.execute(uri: "/style.css", method: .get) { $0.headers[.eTag] })
            for tag in [etag, "W/" + etag, "\"other\", " + etag, "*"] {
                try await client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: tag]) { response in
                    #expect(response.status == .notModified, "\(tag)")
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.eTag] == etag)
                }
            }
            try await client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: "\"other\""]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func ifModifiedSinceGets304UnlessTheFileIsNewer() async throws {
        let site = try SampleSite.make()
        try site.setModified("style.css", to: Date(timeIntervalSince1970: 1_700_000_000))
        try await withRouter(serving: site) { client in
            let lastModified = try await client.execute(uri: "/style.css", method: .get) { $0.headers[.lastModified] }
            #expect(lastModified == "Tue, 14 Nov 2023 22:13:20 GMT")
            try await client.execute(uri: "/style.css", method: .get, headers: [.ifModifiedSince: "Tue, 14 Nov 2023 22:13:20 GMT"]) {
                #expect($0.status == .notModified)
            }
            try await client.execute(uri: "/style.css", method: .get, headers: [.ifModifiedSince: "Mon, 13 Nov 2023 22:13:20 GMT"]) {
                #expect($0.status == .ok)
            }
            // If-None-Match wins over If-Modified-Since.
            try await client.execute(uri: "/style.css", method: .get,
                                      headers: [.ifNoneMatch: "\"other\"", .ifModifiedSince: "Tue, 14 Nov 2023 22:13:20 GMT"]) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test(arguments: [
        ("bytes=2-5", "2345", "bytes 2-5/10"), ("bytes=7-", "789", "bytes 7-9/10"), ("bytes=-3", "789", "bytes 7-9/10"),
        ("bytes=5-100", "56789", "bytes 5-9/10"), ("bytes=0-0", "0", "bytes 0-0/10"), ("bytes=-20", "0123456789", "bytes 0-9/10"),
    ])
    func rangeGets206WithThoseBytes(range: String, body: String, contentRange: String) async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            try await client.execute(uri: "/digits.txt", method: .get, headers: [.range: range, .acceptEncoding: "gzip"]) { response in
                #expect(response.status == .partialContent)
                #expect(response.text == body)
                #expect(response.headers[.contentRange] == contentRange)
                #expect(response.headers[.contentLength] == String(body.utf8.count))
                #expect(response.headers[.contentEncoding] == nil)
            }
        }
    }

    @Test(arguments: ["bytes=10-", "bytes=10-12", "bytes=-0"])
    func unsatisfiableRangeGets416(range: String) async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            try await client.execute(uri: "/digits.txt", method: .get, headers: [.range: range]) { response in
                #expect(response.status == .rangeNotSatisfiable)
                #expect(response.headers[.contentRange] == "bytes */10")
            }
        }
    }

    @Test(arguments: ["bytes=1-2,4-5", "items=1-2", "bytes=5-2", "bytes=x-y", "bytes=--1"])
    func unusableRangeServesTheWholeFile(range: String) async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            try await client.execute(uri: "/digits.txt", method: .get, headers: [.range: range]) { response in
                #expect(response.status == .ok)
                #expect(response.text == "0123456789")
            }
        }
    }

    @Test func ifRangeAppliesTheRangeOnlyWhenTheFileIsUnchanged() async throws {
        let site = try SampleSite.make()
        try await withRouter(serving: site) { client in
            let etag = try #require(try await client.execute(uri: "/digits.txt", method: .get) { $0.headers[.eTag] })
            try await client.execute(uri: "/digits.txt", method: .get, headers: [.range: "bytes=0-1", .ifRange: etag]) {
                #expect($0.status == .partialContent)
            }
            try await client.execute(uri: "/digits.txt", method: .get, headers: [.range: "bytes=0-1", .ifRange: "\"stale\""]) {
                #expect($0.status == .ok)
                #expect($0.text == "0123456789")
            }
        }
    }

    @Test func largeFilesAreStreamedWithRangesAndValidators() async throws {
        let site = try TemporaryFolder()
        let bytes = Data((0..<(9 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try site.write("big.bin", bytes)
        try await withRouter(serving: site) { client in
            let response = try await client.execute(uri: "/big.bin", method: .get) { $0 }
            #expect(response.status == .ok)
            #expect(Data(buffer: response.body) == bytes)
            let etag = try #require(response.headers[.eTag])
            try await client.execute(uri: "/big.bin", method: .get, headers: [.ifNoneMatch: etag]) { #expect($0.status == .notModified) }
            try await client.execute(uri: "/big.bin", method: .get, headers: [.range: "bytes=100-103"]) {
                #expect($0.status == .partialContent)
                #expect(Data(buffer: $0.body) == bytes[100...103])
            }
        }
    }
}
