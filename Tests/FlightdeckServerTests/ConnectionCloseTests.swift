import Foundation
import Testing
@testable import FlightdeckServer

/// Connections that the request does not keep alive are closed after the response, not at the idle timeout
/// (30 s here, so a test that waited for it would fail on its 10 s read, even on a loaded machine).
@Suite(.serialized) struct ConnectionCloseTests {
    /// Sends `request` and reads for up to `wait`: the text received and whether the server closed the connection.
    private func exchange(_ request: String, wait: Duration = .seconds(10)) async throws -> (text: String, closed: Bool) {
        let root = try SiteRoot.make()
        let server = try await RunningServer.start(PreviewServer(configuration: SiteRoot.configuration(root), rebuilder: RecordingRebuilder()))
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send(request)
        let (text, closed) = await connection.read(timeout: wait) { _ in false }
        await server.stop()
        return (text, closed)
    }

    @Test func http10WithoutKeepAliveIsClosedAfterTheResponse() async throws {
        let (text, closed) = try await exchange("GET /index.html HTTP/1.0\r\n\r\n")
        #expect(text.contains(" 200 ") && text.contains("</html>"), "\(text.prefix(120))")
        #expect(closed)
    }

    @Test func http11ConnectionCloseInAnyCaseIsClosed() async throws {
        let (text, closed) = try await exchange("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Close\r\n\r\n")
        #expect(text.statusCode == 200)
        #expect(closed)
    }

    @Test func http10WithKeepAliveStaysOpen() async throws {
        let (text, closed) = try await exchange("GET /index.html HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", wait: .seconds(1))
        #expect(text.contains(" 200 ") && text.contains("</html>"))
        #expect(!closed)
    }

    @Test func http11StaysOpenAndServesASecondRequest() async throws {
        let (text, closed) = try await exchange(
            "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", wait: .seconds(1))
        #expect(text.components(separatedBy: "HTTP/1.1 200").count == 3)
        #expect(!closed)
    }
}
