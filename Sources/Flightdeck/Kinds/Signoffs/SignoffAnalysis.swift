import FlightdeckCore
package import Foundation

/// Where each required role stands, and whether each sign-off still stands on what it approved.
package struct SignoffFigures: Sendable, Encodable {
    /// Whether a sign-off is bound to the evidence it approved.
    package enum Verification: String, Sendable, Encodable {
        /// Recorded with a digest, and neither the inputs nor the kept figures changed since.
        case verified
        /// An input file or a kept figure changed since the signing.
        case stale
        /// No digest (written by hand): it cannot say what it approved.
        case unverified
    }

    /// A figure that changed since a sign-off.
    package struct FigureChange: Sendable, Encodable, Equatable {
        /// Its exported name, e.g. `tests.success_rate`.
        package var name: String
        /// The value when it was signed.
        package var before: String
        /// The value now ("–" when it is gone).
        package var after: String
    }

    /// One required role and its sign-off, if any.
    package struct Role: Sendable, Encodable {
        /// The role, as written.
        package var role: String
        /// approved, rejected, pending or missing.
        package var status: String
        /// Who signed, when someone did.
        package var approver: String?
        /// When.
        package var date: Date?
        /// Their comment.
        package var comment: String?
        /// verified, stale or unverified; absent for a role nobody signed.
        package var verification: Verification?
        /// Input files changed since the signing: empty when not stale; absent for a role nobody signed, or when the
        /// evidence file lost the list.
        package var changedFiles: [String]? {
            get { changes.files }
            set { change { $0.files = newValue } }
        }
        /// Kept figures that changed since the signing, before and after.
        package var changedFigures: [FigureChange] {
            get { changes.figures }
            set { change { $0.figures = newValue } }
        }
        /// The digest it was signed against.
        package var digest: String?
        /// The Flightdeck version that recorded it.
        package var flightdeck: String?
        /// For a stale sign-off: "stale: signed 2026-05-10 by Kim Park; changed since: experiments.csv, tests/junit.xml".
        package var staleText: String? {
            get { changes.staleText }
            set { change { $0.staleText = newValue } }
        }
        /// For a stale sign-off, what changed: "experiments.csv, tests/junit.xml".
        package var changedSince: String? {
            get { changes.changedSince }
            set { change { $0.changedSince = newValue } }
        }
        /// "signed 2026-05-10 by Kim Park", for a role someone signed (made when asked for: a site may have
        /// thousands of roles).
        package var signedText: String? {
            approver.map { approver in "signed\(date.map { " \(Timestamp.dayString($0))" } ?? "") by \(approver)" }
        }
        /// Why an unverified sign-off is unverified: "no digest", "edited by hand after flightdeck signoff recorded it".
        package var unverifiedWhy: String?

        /// What changed since a sign-off, which only a stale one has: kept apart, shared by copies, so that a role
        /// without changes (nearly all of them) holds a pointer where it held 48 bytes.
        private struct Changes: Sendable {
            var files: [String]? = []
            var figures: [FigureChange] = []
            var staleText: String?
            var changedSince: String?

            var isDefault: Bool { files?.isEmpty == true && figures.isEmpty && staleText == nil && changedSince == nil }
        }

        /// Immutable, so copies of a role share it; a change makes a new one.
        private final class ChangesBox: Sendable {
            let changes: Changes
            init(_ changes: Changes) { self.changes = changes }
        }

        private var changesBox: ChangesBox?

        private var changes: Changes { changesBox?.changes ?? Changes() }

        private mutating func change(_ edit: (inout Changes) -> Void) {
            var changed = changes
            edit(&changed)
            changesBox = changed.isDefault ? nil : ChangesBox(changed)
        }

        /// A role and its sign-off's figures.
        package init(role: String, status: String, approver: String? = nil, date: Date? = nil, comment: String? = nil,
                     verification: Verification?, changedFiles: [String]?, changedFigures: [FigureChange], digest: String? = nil,
                     flightdeck: String? = nil) {
            self.role = role
            self.status = status
            self.approver = approver
            self.date = date
            self.comment = comment
            self.verification = verification
            self.digest = digest
            self.flightdeck = flightdeck
            if changedFiles?.isEmpty != true || !changedFigures.isEmpty {
                change { $0.files = changedFiles; $0.figures = changedFigures }
            }
        }

        private enum CodingKeys: String, CodingKey {
            case role, status, approver, date, comment, verification, changedFiles, changedFigures, digest, flightdeck
            case staleText, changedSince, signedText, unverifiedWhy
        }

        /// As the members are declared, `signedText` among them.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(role, forKey: .role)
            try container.encode(status, forKey: .status)
            try container.encodeIfPresent(approver, forKey: .approver)
            try container.encodeIfPresent(date, forKey: .date)
            try container.encodeIfPresent(comment, forKey: .comment)
            try container.encodeIfPresent(verification, forKey: .verification)
            try container.encodeIfPresent(changedFiles, forKey: .changedFiles)
            try container.encode(changedFigures, forKey: .changedFigures)
            try container.encodeIfPresent(digest, forKey: .digest)
            try container.encodeIfPresent(flightdeck, forKey: .flightdeck)
            try container.encodeIfPresent(staleText, forKey: .staleText)
            try container.encodeIfPresent(changedSince, forKey: .changedSince)
            try container.encodeIfPresent(signedText, forKey: .signedText)
            try container.encodeIfPresent(unverifiedWhy, forKey: .unverifiedWhy)
        }
    }

    /// Required roles in file order, then any extra roles that signed (on pages: at most `PageRows.limit`).
    package var roles: [Role]
    /// On pages, how many roles are not listed (absent when none is).
    package var rolesOmitted: Int? = nil
    /// How many required roles approved with a verified sign-off.
    package var approved: Int
    /// How many required roles there are.
    package var required: Int
    /// Roles that rejected (on pages: at most `PageRows.limit`).
    package var rejected: [String]
    /// On pages, how many of `rejected` are not listed (absent when none is).
    package var rejectedOmitted: Int? = nil
    /// Required roles with no decision yet (pending or missing) (on pages: at most `PageRows.limit`).
    package var outstanding: [String]
    /// On pages, how many of `outstanding` are not listed (absent when none is).
    package var outstandingOmitted: Int? = nil
    /// Required roles whose approval is stale (on pages: at most `PageRows.limit`).
    package var stale: [String]
    /// On pages, how many of `stale` are not listed (absent when none is).
    package var staleOmitted: Int? = nil
    /// Required roles whose approval has no digest (on pages: at most `PageRows.limit`).
    package var unverified: [String]
    /// On pages, how many of `unverified` are not listed (absent when none is).
    package var unverifiedOmitted: Int? = nil
    /// All required roles approved with verified sign-offs, and none rejected.
    package var complete: Bool
}

