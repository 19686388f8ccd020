import SparkJSON
import SparkLSP
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The writer thread over a real pipe: order, a reader that stops reading, a reader that goes away, and the
/// flush at close.
@Suite struct MessageWriterTests {
    /// Starts reading `fd` to its end on a thread of its own (at once, whatever the pool is doing); the stream
    /// yields the frames' bodies at the end.
    private func readFrames(_ fd: Int32) -> AsyncStream<[String]> {
        let (bodies, continuation) = AsyncStream<[String]>.makeStream()
        DetachedThread.start {
            var parser = FrameParser()
            var received: [String] = []
            var buffer = [UInt8](repeating: 0, count: 16384)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                for case .frame(let body) in parser.feed(Array(buffer[..<count])) {
                    received.append(String(decoding: body, as: UTF8.self))
                }
            }
            close(fd)
            continuation.yield(received)
            continuation.finish()
        }
        return bodies
    }

    /// How many frames the log says were dropped, over every spell of dropping.
    private func droppedCount(in log: LogRecorder) -> Int {
        log.messages.compactMap { $0.firstMatch(of: /dropped (\d+) droppable/).flatMap { Int($0.1) } }.reduce(0, +)
    }

    @Test func framesArriveWholeAndInTheOrderTheyWereSent() async throws {
        let pipe = try Pipe.make()
        let writer = MessageWriter(fd: pipe.write, logger: .silent)
        let reading = readFrames(pipe.read)
        for number in 0..<2000 {
            let body = "\(number) " + String(repeating: "é", count: number % 50)
            #expect(writer.write(body: Data(body.utf8), priority: number.isMultiple(of: 3) ? .droppable : .essential))
        }
        #expect(await writer.close(flushingWithin: .seconds(30)))
        let bodies = try #require(await reading.first { _ in true })
        #expect(bodies.map { Int($0.prefix { $0 != " " })! } == Array(0..<2000))
        #expect(bodies[49] == "49 " + String(repeating: "é", count: 49))
        #expect(!writer.write(body: Data("late".utf8)))
    }

    @Test func aReaderThatStopsBlocksNoSenderAndLosesOnlyDroppableFrames() async throws {
        let pipe = try Pipe.make()
        let log = LogRecorder()
        let limits = WriterLimits(queuedBytes: 8192, queuedFrames: 32, stallLimit: .zero)
        let writer = MessageWriter(fd: pipe.write, limits: limits, logger: log.logger)
        // Nothing reads yet: the pipe takes 64 KiB, the queue 2 x 32 frames, and the sender never waits.
        let padding = String(repeating: "x", count: 200)
        let total = 5000
        try await withDeadline(.seconds(30)) {
            for number in 0..<total {
                let response = number.isMultiple(of: 100)
                let body = response ? "response \(number)" : "delta \(number) \(padding)"
                #expect(writer.write(body: Data(body.utf8), priority: response ? .essential : .droppable))
            }
        }
        #expect(log.messages.contains { $0.hasPrefix("warning The client is not reading") })
        let reading = readFrames(pipe.read)
        #expect(await writer.close(flushingWithin: .seconds(30)))
        let bodies = try #require(await reading.first { _ in true })

        let responses = bodies.filter { $0.hasPrefix("response") }
        #expect(responses == stride(from: 0, to: total, by: 100).map { "response \($0)" })
        let deltas = bodies.filter { $0.hasPrefix("delta") }.map { Int($0.split(separator: " ")[1])! }
        #expect(deltas == deltas.sorted() && Set(deltas).count == deltas.count)
        let dropped = droppedCount(in: log)
        #expect(dropped > 0)
        #expect(deltas.count + dropped == total - responses.count)
    }

    @Test func aReaderThatGoesAwayEndsTheWriterAndLaterSendsAreNoOps() async throws {
        let pipe = try Pipe.make()
        let log = LogRecorder()
        let writer = MessageWriter(fd: pipe.write, logger: log.logger)
        close(pipe.read)
        #expect(writer.write(body: Data("first".utf8)))
        #expect(await writer.waitUntilEnded(within: .seconds(30)))
        #expect(!writer.write(body: Data("second".utf8)))
        #expect(log.messages.contains { $0.contains("write failed") })
    }

    @Test func theFlushAtCloseGivesUpOnAReaderThatNeverReads() async throws {
        let pipe = try Pipe.make()
        let log = LogRecorder()
        let writer = MessageWriter(fd: pipe.write, logger: log.logger)
        let body = Data(String(repeating: "y", count: 100_000).utf8)
        for _ in 0..<4 { writer.write(body: body) }
        let flushed = await writer.close(flushingWithin: .milliseconds(200))
        #expect(!flushed)
        #expect(log.messages.contains { $0.contains("not written: the client did not read them within 0.2 s") })
        close(pipe.read)  // the writer thread's write fails and it ends
        #expect(await writer.waitUntilEnded(within: .seconds(30)))
    }
}
