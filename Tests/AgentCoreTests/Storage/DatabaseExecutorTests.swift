import AgentCore
import Dispatch
import Glibc
import Synchronization
import Testing

@Suite struct DatabaseExecutorTests {
    /// Counts the workers inside ``BlockingWorker/meet(_:gate:)``.
    final class Meeting: Sendable {
        let entered = Atomic(0)
        let count: Int
        let gate = DispatchSemaphore(value: 0)
        init(count: Int) { self.count = count }
    }

    /// An actor on its own thread, whose method blocks like a SQLite busy wait.
    actor BlockingWorker {
        private let executor = DatabaseExecutor()
        nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
        deinit { executor.shutdown() }

        /// Blocks until every worker of `meeting` is inside this method at once; `false` after 10 s.
        func meet(_ meeting: Meeting) -> Bool {
            if meeting.entered.add(1, ordering: .sequentiallyConsistent).newValue == meeting.count {
                for _ in 1..<meeting.count { meeting.gate.signal() }
                return true
            }
            return meeting.gate.wait(timeout: .now() + 10) == .success
        }

        func thread() -> UInt { UInt(pthread_self()) }
    }

    /// Eight blocking calls run at once: more than the cooperative pool's threads on this machine, so they can
    /// only all be inside at once if each actor has a thread of its own.
    @Test func blockingCallsDoNotHoldTheCooperativePool() async {
        let workers = (0..<8).map { _ in BlockingWorker() }
        let meeting = Meeting(count: workers.count)
        let results = await withTaskGroup { group in
            for worker in workers {
                group.addTask { await worker.meet(meeting) }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: workers.count))
    }

    @Test func everyJobOfAnActorRunsOnItsOwnThread() async {
        let first = BlockingWorker()
        let second = BlockingWorker()
        let threads = [await first.thread(), await second.thread(), await first.thread()]
        #expect(threads[0] == threads[2])
        #expect(threads[0] != threads[1])
        #expect(threads[0] != UInt(pthread_self()))
    }
}
