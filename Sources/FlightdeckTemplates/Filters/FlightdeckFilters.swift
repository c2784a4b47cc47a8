import FlightdeckCore

/// Filters Flightdeck adds to Jinja2's (documented as additions in docs/templates.md): `url`.
enum FlightdeckFilters {
    static let all: [Filter] = [
        // A URL from data made safe for `href` and `src`: the value itself when SafeURL allows it (http, https,
        // mailto or relative), otherwise "" (false in an `if`, and a link to the page itself if printed anyway).
        Filter("url") { (value, _) throws(TemplateError) in
            switch value {
            case .array, .object: throw TemplateError("url needs a URL as text, found \(value.described)")
            default: return SafeURL.isSafe(try value.pythonString()) ? value : .string("")
            }
        },
    ]
}
