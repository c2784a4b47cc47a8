import Hummingbird
import ServiceLifecycle

/// The responses of the server's own endpoints: the event stream and the script.
enum EventStream {
    /// `GET /__flightdeck/events`: a `text/event-stream` that stays open until the page goes or the server stops.
    static func response(hub: LiveReloadHub) async -> Response {
        guard let events = await hub.subscribe() else {
            return .plainText("503 Too many live-reload connections\n", status: .serviceUnavailable, extra: [.retryAfter: "5"])
        }
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", .xContentTypeOptions: "nosniff",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // A graceful shutdown ends the stream, or the server would wait for the page to go away.
            for await event in events.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.encoded))
            }
            try await writer.finish(nil)
        })
    }

    /// `GET /__flightdeck/live-reload.js`.
    static func scriptResponse() -> Response {
        let headers: HTTPFields = [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
    }
}
