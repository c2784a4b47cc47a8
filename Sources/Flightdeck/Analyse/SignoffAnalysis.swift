package import Foundation

/// Where each required role stands.
package struct SignoffFigures: Sendable, Encodable {
    /// One required role and its sign-off, if any.
    package struct Role: Sendable, Encodable {
        /// The role.
        package var role: String
        /// approved, rejected, pending or missing.
        package var status: String
        /// Who signed, when someone did.
        package var approver: String?
        /// When.
        package var date: Date?
        /// Their comment.
        package var comment: String?
    }

    /// Required roles in file order, then any extra roles that signed.
    package var roles: [Role]
    /// How many required roles approved.
    package var approved: Int
    /// How many required roles there are.
    package var required: Int
    /// Roles that rejected.
    package var rejected: [String]
    /// Required roles with no decision yet (pending or missing).
    package var outstanding: [String]
    /// All required roles approved and none rejected.
    package var complete: Bool
}

/// Pure computation of sign-off status.
package enum SignoffAnalysis {
    /// Matches entries to required roles.
    package static func analyse(_ signoffs: Signoffs) -> SignoffFigures {
        var roles: [SignoffFigures.Role] = []
        for role in signoffs.required {
            let entry = signoffs.entries.first { $0.role == role }
            roles.append(.init(role: role, status: entry?.decision.rawValue ?? "missing", approver: entry?.approver,
                               date: entry?.date, comment: entry?.comment))
        }
        for entry in signoffs.entries where !signoffs.required.contains(entry.role) {
            roles.append(.init(role: entry.role, status: entry.decision.rawValue, approver: entry.approver,
                               date: entry.date, comment: entry.comment))
        }
        let required = roles.filter { signoffs.required.contains($0.role) }
        let approved = required.filter { $0.status == "approved" }.count
        let rejected = roles.filter { $0.status == "rejected" }.map(\.role)
        let outstanding = required.filter { $0.status == "pending" || $0.status == "missing" }.map(\.role)
        return SignoffFigures(roles: roles, approved: approved, required: signoffs.required.count, rejected: rejected,
                              outstanding: outstanding, complete: approved == signoffs.required.count && rejected.isEmpty)
    }
}
