import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// The preview server behind `flightdeck serve`: serves a folder, watches the site's sources, asks a
/// `SiteRebuilder` to rebuild after changes, and pushes reloads (or the build's errors) to open pages.
///
/// ```swift
/// let server = PreviewServer(configuration: .init(servedFolder: root.appending(path: "public"), watchRoot: root),
///                            rebuilder: MyRebuilder())
/// try await server.run { port in print("Serving on http://127.0.0.1:\(port)/") }   // until Ctrl-C
/// ```
public struct PreviewServer: Sendable {
    /// Where it listens and what it serves and watches.
    public let configuration: Configuration
    private let rebuilder: any SiteRebuilder
    private let initialFailure: String?

    /// A server for `configuration`; `initialFailure` holds the diagnostics if the first build failed.
    public init(configuration: Configuration, rebuilder: any SiteRebuilder, initialFailure: String? = nil) {
        self.configuration = configuration
        self.rebuilder = rebuilder
        self.initialFailure = initialFailure
    }

    /// Serves until SIGINT or SIGTERM (or until the task is cancelled), then shuts down cleanly.
    ///
    /// `onReady` receives the bound port once the server listens (useful with port 0).
    /// Throws `PreviewServerError` when the address cannot be bound.
    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let parts = makeParts()
        if let initialFailure { await parts.hub.publish(.failed(diagnostics: initialFailure)) }
        var logger = Logger(label: "flightdeck.serve")
        logger.logLevel = .critical
        let port = configuration.port
        let app = Application(
            router: parts.router,
            server: PreviewHTTP1Channel.builder(configuration: http1Configuration),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: port), reuseAddress: true),
            services: configuration.liveReload ? [LiveReloadService(configuration: configuration, rebuilder: rebuilder, hub: parts.hub, cache: parts.folder.cache)] : [],
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? port) },
            logger: logger
        )
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PreviewServerError.portInUse(host: configuration.host, port: port)
        } catch let error as IOError {
            throw PreviewServerError.cannotBind(host: configuration.host, port: port, reason: error.description)
        } catch let error as SocketAddressError {
            throw PreviewServerError.cannotBind(host: configuration.host, port: port, reason: "\(error)")
        }
    }

    /// The pieces a running server shares: the folder, the hub and the router over them.
    struct Parts {
        /// The served folder.
        let folder: SiteFolder
        /// Live-reload state and streams.
        let hub: LiveReloadHub
        /// Routes `/__flightdeck/…` to the hub and everything else to the folder.
        let router: Router<BasicRequestContext>
    }

    /// Builds the folder, hub and router (tests use them with `app.test(.router)`).
    func makeParts() -> Parts {
        let inject: @Sendable ([UInt8]) -> [UInt8] = { LiveReloadScript.inject(into: $0) }
        let folder = SiteFolder(root: configuration.servedFolder.path, transformHTML: configuration.liveReload ? inject : nil)
        let hub = LiveReloadHub(instance: String(Int(Date().timeIntervalSince1970 * 1000), radix: 36))
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SiteMiddleware(folder: folder))
        if configuration.liveReload {
            router.get(RouterPath(LiveReloadScript.eventsPath)) { _, _ in await EventStream.response(hub: hub) }
            router.get(RouterPath(LiveReloadScript.path)) { _, _ in EventStream.scriptResponse() }
        }
        return Parts(folder: folder, hub: hub, router: router)
    }

    private var http1Configuration: HTTP1Channel.Configuration {
        HTTP1Channel.Configuration(
            idleTimeout: .nanoseconds(Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000
                + configuration.idleTimeout.components.attoseconds / 1_000_000_000),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100))
    }
}
