import Logging
import Testing

@testable import AgentCore

@Suite struct RetryDelayTests {
    let client = HTTPModelClient(
        logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
        options: .init(baseRetryDelay: .milliseconds(100), maxRetryDelay: .seconds(1)))

    @Test func backsOffExponentiallyUpToTheCap() {
        #expect(
            (1...5).map { client.retryDelay(attempt: $0, retryAfter: nil) } == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1),
            ])
    }

    @Test func honoursRetryAfterWithinTheCap() {
        #expect(client.retryDelay(attempt: 1, retryAfter: "0.5") == .milliseconds(500))
        #expect(client.retryDelay(attempt: 1, retryAfter: "120") == .seconds(1))
        #expect(client.retryDelay(attempt: 2, retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT") == .milliseconds(200))
    }
}
