/// The five predefined XML entities and character references; nothing else is expanded.
enum XMLEntities {
    /// Why text could not be decoded.
    struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Decodes `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#N;` `&#xH;` in `bytes`; any other entity is an error,
    /// because entity expansion is disabled. `normalise` turns literal tabs and line breaks into spaces (attributes).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, normalise: Bool) -> Result<String, XMLEntities.Problem> {
        var needsWork = false
        for byte in bytes where byte == UInt8(ascii: "&") || (normalise && (byte == 0x09 || byte == 0x0A || byte == 0x0D)) {
            needsWork = true
            break
        }
        if !needsWork { return utf8(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if normalise, byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                out.append(0x20); i += 1; continue
            }
            guard byte == UInt8(ascii: "&") else { out.append(byte); i += 1; continue }
            var end = i + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: ";"), end - i < 40 { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return .failure(Problem("'&' must start an entity such as &amp;")) }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end]), as: UTF8.self)
            switch name {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                guard name.hasPrefix("#") else {
                    return .failure(Problem("undefined entity '&\(name);' (only the five predefined entities are expanded)"))
                }
                let digits = name.dropFirst()
                let code = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let code, let scalar = Unicode.Scalar(code), code != 0 else { return .failure(Problem("invalid character reference '&\(name);'")) }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            i = end + 1
        }
        return out.withUnsafeBufferPointer { utf8($0) }
    }

    /// Validated UTF-8.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, XMLEntities.Problem> {
        if let text = UTF8Text.decode(bytes) { return .success(text) }
        return .failure(Problem("text is not valid UTF-8; save the file as UTF-8"))
    }
}
