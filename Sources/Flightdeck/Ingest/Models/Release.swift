import FlightdeckCore
package import Foundation

/// A release's metadata from `release.yaml`.
package struct Release: Sendable, Encodable {
    /// The release id: its folder name.
    package var id: String
    /// The version being released, e.g. "2.4.0".
    package var version: String?
    /// A human title.
    package var title: String
    /// The planned or actual release date.
    package var date: Date?
    /// The accountable owner.
    package var owner: String?
    /// The product released, e.g. "invoice-processing"; test results are compared with the previous release of the same product.
    package var product: String?
    /// Target environment, e.g. "production".
    package var environment: String?
    /// A one-paragraph summary.
    package var summary: String?
    /// Related links (tickets, dashboards, runbooks).
    package var links: [Link] = []
    /// The release plan's phases, for the timeline chart.
    package var phases: [Phase] = []
    /// Drafts are left out of builds unless `--drafts` is given.
    package var draft = false

    /// A titled link; its URL is checked by `SafeURL` when it is read.
    package struct Link: Sendable, Encodable {
        /// The link text.
        package var title: String
        /// The target URL when it is safe to link (http, https, mailto or relative), otherwise empty.
        package var url: String
        /// The URL as written, to show as text when it is not safe.
        package var rawUrl: String
        /// Whether `url` may become an `href`.
        package var safe: Bool

        /// A link to `url`, which becomes an href only when `SafeURL` allows it.
        package init(title: String, url: String) {
            self.title = title
            self.rawUrl = url
            self.safe = SafeURL.isSafe(url)
            self.url = safe ? url : ""
        }
    }

    /// A phase of the release plan.
    package struct Phase: Sendable, Encodable {
        /// The phase name, e.g. "Staging validation".
        package var name: String
        /// The first day.
        package var start: Date
        /// The last day.
        package var end: Date
    }
}
