internal import Yams

/// The check every edit passes before the editor returns it.
extension SignoffEditor {
    /// `edited` as text, if it parses to the original document with the list now holding `items`, where
    /// nil stands for the new entry, which must hold exactly `fields` (each value a string, read back as given).
    func checked(_ edited: YAMLText, expecting items: [Node?], with fields: [Field]) throws(DiagnosticError) -> String {
        let result = edited.string
        let refused = DiagnosticError(.error("cannot edit the file in place without changing what it says; nothing was written", at: .file(path)))
        let parsed: Node?
        do {
            parsed = try Yams.compose(yaml: result)
        } catch {
            throw refused
        }
        guard case .mapping(let mapping)? = parsed else { throw refused }
        let old = root?.mapping.map { Array($0) } ?? []
        let new = Array(mapping)
        // The other keys keep their values and order; `signoffs` stays where it was or comes last.
        let oldOthers = old.filter { $0.key.string != "signoffs" }
        let newOthers = new.filter { $0.key.string != "signoffs" }
        guard oldOthers.count == newOthers.count, zip(oldOthers, newOthers).allSatisfy({ $0.key == $1.key && $0.value == $1.value }),
              old.map(\.key.string) == new.map(\.key.string) || (key == nil && new.map(\.key.string) == old.map(\.key.string) + ["signoffs"]),
              let list = new.first(where: { $0.key.string == "signoffs" })?.value.sequence, list.count == items.count
        else { throw refused }
        for (expected, found) in zip(items, list) {
            if let expected {
                guard expected == found else { throw refused }
            } else {
                guard Self.holds(found, exactly: fields) else {
                    throw DiagnosticError(.error("cannot write these values so that they read back exactly; nothing was written", at: .file(path)))
                }
            }
        }
        return result
    }

    /// True if `node` is a mapping of exactly `fields`, in order, every value a string (a date may be a
    /// plain timestamp, which the reader takes as its text).
    static func holds(_ node: Node, exactly fields: [Field]) -> Bool {
        guard let mapping = node.mapping, mapping.count == fields.count else { return false }
        return zip(mapping, fields).allSatisfy { pair, field in
            guard pair.key.string == field.key, case .scalar(let value) = pair.value, value.string == field.value else { return false }
            return value.style != .plain || [Tag.Name.str.rawValue, Tag.Name.timestamp.rawValue].contains(pair.value.tag.rawValue)
        }
    }
}
