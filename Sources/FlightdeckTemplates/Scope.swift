/// Variables visible at one point of a render: a chain of scopes ending in the render's context.
///
/// Jinja2's rules: `set` writes to the innermost scope; a for loop body, a macro call, a block and an
/// included template each get their own scope, an `if` does not.
final class Scope {
    /// The scope's own variables in a buffer it manages itself: as an array property every change would pay a
    /// dynamic exclusivity check and a uniqueness check, and scopes change on every loop iteration and macro call.
    private var slots: UnsafeMutablePointer<(name: String, entry: Entry)>
    private var count = 0
    private var capacity: Int
    let parent: Scope?
    /// `parent` without reference counting, for lookups (`parent` keeps it alive).
    private let parentReference: Unmanaged<Scope>?
    let context: [String: Value]
    /// Set on an included template's scope: Jinja2 passes the includer's variables but not its `loop`.
    let hidesLoop: Bool

    init(parent: Scope?, context: [String: Value] = [:], capacity: Int = 2, hidesLoop: Bool = false) {
        self.parent = parent
        parentReference = parent.map { Unmanaged.passUnretained($0) }
        self.hidesLoop = hidesLoop
        self.context = context
        self.capacity = max(capacity, 1)
        slots = .allocate(capacity: self.capacity)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// The innermost entry called `name`.
    func lookup(_ name: String) -> Entry? {
        // Walked through unmanaged references: the chain is kept alive by `self`, and a plain or `unowned(unsafe)`
        // reference would still be retained and released at every step.
        var current = Unmanaged.passUnretained(self)
        while true {
            let step: Step<Entry> = current._withUnsafeGuaranteedRef { scope in
                if let i = scope.index(of: name) { return .found(scope.slots[i].entry) }
                return scope.outer(name).map { .found(.value($0)) } ?? scope.next(name)
            }
            switch step {
            case .found(let entry): return entry
            case .parent(let parent): current = parent
            case .end: return nil
            }
        }
    }

    /// The value called `name`, if the innermost entry with that name is a value (one copy, not two).
    func lookupValue(_ name: String) -> Value? {
        var current = Unmanaged.passUnretained(self)
        while true {
            let step: Step<Value> = current._withUnsafeGuaranteedRef { scope in
                if let i = scope.index(of: name) {
                    if case .value(let value) = scope.slots[i].entry { return .found(value) }
                    return .end
                }
                return scope.outer(name).map { .found($0) } ?? scope.next(name)
            }
            switch step {
            case .found(let value): return value
            case .parent(let parent): current = parent
            case .end: return nil
            }
        }
    }

    /// One step of a lookup along the chain.
    private enum Step<Found> {
        case found(Found)
        case parent(Unmanaged<Scope>)
        case end
    }

    /// `name` in the render's context, if this scope holds it.
    @inline(__always)
    private func outer(_ name: String) -> Value? {
        context.isEmpty ? nil : context[name]
    }

    /// Where a lookup goes after this scope.
    @inline(__always)
    private func next<Found>(_ name: String) -> Step<Found> {
        if hidesLoop && name == "loop" { return .end }
        return parentReference.map { .parent($0) } ?? .end
    }

    /// The entry called `name` in this scope only (for modules).
    func local(_ name: String) -> Entry? {
        guard let i = index(of: name) else { return nil }
        return slots[i].entry
    }

    /// Sets `name` in this scope.
    func set(_ name: String, _ entry: Entry) {
        if let i = index(of: name) { slots[i].entry = entry; return }
        if count == capacity {
            let larger = UnsafeMutablePointer<(name: String, entry: Entry)>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: slots, count: count)
            slots.deallocate()
            slots = larger
            capacity *= 2
        }
        (slots + count).initialize(to: (name, entry))
        count += 1
    }

    /// Forgets this scope's own variables (a new loop iteration).
    func reset() {
        slots.deinitialize(count: count)
        count = 0
    }

    /// The names this scope defines itself, in order (a module's exports).
    var ownNames: [String] { (0..<count).map { slots[$0].name } }

    private func index(of name: String) -> Int? {
        var i = 0
        while i < count {
            if slots[i].name == name { return i }
            i += 1
        }
        return nil
    }

    /// Every name visible from here, for did-you-mean suggestions.
    var visibleNames: [String] {
        var all: [String] = []
        var scope: Scope? = self
        while let current = scope {
            all += current.ownNames + current.context.keys.sorted()
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
    /// The scope and frame of the last call, reused by the next one: nothing can keep a macro call's scope
    /// after it returns (its output is text), so only a recursive call needs a fresh pair.
    var spare: (scope: Scope, frame: Renderer.Frame)?
    var spareInUse: Bool {
        get { flag.pointee }
        set { flag.pointee = newValue }
    }
    /// Behind a pointer, as the counters of `Renderer`: changed on every call, it should not pay an exclusivity check.
    private let flag = UnsafeMutablePointer<Bool>.allocate(capacity: 1)

    init(_ macro: Macro, scope: Scope, template: Template) {
        self.macro = macro
        self.scope = scope
        self.template = template
        flag.initialize(to: false)
    }

    deinit {
        flag.deallocate()
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
