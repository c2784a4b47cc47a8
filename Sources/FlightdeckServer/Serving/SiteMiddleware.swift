import Hummingbird

/// Serves the site folder for every GET and HEAD outside `/__flightdeck/`, which it passes on to the router.
///
/// Folders answer with their `index.html` (after a 301 that adds the trailing slash), missing files
/// with the site's `404.html` and status 404, and hostile paths with 400.
struct SiteMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The prefix of the server's own endpoints (events, script).
    static var reservedPrefix: String { "/__flightdeck/" }

    let folder: SiteFolder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let rawPath = request.uri.path
        if rawPath.hasPrefix(Self.reservedPrefix) { return try await next(request, context) }
        guard request.method == .get || request.method == .head else {
            return Response.plainText("405 Method Not Allowed\n", status: .methodNotAllowed, extra: [.allow: "GET, HEAD"])
        }
        guard !rawPath.utf8.contains(UInt8(ascii: "\\")), !rawPath.utf8.contains(0) else { return .badRequest }
        let path: RequestPath
        do { path = try RequestPath(raw: rawPath) } catch { return .badRequest }

        // A folder's index is looked up first: one lookup instead of two for the most common request.
        if path.hasTrailingSlash || path.segments.isEmpty,
           case .file(let file, let status) = folder.entry(at: path.relative.isEmpty ? "index.html" : path.relative + "/index.html") {
            return try await respond(file: file, status: status, extension: "html", to: request, context: context)
        }
        switch folder.entry(at: path.relative) {
        case .file(let file, let status) where !path.hasTrailingSlash:
            return try await respond(file: file, status: status, extension: path.fileExtension, to: request, context: context)
        case .folder where !path.hasTrailingSlash:
            return .redirect(to: path.canonicalFolderURL(query: request.uri.query), type: .permanent)
        default:
            return try await notFound(request, context: context)
        }
    }

    private func respond(file: String, status: FileStatus, extension ext: String, to request: Request, context: Context)
        async throws -> Response {
        guard let representation = folder.representation(of: file, status: status, fileExtension: ext) else {
            if status.size > folder.cache.maximumFileSize {
                return try await LargeFile(path: file, status: status, fileExtension: ext).response(to: request, context: context)
            }
            return try await notFound(request, context: context)
        }
        return RepresentationResponder(representation: representation, request: request).response(status: .ok)
    }

    private func notFound(_ request: Request, context: Context) async throws -> Response {
        if FileStatus(path: folder.root) == nil { return notBuiltYet() }
        if case .file(let file, let status) = folder.entry(at: "404.html"),
           let representation = folder.representation(of: file, status: status, fileExtension: "html") {
            return RepresentationResponder(representation: representation, request: request).response(status: .notFound)
        }
        return .plainText("404 Not Found\n", status: .notFound)
    }

    /// 503 while the served folder does not exist (the first build failed): an HTML page, so that the
    /// live-reload script shows the build's errors and loads the site once a build succeeds.
    private func notBuiltYet() -> Response {
        let html = Array(("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not built yet</title></head>\n"
            + "<body><p>The site has not been built yet: fix the errors shown in the terminal.</p></body></html>\n").utf8)
        let body = ByteBuffer(bytes: folder.transformHTML?(html) ?? html)
        let headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache", .retryAfter: "1"]
        return Response(status: .serviceUnavailable, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}

extension RequestPath {
    /// The folder's URL with the trailing slash added, rebuilt from decoded segments so that `//host`
    /// can never become an open redirect.
    func canonicalFolderURL(query: String?) -> String {
        let encoded = segments.map { $0.addingPercentEncodingForPath }.joined(separator: "/")
        let path = encoded.isEmpty ? "/" : "/" + encoded + "/"
        guard let query, !query.isEmpty else { return path }
        return path + "?" + query
    }
}

extension String {
    /// The string with everything but unreserved characters and sub-delimiters percent-encoded.
    var addingPercentEncodingForPath: String {
        var out = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-._~!$&'()*+,;=:@".utf8.contains(byte):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
