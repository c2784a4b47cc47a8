import Testing
@testable import FlightdeckServer

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/", [String](), true), ("/index.html", ["index.html"], false), ("/releases/2.4/", ["releases", "2.4"], true),
        ("//a///b", ["a", "b"], false), ("/a%20b/%C3%A9.txt", ["a b", "é.txt"], false), ("/..a/b..", ["..a", "b.."], false),
    ])
    func decodesSegments(raw: String, segments: [String], slash: Bool) throws {
        let path = try RequestPath(raw: raw)
        #expect(path.segments == segments)
        #expect(path.hasTrailingSlash == slash)
    }

    @Test(arguments: [
        ("/..", RequestPath.Rejection.dotSegment), ("/a/%2E%2e/b", .dotSegment), ("/a%2fb", .encodedSeparator),
        ("/a%5Cb", .backslash), ("/a%00", .nul), ("/%G0", .invalidPercentEncoding), ("/%", .invalidPercentEncoding),
        ("/%80", .notUTF8), ("/" + String(repeating: "a", count: 4096), .tooLong),
    ])
    func rejects(raw: String, rejection: RequestPath.Rejection) {
        #expect(throws: rejection) { try RequestPath(raw: raw) }
    }

    @Test(arguments: [("/a.HTML", "html"), ("/style.min.css", "css"), ("/.hidden", ""), ("/folder/", ""), ("/README", "")])
    func findsTheExtension(raw: String, ext: String) throws {
        #expect(try RequestPath(raw: raw).fileExtension == ext)
    }
}
