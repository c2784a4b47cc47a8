import CompressNIO
import Hummingbird
import NIOCore

/// One file as the server sends it: the bytes (HTML with the live-reload script added), an optional
/// gzip variant, and the validators and headers that go with them.
struct Representation: Sendable {
    /// Files shorter than this are not worth compressing.
    static let minimumCompressedSize = 256

    /// The bytes as served without a content coding.
    let identity: ByteBuffer
    /// The gzip-coded bytes, when the type is compressible and gzip made them smaller.
    let gzip: ByteBuffer?
    /// Strong ETag of `identity`; the gzip variant's tag adds `-gzip`.
    let etag: String
    /// `Last-Modified` header value.
    let lastModified: String
    /// Modification time in whole seconds, for `If-Modified-Since`.
    let modifiedSeconds: Int
    /// `Content-Type` header value.
    let contentType: String
    /// Whether the response depends on `Accept-Encoding` (send `Vary`).
    let variesByEncoding: Bool
    /// The headers of a 200 response without coding, all but `Content-Length` (built once, not per request).
    let identityHeaders: HTTPFields
    /// The same for the gzip variant.
    let gzipHeaders: HTTPFields

    /// Builds the representation of a file's bytes; `transformHTML` rewrites HTML (to add the reload script).
    init(bytes: [UInt8], fileExtension: String, modifiedSeconds: Int, transformHTML: (([UInt8]) -> [UInt8])?) {
        let served = MediaTypes.isHTML(fileExtension) ? (transformHTML?(bytes) ?? bytes) : bytes
        identity = ByteBuffer(bytes: served)
        etag = Validators.etag(for: served)
        lastModified = HTTPDate.format(modifiedSeconds)
        self.modifiedSeconds = modifiedSeconds
        contentType = MediaTypes.contentType(forExtension: fileExtension)
        variesByEncoding = MediaTypes.isCompressible(fileExtension)
        gzip = variesByEncoding && served.count >= Self.minimumCompressedSize ? Self.compress(identity) : nil
        var headers = Self.commonHeaders(contentType: contentType, varies: variesByEncoding)
        headers[.lastModified] = lastModified
        headers[.acceptRanges] = "bytes"
        headers[.eTag] = etag
        identityHeaders = headers
        headers[.eTag] = String(etag.dropLast()) + "-gzip\""
        headers[.contentEncoding] = "gzip"
        gzipHeaders = headers
    }

    /// The headers every response for a file carries, whatever its status.
    static func commonHeaders(contentType: String, varies: Bool) -> HTTPFields {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"]
        if varies { headers[.vary] = "Accept-Encoding" }
        return headers
    }

    /// Bytes held in memory by this representation.
    var memoryCost: Int { identity.readableBytes + (gzip?.readableBytes ?? 0) }

    private static func compress(_ buffer: ByteBuffer) -> ByteBuffer? {
        var input = buffer
        guard let compressed = try? input.compress(with: .gzip()), compressed.readableBytes < buffer.readableBytes else {
            return nil
        }
        return compressed
    }
}
