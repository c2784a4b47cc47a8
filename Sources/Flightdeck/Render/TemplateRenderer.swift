import Foundation

/// The one file that links the pipeline to the template engine (stub until the engine lands).
struct TemplateRenderer: Sendable {
    init(siteTemplates: URL?) {}

    func render(_ name: String, context: [String: any Encodable & Sendable]) throws(DiagnosticError) -> String {
        throw DiagnosticError(.error("the template engine is not built in yet", at: .file(name)))
    }

    func validate(_ name: String) throws(DiagnosticError) {}
}
