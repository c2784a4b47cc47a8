import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 channel with a `ConnectionCloseMarker` right after the request decoder, so that a
/// request that does not keep the connection alive gets it closed after its response.
struct PreviewHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    /// The channel that does the work.
    let base: HTTP1Channel

    /// A server builder for `Application(server:)`.
    static func builder(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in PreviewHTTP1Channel(base: HTTP1Channel(responder: responder, configuration: configuration)) }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(ConnectionCloseMarker(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
