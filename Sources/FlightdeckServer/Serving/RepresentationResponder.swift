import Hummingbird

/// Turns a representation and a request into a response: 200, 206, 304 or 416, gzip when the client
/// accepts it, headers only for HEAD.
struct RepresentationResponder {
    let representation: Representation
    let request: Request

    /// The response; `status` is 200 for the file asked for, 404 for the site's 404 page (no validators then).
    func response(status: HTTPResponse.Status) -> Response {
        let gzip = representation.gzip.flatMap { AcceptEncoding.allowsGzip(request.headers[.acceptEncoding]) ? $0 : nil }
        let etag = gzip == nil ? representation.etag : representation.gzipETag
        var headers = HTTPFields()
        headers[.contentType] = representation.contentType
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        if representation.variesByEncoding { headers[.vary] = "Accept-Encoding" }

        guard status == .ok else {
            return body(gzip ?? representation.identity, status: status, headers: headers, gzipped: gzip != nil)
        }
        headers[.eTag] = etag
        headers[.lastModified] = representation.lastModified
        headers[.acceptRanges] = "bytes"
        if Validators.isNotModified(ifNoneMatch: request.headers[.ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince],
                                    etag: etag, modifiedSeconds: representation.modifiedSeconds) {
            var response = Response(status: .notModified, headers: headers)
            response.headers[.contentLength] = nil
            return response
        }
        let size = representation.identity.readableBytes
        let range = Validators.allowsRange(ifRange: request.headers[.ifRange], etag: representation.etag,
                                           lastModified: representation.lastModified)
            ? ByteRange(header: request.headers[.range], size: size) : .whole
        switch range {
        case .whole:
            return body(gzip ?? representation.identity, status: .ok, headers: headers, gzipped: gzip != nil)
        case .partial(let bytes):
            headers[.eTag] = representation.etag
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
            let slice = representation.identity.getSlice(at: bytes.lowerBound, length: bytes.count) ?? ByteBuffer()
            return body(slice, status: .partialContent, headers: headers, gzipped: false)
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            headers[.contentType] = "text/plain; charset=utf-8"
            return body(ByteBuffer(string: "416 Range Not Satisfiable\n"), status: .rangeNotSatisfiable, headers: headers, gzipped: false)
        }
    }

    private func body(_ buffer: ByteBuffer, status: HTTPResponse.Status, headers: HTTPFields, gzipped: Bool) -> Response {
        var headers = headers
        if gzipped { headers[.contentEncoding] = "gzip" }
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
