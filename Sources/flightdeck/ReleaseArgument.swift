import ArgumentParser
import Flightdeck
import Foundation

extension ReleaseID {
    /// A command's release argument, checked before anything is read or written: an id that is not a
    /// folder name is printed as an error and exits `exitCode` (64, EX_USAGE; `gate` uses 3, cannot judge).
    static func argument(_ text: String, root: URL, exitCode: Int32 = 64) throws(ExitCode) -> ReleaseID {
        do {
            return try ReleaseID(text)
        } catch {
            Console.report(error.diagnostics, root: root)
            throw ExitCode(exitCode)
        }
    }
}
