/// Why the preview server could not start.
public enum PreviewServerError: Error, Equatable, CustomStringConvertible {
    /// Another program listens on the port.
    case portInUse(host: String, port: Int)
    /// Binding failed for another reason (unknown host, permission denied for ports below 1024…).
    case cannotBind(host: String, port: Int, reason: String)

    /// A message for the terminal that says what to do.
    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "port \(port) on \(host) is already in use; stop the other server or choose another port with --port \(port == 65_535 ? 8081 : port + 1)"
        case .cannotBind(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason); choose another address with --host or --port"
        }
    }
}