/// Pure computation of sign-off status.
package enum SignoffAnalysis {
    /// Matches entries to required roles and checks each against the release's inputs (`nil` when not
    /// hashed) and current figures (`nil` to leave figures out).
    package static func analyse(_ signoffs: Signoffs, inputs: [SignoffEvidence.File]? = nil,
                                figures: [SignoffEvidence.Figure]? = nil) -> SignoffFigures {
        func role(_ name: String, _ entry: Signoffs.Entry?) -> SignoffFigures.Role {
            guard let entry else {
                return .init(role: name, status: "missing", verification: nil, changedFiles: nil, changedFigures: [])
            }
            let check = SignoffVerification.verify(entry, evidence: signoffs.evidence, inputs: inputs, figures: figures)
            var row = SignoffFigures.Role(role: name, status: entry.decision.rawValue, approver: entry.approver, date: entry.date,
                                          comment: entry.comment, verification: check.state, changedFiles: check.changedFiles,
                                          changedFigures: check.changedFigures, digest: entry.digest, flightdeck: entry.flightdeck)
            row.unverifiedWhy = check.state == .unverified ? check.why : nil
            if check.state == .stale {
                let changed = changedSince(check)
                row.changedSince = changed
                row.staleText = "stale: \(row.signedText ?? ""); changed since: \(changed)"
            }
            return row
        }
        // The first entry of each required role (the reader keeps one per role), by its index, in one pass over a
        // set: thousands of roles stay linear, and no entry is copied.
        let requiredRoles = Set(signoffs.required)
        var entryOf: [String: Int] = [:]
        var extras = 0
        for (index, entry) in signoffs.entries.enumerated() {
            if !requiredRoles.contains(entry.role) {
                extras += 1
            } else if entryOf[entry.role] == nil {
                entryOf[entry.role] = index
            }
        }
        var roles: [SignoffFigures.Role] = []
        roles.reserveCapacity(signoffs.required.count + extras)
        for name in signoffs.required { roles.append(role(name, entryOf[name].map { signoffs.entries[$0] })) }
        for entry in signoffs.entries where !requiredRoles.contains(entry.role) { roles.append(role(entry.role, entry)) }
        // The required roles come first.
        let required = roles.prefix(signoffs.required.count)
        var approved = 0
        var stale: [String] = []
        var unverified: [String] = []
        var outstanding: [String] = []
        for row in required {
            switch (row.status, row.verification) {
            case ("approved", .verified): approved += 1
            case ("approved", .stale): stale.append(row.role)
            case ("approved", .unverified): unverified.append(row.role)
            case ("pending", _), ("missing", _): outstanding.append(row.role)
            default: break
            }
        }
        let rejected = roles.compactMap { $0.status == "rejected" ? $0.role : nil }
        return SignoffFigures(roles: roles, approved: approved, required: signoffs.required.count, rejected: rejected,
                              outstanding: outstanding, stale: stale, unverified: unverified,
                              complete: approved == signoffs.required.count && rejected.isEmpty)
    }

    /// What changed since a stale sign-off: the files, then each kept figure with its value then and now.
    private static func changedSince(_ check: SignoffVerification.Status) -> String {
        var changed: [String] = []
        if let files = check.changedFiles { changed += files } else { changed.append("input files (the list signed is no longer in \(SignoffEvidence.fileName))") }
        changed += check.changedFigures.map { "\($0.name) \($0.before) → \($0.after)" }
        return changed.joined(separator: ", ")
    }
}
