import AgentCore
import CodingAgent
import Glibc
import Testing

@Suite struct BlockingFileWorkTests {
    @Test func returnsTheResultFromAnotherThread() async throws {
        let caller = pthread_self()
        let ranElsewhere = try await BlockingFileWork.run { _ in pthread_equal(pthread_self(), caller) == 0 }
        #expect(ranElsewhere)
    }

    @Test func cancellingTheTaskStopsTheWork() async throws {
        let (started, signal) = AsyncStream<Void>.makeStream()
        let task = Task {
            try await BlockingFileWork.run { flag in
                signal.yield()
                while !flag.isCancelled { sched_yield() }
                return "stopped"
            }
        }
        var iterator = started.makeAsyncIterator()
        _ = await iterator.next()
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func errorsComeBack() async throws {
        await #expect(throws: WorkspacePathError.self) {
            try await BlockingFileWork.run { _ in throw WorkspacePathError.failed("boom") }
        }
    }
}
