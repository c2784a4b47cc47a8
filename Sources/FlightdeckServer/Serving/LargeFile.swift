import Hummingbird

/// A file too large for the cache, streamed from disk with ranges but without gzip or script injection.
struct LargeFile {
    let path: String
    let status: FileStatus
    let fileExtension: String

    /// The response to a GET or HEAD for this file.
    func response(to request: Request, context: some RequestContext) async throws -> Response {
        let etag = "W/\"\(status.inode)-\(status.size)-\(status.modifiedSeconds).\(status.modifiedNanoseconds)\""
        let lastModified = HTTPDate.format(status.modifiedSeconds)
        var headers: HTTPFields = [
            .contentType: MediaTypes.contentType(forExtension: fileExtension), .cacheControl: "no-cache",
            .eTag: etag, .lastModified: lastModified, .acceptRanges: "bytes",
        ]
        if Validators.isNotModified(ifNoneMatch: request.headers[.ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince],
                                    etag: etag, modifiedSeconds: status.modifiedSeconds) {
            var response = Response(status: .notModified, headers: headers)
            response.headers[.contentLength] = nil
            return response
        }
        let range = Validators.allowsRange(ifRange: request.headers[.ifRange], etag: etag, lastModified: lastModified)
            ? ByteRange(header: request.headers[.range], size: status.size) : .whole
        let fileIO = FileIO()
        switch range {
        case .whole:
            headers[.contentLength] = String(status.size)
            let body = request.method == .head ? ResponseBody() : try await fileIO.loadFile(path: path, context: context)
            return Response(status: .ok, headers: headers, body: body)
        case .partial(let bytes):
            headers[.contentLength] = String(bytes.count)
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(status.size)"
            let body = request.method == .head ? ResponseBody() : try await fileIO.loadFile(path: path, range: bytes, context: context)
            return Response(status: .partialContent, headers: headers, body: body)
        case .unsatisfiable:
            return .plainText("416 Range Not Satisfiable\n", status: .rangeNotSatisfiable, extra: [.contentRange: "bytes */\(status.size)"])
        }
    }
}
