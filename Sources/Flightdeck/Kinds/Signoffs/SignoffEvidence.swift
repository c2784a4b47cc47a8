/// What a sign-off approved: every input file of the release by path and SHA-256, the figures the
/// verdict and the checklist read at that moment, and the Flightdeck version that computed them.
///
/// `flightdeck signoff` writes the digest into the entry in signoffs.yaml and the rest into
/// `signoffs.evidence.json` beside it, keyed by the digest (docs/verdict.md).
package struct SignoffEvidence: Sendable, Encodable, Equatable {
    /// One input file.
    package struct File: Sendable, Encodable, Equatable {
        /// Relative to the release folder, with `/` separators: `tests/junit.xml`.
        package var path: String
        /// 64 lower-case hex digits.
        package var sha256: String
    }

    /// One figure, by its exported name (`tests.success_rate`), as text.
    package struct Figure: Sendable, Encodable, Equatable {
        package var name: String
        package var value: String
    }

    /// One decision recorded against this evidence, as `flightdeck signoff` wrote it into signoffs.yaml.
    package struct Signature: Sendable, Encodable, Equatable {
        package var role: String
        package var approver: String
        package var decision: String
        /// YYYY-MM-DD.
        package var date: String?
    }

    /// Input files, sorted by path.
    package var files: [File]
    /// Figures, in a fixed order.
    package var figures: [Figure]
    /// The Flightdeck version that computed them.
    package var flightdeck: String
    /// The decisions recorded against this evidence: an entry of signoffs.yaml that names this digest but
    /// matches none of them was edited by hand after it was recorded.
    package var signatures: [Signature] = []

    /// `sha256:` and the SHA-256 of the manifest: one `<sha256>  <path>` line a file, as `sha256sum` prints
    /// them, sorted by path. It depends on the files alone, so anyone can check it with sha256sum.
    package var digest: String { Self.digest(of: files) }

    /// The digest of a list of files (see `digest`).
    package static func digest(of files: [File]) -> String {
        let manifest = files.sorted { $0.path < $1.path }.map { "\($0.sha256)  \($0.path)\n" }.joined()
        return "sha256:" + SHA256.hex(Data(manifest.utf8))
    }

    /// The name of the file beside signoffs.yaml that keeps each digest's files and figures.
    package static let fileName = "signoffs.evidence.json"
}

import Foundation
