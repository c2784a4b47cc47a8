/// Attribute, item and slice access with Python's rules (negative indices, clamped slices).
extension Value {
    /// `value.name`: an object's key; the pair of a `groupby` result also answers `.grouper` and `.list`.
    func attribute(_ name: String) -> Value? {
        switch self {
        case .object: return member(name)
        case .array(let items) where items.count == 2:
            if name == "grouper" { return items[0] }
            if name == "list" { return items[1] }
            return nil
        default: return nil
        }
    }

    /// `value[key]`: object keys, list and string indices (negative from the end); nil when missing.
    func item(_ key: Value) -> Value? {
        switch self {
        case .object:
            guard let name = key.text else { return nil }
            return member(name)
        case .array(let items):
            guard let i = key.integer, let index = Self.resolve(i, count: items.count) else { return nil }
            return items[index]
        case .string(let s), .markup(let s):
            let scalars = s.unicodeScalars
            guard let i = key.integer, let index = Self.resolve(i, count: scalars.count) else { return nil }
            let character = String(scalars[scalars.index(scalars.startIndex, offsetBy: index)])
            return isMarkup ? .markup(character) : .string(character)
        default: return nil
        }
    }

    private static func resolve(_ index: Int, count: Int) -> Int? {
        let resolved = index < 0 ? index + count : index
        return resolved >= 0 && resolved < count ? resolved : nil
    }
}

/// `a[i:j]` on lists and strings, clamped as Python clamps.
func slice(_ value: Value, _ start: Value?, _ stop: Value?) throws(TemplateError) -> Value {
    func bound(_ v: Value?, count: Int, default fallback: Int) throws(TemplateError) -> Int {
        guard let v, v.integer != nil || { if case .null = v { return false } else { return true } }() else { return fallback }
        guard let i = v.integer else { throw TemplateError("slice indices must be integers or none, found \(v.described)") }
        let resolved = i < 0 ? i + count : i
        return min(max(resolved, 0), count)
    }
    switch value {
    case .array(let items):
        let lower = try bound(start, count: items.count, default: 0)
        let upper = try bound(stop, count: items.count, default: items.count)
        return .array(lower < upper ? Array(items[lower..<upper]) : [])
    case .string(let s), .markup(let s):
        let scalars = Array(s.unicodeScalars)
        let lower = try bound(start, count: scalars.count, default: 0)
        let upper = try bound(stop, count: scalars.count, default: scalars.count)
        var view = String.UnicodeScalarView()
        if lower < upper { view.append(contentsOf: scalars[lower..<upper]) }
        return value.isMarkup ? .markup(String(view)) : .string(String(view))
    default:
        throw TemplateError("cannot slice \(value.described)")
    }
}
