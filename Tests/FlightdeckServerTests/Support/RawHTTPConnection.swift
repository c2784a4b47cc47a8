import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain TCP connection to 127.0.0.1 for tests that need exact request bytes or a response that never
/// ends (server-sent events). Blocking calls run on a thread of their own, never on the test's executor.
final class RawHTTPConnection: @unchecked Sendable {
    private let socket: Int32
    private let lock = NSLock()
    private var received: [UInt8] = []

    /// Connects to `127.0.0.1:port`.
    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RawHTTPError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw RawHTTPError.socket(errno)
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socket) }

    /// Sends bytes as they are.
    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw RawHTTPError.socket(errno) }
            sent += count
        }
    }

    /// Reads until the text received so far satisfies `done`, the peer closes, or `timeout` passes;
    /// returns everything received on this connection.
    func read(timeout: Duration, until done: @escaping @Sendable (String) -> Bool) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: self.blockingRead(timeout: timeout, until: done)) }
            thread.start()
        }
    }

    private func blockingRead(timeout: Duration, until done: (String) -> Bool) -> (text: String, closed: Bool) {
        let deadline = ContinuousClock.now + timeout
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while ContinuousClock.now < deadline {
            let text = lock.withLock { String(decoding: received, as: UTF8.self) }
            if done(text) { return (text, false) }
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return (lock.withLock { String(decoding: received, as: UTF8.self) }, true) }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                return (lock.withLock { String(decoding: received, as: UTF8.self) }, true)
            }
            lock.withLock { received.append(contentsOf: chunk[..<count]) }
        }
        return (lock.withLock { String(decoding: received, as: UTF8.self) }, false)
    }
}

/// A socket call failed.
enum RawHTTPError: Error {
    case socket(Int32)
}

extension String {
    /// Whether the text holds a complete HTTP response head (status line and headers).
    var hasCompleteHead: Bool { contains("\r\n\r\n") }

    /// The status code of the first response in the text.
    var statusCode: Int? {
        guard hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(dropFirst(9).prefix(3))
    }
}
