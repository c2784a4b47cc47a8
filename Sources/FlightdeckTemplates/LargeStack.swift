import Foundation

/// Runs parsing and rendering on a thread with a large stack.
///
/// The parser and renderer recurse once per nested tag, expression, include and macro call. Their limits
/// (Parser.maxDepth, Renderer.maxDepth, Renderer.maxNesting) keep that recursion bounded, and a 64 MiB stack
/// holds the bound with room to spare even in debug builds; the calling thread (a Swift concurrency worker
/// has as little as 512 KiB) only waits. The stack is reserved address space: only the pages used are touched.
enum LargeStack {
    static let size = 64 << 20

    /// `body()`, run on a fresh thread with a `size` stack.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(TemplateError) -> T) throws(TemplateError) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do throws(TemplateError) {
                box.result = .success(try body())
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        switch box.result {
        case .success(let value)?: return value
        case .failure(let error)?: throw error
        case nil: throw TemplateError("the render thread ended without a result")
        }
    }

    /// The result handed from the render thread to the waiting caller (the semaphore orders the accesses).
    final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, TemplateError>?
    }
}
