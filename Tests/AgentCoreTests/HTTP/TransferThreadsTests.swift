import Dispatch
import SparkJSON
import Synchronization
import Testing

@testable import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The threads model requests run on: each work gets a thread of its own, a finished thread waits for the next
/// work (up to a limit, for a time), and no queued work is left without a thread.
@Suite struct TransferThreadsTests {
    /// Runs `body` on `threads` and returns the thread it ran on (`pthread_self`, unique among live threads).
    private func threadID(on threads: TransferThreads, _ body: @escaping @Sendable () -> Void = {}) async -> String {
        await withCheckedContinuation { continuation in
            threads.start {
                body()
                continuation.resume(returning: "\(pthread_self())")
            }
        }
    }

    /// Whether `count` threads come to wait within ten seconds (blocking on a thread of its own).
    private func idle(_ threads: TransferThreads, _ count: Int) async -> Bool {
        await DetachedThread.run { threads.waitUntil(timeout: .seconds(10)) { idle, _ in idle == count } }
    }

    @Test func aFinishedThreadTakesTheNextWork() async throws {
        let threads = TransferThreads(idleLimit: 1, idleTimeout: .seconds(300))
        defer { threads.shutdown() }
        let first = await threadID(on: threads)
        #expect(await idle(threads, 1))
        let second = await threadID(on: threads)
        #expect(first == second)
    }

    @Test func concurrentWorkEachGetsAThreadAndAtMostTheLimitWaitAfter() async throws {
        let threads = TransferThreads(idleLimit: 2, idleTimeout: .seconds(300))
        defer { threads.shutdown() }
        // Eight works that each hold their thread (as a transfer does) until all eight have started.
        let gate = DispatchSemaphore(value: 0)
        let started = Counter()
        let ids = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    await threadID(on: threads) {
                        if started.increment() == 8 { for _ in 0..<8 { gate.signal() } }
                        gate.wait()
                    }
                }
            }
            var ids: [String] = []
            for await id in group { ids.append(id) }
            return ids
        }
        #expect(Set(ids).count == 8)
        #expect(await idle(threads, 2))
    }

    @Test func aWaitingThreadEndsAfterItsTimeout() async throws {
        let threads = TransferThreads(idleLimit: 4, idleTimeout: .seconds(2))
        defer { threads.shutdown() }
        _ = await threadID(on: threads)
        // Nothing else takes the waiting thread: only its timeout ends it. (Whether it was seen waiting depends
        // on how soon this test looks, so the count of timed-out threads is what is checked.)
        let ended = await DetachedThread.run {
            threads.waitUntil(timeout: .seconds(10)) { idle, timedOut in idle == 0 && timedOut == 1 }
        }
        #expect(ended)
    }

    @Test func shutdownEndsTheWaitingThreadsAndLaterWorkStillRuns() async throws {
        let threads = TransferThreads(idleLimit: 4, idleTimeout: .seconds(300))
        _ = await threadID(on: threads)
        #expect(await idle(threads, 1))
        threads.shutdown()
        #expect(await idle(threads, 0))
        _ = await threadID(on: threads)
    }
}

/// A count shared by the works of a test.
private final class Counter: Sendable {
    private let value = Mutex(0)

    /// Adds one and returns the new count.
    func increment() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}
