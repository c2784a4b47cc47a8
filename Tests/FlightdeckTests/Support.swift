import Testing
@testable import Flightdeck
