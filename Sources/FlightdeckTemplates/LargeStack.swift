import Foundation

/// Runs parsing and rendering on a thread with a large stack.
///
/// The parser and renderer recurse once per nested tag, expression, include and macro call. Their limits
/// (Parser.maxDepth, Renderer.maxDepth, Renderer.maxNesting) keep that recursion bounded, and a 64 MiB stack
/// holds the bound with room to spare even in debug builds; the calling thread (a Swift concurrency worker
/// has as little as 512 KiB) only waits. The stack is reserved address space: only the pages used are touched.
enum LargeStack {
    static let size = 64 << 20

    /// Marks the threads started here (their stack is `size`).
    private static let marker: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// True on a thread started here, where parsing and rendering can run directly.
    static var isCurrentThreadLarge: Bool { pthread_getspecific(marker) != nil }

    /// `body()`, run on a fresh thread with a `size` stack (directly when already on one).
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(TemplateError) -> T) throws(TemplateError) -> T {
        if isCurrentThreadLarge { return try body() }
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        start {
            do throws(TemplateError) {
                box.result = .success(try body())
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        switch box.result {
        case .success(let value)?: return value
        case .failure(let error)?: throw error
        case nil: throw TemplateError("the render thread ended without a result")
        }
    }

    /// Calls `body(i)` for every `i` in `0..<iterations` on one large-stack thread per core, so that the
    /// renders it makes run directly instead of starting a thread each.
    static func concurrentPerform(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard iterations > 0 else { return }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, iterations))
        let queue = WorkQueue(count: iterations)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            start {
                while let index = queue.next() { body(index) }
                done.signal()
            }
        }
        for _ in 0..<workers { done.wait() }
    }

    /// Starts a thread with a `size` stack, marked as one, running `body`.
    private static func start(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            pthread_setspecific(marker, UnsafeRawPointer(bitPattern: 1))
            body()
        }
        thread.stackSize = size
        thread.start()
    }

    /// Hands out the indices `0..<count` once each, to whichever thread asks first.
    private final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var taken = 0
        private let count: Int

        init(count: Int) { self.count = count }

        func next() -> Int? {
            lock.withLock {
                guard taken < count else { return nil }
                taken += 1
                return taken - 1
            }
        }
    }

    /// The result handed from the render thread to the waiting caller (the semaphore orders the accesses).
    final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, TemplateError>?
    }
}
