import Foundation

/// Warnings for control characters XML 1.0 forbids, as the TRX and NUnit readers report them: the first ten one
/// by one, then nothing more (the characters are shown as visible symbols either way).
enum XMLForbiddenReport {
    /// Reports and empties the tokenizer's list of forbidden characters; `count` carries the running total.
    static func report(_ tokens: XMLTokenizer, log: DiagnosticLog, count: inout Int) {
        for character in tokens.forbidden {
            count += 1
            guard count <= JUnitParser.forbiddenListed else { continue }
            let code = String(format: "U+%04X", character.scalar)
            log.warning("control character \(code) is not allowed in XML 1.0; shown as \(XMLEntities.visible(character.scalar))", at: character.location)
        }
        tokens.forbidden.removeAll(keepingCapacity: true)
    }
}
