#if !canImport(FlightdeckServer)
import ArgumentParser

/// `flightdeck serve` in a build made with FLIGHTDECK_NO_SERVER=1: explains how to get the real one.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Not in this build (made with FLIGHTDECK_NO_SERVER=1).")

    func run() async throws {
        throw ValidationError("this flightdeck was built with FLIGHTDECK_NO_SERVER=1, without the preview server; rebuild without it")
    }
}
#endif
