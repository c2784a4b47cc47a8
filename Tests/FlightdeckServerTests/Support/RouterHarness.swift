import Foundation
import Hummingbird
import HummingbirdTesting
@testable import FlightdeckServer

/// Runs requests against the server's router without sockets (`app.test(.router)`).
func withRouter(serving folder: TemporaryFolder, liveReload: Bool = true,
                _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let configuration = PreviewServer.Configuration(port: 0, servedFolder: folder.url, watchRoot: folder.url, liveReload: liveReload)
    let server = PreviewServer(configuration: configuration, rebuilder: RecordingRebuilder())
    let app = Application(router: server.makeParts().router)
    try await app.test(.router, test)
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }
}
