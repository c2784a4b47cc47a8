import NIOCore
import NIOHTTP1

/// Marks each request that does not keep its connection alive with `Connection: close`.
///
/// Hummingbird's HTTP/1 loop closes a connection after the response only when the request's `Connection`
/// header is exactly `close`: it sees requests as version-less HTTP types, so an HTTP/1.0 request without
/// `Connection: keep-alive` (whose connection ends with the response, RFC 9112 §9.3) or a `Connection: Close`
/// would keep the connection open until the idle timeout. This handler sits on the HTTP/1 side of the
/// pipeline, where the version is still known, and writes the header Hummingbird reads.
final class ConnectionCloseMarker: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(var head) = unwrapInboundIn(data), !head.isKeepAlive {
            head.headers.replaceOrAdd(name: "connection", value: "close")
            context.fireChannelRead(wrapInboundOut(.head(head)))
        } else {
            context.fireChannelRead(data)
        }
    }
}
