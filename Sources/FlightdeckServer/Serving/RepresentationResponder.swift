import Hummingbird

/// Turns a representation and a request into a response: 200, 206, 304 or 416, gzip when the client
/// accepts it, headers only for HEAD.
struct RepresentationResponder {
    let representation: Representation
    let request: Request

    /// The response; `status` is 200 for the file asked for, 404 for the site's 404 page (no validators then).
    func response(status: HTTPResponse.Status) -> Response {
        let gzip = representation.gzip.flatMap { AcceptEncoding.allowsGzip(request.headers[.acceptEncoding]) ? $0 : nil }
        guard status == .ok else {
            var headers = Representation.commonHeaders(contentType: representation.contentType, varies: representation.variesByEncoding)
            if gzip != nil { headers[.contentEncoding] = "gzip" }
            return body(gzip ?? representation.identity, status: status, headers: headers)
        }
        var headers = gzip == nil ? representation.identityHeaders : representation.gzipHeaders
        if Validators.isNotModified(ifNoneMatch: request.headers[.ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince],
                                    etag: headers[.eTag] ?? representation.etag, modifiedSeconds: representation.modifiedSeconds) {
            return notModified(headers)
        }
        guard let rangeHeader = request.headers[.range],
              Validators.allowsRange(ifRange: request.headers[.ifRange], etag: representation.etag,
                                     lastModified: representation.lastModified)
        else { return body(gzip ?? representation.identity, status: .ok, headers: headers) }

        let size = representation.identity.readableBytes
        switch ByteRange(header: rangeHeader, size: size) {
        case .whole:
            return body(gzip ?? representation.identity, status: .ok, headers: headers)
        case .partial(let bytes):
            headers = representation.identityHeaders
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
            let slice = representation.identity.getSlice(at: bytes.lowerBound, length: bytes.count) ?? ByteBuffer()
            return body(slice, status: .partialContent, headers: headers)
        case .unsatisfiable:
            headers = representation.identityHeaders
            headers[.contentRange] = "bytes */\(size)"
            headers[.contentType] = "text/plain; charset=utf-8"
            return body(ByteBuffer(string: "416 Range Not Satisfiable\n"), status: .rangeNotSatisfiable, headers: headers)
        }
    }

    private func notModified(_ headers: HTTPFields) -> Response {
        var response = Response(status: .notModified, headers: headers)
        response.headers[.contentLength] = nil
        return response
    }

    private func body(_ buffer: ByteBuffer, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var headers = headers
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: buffer))
    }
}

extension Response {
    /// A short plain-text response.
    static func plainText(_ text: String, status: HTTPResponse.Status, extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 400 for paths that try to leave the site folder or are malformed.
    static var badRequest: Response { plainText("400 Bad Request\n", status: .badRequest) }
}
