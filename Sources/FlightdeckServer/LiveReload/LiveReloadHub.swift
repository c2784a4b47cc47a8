/// Keeps the state of the last build and the open event streams, and tells every open page what happened.
actor LiveReloadHub {
    /// At most this many pages listen at once; more get 503 (a browser holds one connection per visible tab).
    static let maximumSubscribers = 64

    private let instance: String
    private var generation = 0
    private var diagnostics: String?
    private var subscribers: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
    private var nextID = 0
    private var closed = false

    /// A hub for one server run; `instance` distinguishes runs so pages reload after a restart.
    init(instance: String) {
        self.instance = instance
    }

    /// The diagnostics of the last build if it failed.
    var failure: String? { diagnostics }

    /// The site's version as pages see it: the server run and the number of good rebuilds.
    var version: String { "\(instance)-\(generation)" }

    /// The number of open event streams.
    var subscriberCount: Int { subscribers.count }

    /// A new stream of events, starting with `hello` and, while the last build is failed, its `error`;
    /// nil when too many pages listen already or the server is stopping.
    func subscribe() -> AsyncStream<LiveReloadEvent>? {
        guard !closed, subscribers.count < Self.maximumSubscribers else { return nil }
        let (stream, continuation) = AsyncStream.makeStream(of: LiveReloadEvent.self, bufferingPolicy: .bufferingNewest(16))
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        continuation.yield(.hello(version: version))
        if let diagnostics { continuation.yield(.error(diagnostics: diagnostics)) }
        return stream
    }

    /// Records a rebuild's outcome and tells every page.
    func publish(_ outcome: RebuildOutcome) {
        switch outcome {
        case .built(_, let stylesheetsOnly):
            generation += 1
            diagnostics = nil
            broadcast(stylesheetsOnly ? .css(version: version) : .reload(version: version))
        case .failed(let text):
            diagnostics = text
            broadcast(.error(diagnostics: text))
        }
    }

    /// Sends an event to every open stream.
    func broadcast(_ event: LiveReloadEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every stream (the server is stopping) and refuses new ones.
    func closeAll() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }
}
