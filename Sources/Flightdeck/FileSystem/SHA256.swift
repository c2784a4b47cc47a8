internal import CCrypto
package import Foundation

/// SHA-256 (FIPS 180-4) through the system's OpenSSL `libcrypto` (Debian: libssl-dev), for the digests
/// that bind a sign-off to the files it approved and the content addresses of the build cache.
///
/// OpenSSL uses the CPU's SHA extensions where it has them (about 1.5 GB/s here, ten times the
/// hand-written Swift it replaces). Tested against Python's hashlib (Tests/FlightdeckTests/Fixtures/sha256/).
package enum SHA256 {
    /// The 32-byte digest of `bytes`.
    package static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = output.withUnsafeMutableBufferPointer { out in
            // An empty buffer may have no base address; OpenSSL wants a pointer all the same.
            withUnsafeBytes(of: UInt8(0)) { empty in
                EVP_Digest(bytes.baseAddress ?? empty.baseAddress, bytes.count, out.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        // EVP_Digest fails only when OpenSSL cannot allocate; a digest of zeros would then compare unequal
        // to every real one, which is the safe way to fail for a cache key or an approval check.
        return ok == 1 && length == 32 ? output : [UInt8](repeating: 0, count: 32)
    }

    /// The digest of bytes handed over in pieces: `pieces` calls its argument with each piece, in order. Used to
    /// hash a mapped file a piece at a time, giving back each piece's pages once hashed.
    package static func digest(pieces: ((UnsafeRawBufferPointer) -> Void) -> Void) -> [UInt8] {
        let failed = [UInt8](repeating: 0, count: 32)   // as `digest(_:)` fails: unequal to every real digest
        guard let context = EVP_MD_CTX_new() else { return failed }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return failed }
        var ok = true
        pieces { piece in
            withUnsafeBytes(of: UInt8(0)) { empty in
                if EVP_DigestUpdate(context, piece.baseAddress ?? empty.baseAddress, piece.count) != 1 { ok = false }
            }
        }
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let finished = output.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        return ok && finished == 1 && length == 32 ? output : failed
    }

    /// The digest of `data` as 64 lower-case hex digits.
    package static func hex(_ data: Data) -> String {
        hex(digest: data.withUnsafeBytes { digest($0) })
    }

    /// The digest of a string's UTF-8 bytes as 64 lower-case hex digits.
    package static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(digest: digest(UnsafeRawBufferPointer($0))) }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// Bytes as lower-case hex.
    package static func hex(digest: [UInt8]) -> String {
        var text = [UInt8]()
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
