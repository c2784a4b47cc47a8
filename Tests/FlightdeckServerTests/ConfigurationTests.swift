import Foundation
import Testing
@testable import FlightdeckServer

@Suite struct ConfigurationTests {
    static func configuration(host: String) -> PreviewServer.Configuration {
        PreviewServer.Configuration(host: host, servedFolder: URL(fileURLWithPath: "/tmp/public"), watchRoot: URL(fileURLWithPath: "/tmp"))
    }

    @Test(arguments: ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])
    func loopbackHosts(host: String) {
        #expect(Self.configuration(host: host).isLoopback)
    }

    @Test(arguments: ["0.0.0.0", "::", "192.168.1.20", "example.com", "128.0.0.1"])
    func otherHostsAreNotLoopback(host: String) {
        #expect(!Self.configuration(host: host).isLoopback)
    }

    @Test func defaultsListenOnLoopbackPort8080AndWatchTheSources() {
        let configuration = Self.configuration(host: "127.0.0.1")
        #expect(PreviewServer.Configuration(servedFolder: configuration.servedFolder, watchRoot: configuration.watchRoot).host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.watchedEntries == ["content", "templates", "flightdeck.yaml"])
    }

    @Test func portInUseMessageSuggestsAnotherPort() {
        #expect(PreviewServerError.portInUse(host: "127.0.0.1", port: 8080).description
            == "port 8080 on 127.0.0.1 is already in use; stop the other server or choose another port with --port 8081")
    }
}
