package import Foundation

/// Sign-offs from `signoffs.yaml`: the roles that must approve and who did.
package struct Signoffs: Sendable, Encodable {
    /// A decision recorded by an approver.
    package enum Decision: String, Sendable, Encodable, CaseIterable {
        case approved, rejected, pending
    }

    /// One recorded sign-off.
    package struct Entry: Sendable, Encodable {
        /// The role signing, e.g. "qa".
        package var role: String
        /// Who signed.
        package var approver: String
        /// Their decision.
        package var decision: Decision
        /// When they decided.
        package var date: Date?
        /// Conditions or reasons.
        package var comment: String?
        /// Where the entry is, for messages.
        package var line: Int
        /// The digest of the release's inputs when it was signed (`sha256:…`), if `flightdeck signoff` wrote it.
        package var digest: String? = nil
        /// The Flightdeck version that recorded it.
        package var flightdeck: String? = nil
    }

    /// The file's path, for diagnostics and for `flightdeck signoff`.
    package var path: String
    /// Roles that must approve before the release can go.
    package var required: [String]
    /// Recorded sign-offs, in file order.
    package var entries: [Entry]
    /// What each digest covered, from signoffs.evidence.json (by digest).
    package var evidence: [String: SignoffEvidence] = [:]

    private enum CodingKeys: String, CodingKey { case path, required, entries }
}
