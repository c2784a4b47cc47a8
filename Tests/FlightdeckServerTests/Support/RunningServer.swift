import Foundation
@testable import FlightdeckServer

/// A `PreviewServer` listening on an ephemeral loopback port for the length of a test.
struct RunningServer {
    let port: Int
    private let task: Task<Void, any Error>

    /// Starts `server` and waits until it listens.
    static func start(_ server: PreviewServer) async throws -> RunningServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            defer { continuation.finish() }
            try await server.run { continuation.yield($0) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw RawHTTPError.socket(0)
        }
        return RunningServer(port: port, task: task)
    }

    /// Stops the server and waits for it to finish.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Opens the live-reload event stream and returns it once its `hello` arrived (up to 30 s: a loaded CI machine is slow to accept).
    func openEventStream() async throws -> RawHTTPConnection {
        let connection = try RawHTTPConnection(port: port)
        try connection.send("GET /__flightdeck/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        let (text, _) = await connection.read(timeout: .seconds(30)) { $0.range(of: #"event: hello\ndata: [^\n]*\n\n"#, options: .regularExpression) != nil }
        guard text.contains("event: hello") else { throw RawHTTPError.socket(-1) }
        return connection
    }
}

/// A site root with `content/`, `templates/`, `flightdeck.yaml` and a built `public/`.
enum SiteRoot {
    /// A fresh one on disk.
    static func make() throws -> TemporaryFolder {
        var files = ["flightdeck.yaml": "title: Demo\n", "content/index.md": "# Hi\n", "templates/base.html": "{{ content }}"]
        for (path, text) in SampleSite.files { files["public/" + path] = text }
        return try TemporaryFolder(files)
    }

    /// A server configuration for `root` on an ephemeral port.
    static func configuration(_ root: TemporaryFolder, polling: Bool = false, idleTimeout: Duration = .seconds(30),
                              quietPeriod: Duration = .milliseconds(30)) -> PreviewServer.Configuration {
        PreviewServer.Configuration(
            port: 0, servedFolder: root.url.appendingPathComponent("public"), watchRoot: root.url,
            quietPeriod: quietPeriod, forcePolling: polling, pollInterval: .milliseconds(50), idleTimeout: idleTimeout)
    }
}
