/// Variables visible at one point of a render: a chain of scopes ending in the render's context.
///
/// Jinja2's rules: `set` writes to the innermost scope; a for loop body, a macro call, a block and an
/// included template each get their own scope, an `if` does not.
final class Scope {
    private var names: [String] = []
    private var entries: [Entry] = []
    let parent: Scope?
    let context: [String: Value]
    /// Set on an included template's scope: Jinja2 passes the includer's variables but not its `loop`.
    var hidesLoop = false

    init(parent: Scope?, context: [String: Value] = [:]) {
        self.parent = parent
        self.context = context
    }

    /// The innermost entry called `name`.
    func lookup(_ name: String) -> Entry? {
        var scope: Scope? = self
        while let current = scope {
            if let entry = current.local(name) { return entry }
            if let value = current.context[name] { return .value(value) }
            if current.hidesLoop && name == "loop" { return nil }
            scope = current.parent
        }
        return nil
    }

    /// The entry called `name` in this scope only (for modules).
    func local(_ name: String) -> Entry? {
        var i = names.count - 1
        while i >= 0 {
            if names[i] == name { return entries[i] }
            i -= 1
        }
        return nil
    }

    /// Sets `name` in this scope.
    func set(_ name: String, _ entry: Entry) {
        if let i = names.lastIndex(of: name) { entries[i] = entry; return }
        names.append(name)
        entries.append(entry)
    }

    /// Forgets this scope's own variables (a new loop iteration).
    func reset() {
        names.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    /// The names this scope defines itself, in order (a module's exports).
    var ownNames: [String] { names }

    /// Every name visible from here, for did-you-mean suggestions.
    var visibleNames: [String] {
        var all: [String] = []
        var scope: Scope? = self
        while let current = scope {
            all += current.names + current.context.keys.sorted()
            scope = current.parent
        }
        return all
    }
}

/// What a name can stand for during a render.
enum Entry {
    case value(Value)
    case macro(MacroClosure)
    case module(Module)
    case loop(LoopState)
    case superBlock(name: String, level: Int)
    /// A macro parameter that was not passed, or a name an import did not provide.
    case missing(String)
}

/// A macro with the scope it was defined in (macros see that scope's variables when called).
final class MacroClosure {
    let macro: Macro
    let scope: Scope
    let template: Template

    init(_ macro: Macro, scope: Scope, template: Template) {
        self.macro = macro
        self.scope = scope
        self.template = template
    }
}

/// An imported template: the names its top level defined.
final class Module {
    let name: String
    let scope: Scope

    init(name: String, scope: Scope) {
        self.name = name
        self.scope = scope
    }
}

/// `loop.index` and friends for the current iteration.
struct LoopState {
    let index0: Int
    let items: [Value]
}
