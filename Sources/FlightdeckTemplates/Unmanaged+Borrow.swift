extension Unmanaged {
    /// Calls `body` with the instance at +0, without the retain and release a strong reference would pay around
    /// the call. Only for instances something else keeps alive for the whole call (a template's nodes, a scope chain).
    @inline(__always)
    func borrow<Result>(_ body: (Instance) throws(TemplateError) -> Result) throws(TemplateError) -> Result {
        do {
            return try _withUnsafeGuaranteedRef { instance throws in try body(instance) }
        } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError("\(error)")
        }
    }

    /// `borrow` for a body that cannot fail.
    @inline(__always)
    func borrow<Result>(_ body: (Instance) -> Result) -> Result {
        _withUnsafeGuaranteedRef(body)
    }
}
