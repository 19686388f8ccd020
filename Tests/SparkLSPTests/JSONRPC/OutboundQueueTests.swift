import SparkLSP
import Testing

/// The writer's queue and its back-pressure rule, on a clock the tests move by hand.
@Suite struct OutboundQueueTests {
    private let start = ContinuousClock.now
    private let limits = WriterLimits(queuedBytes: 1000, queuedFrames: 10, stallLimit: .seconds(2))

    /// A 10-byte frame tagged with `number`.
    private func frame(_ number: Int) -> [UInt8] {
        let tag = Array("\(number)".utf8)
        return tag + [UInt8](repeating: 0x2E, count: 10 - tag.count)
    }

    private func number(of frame: [UInt8]) -> Int {
        Int(String(decoding: frame.prefix { $0 != 0x2E }, as: UTF8.self))!
    }

    /// Writes everything queued (batches of at most `batchBytes`) and returns the frames' numbers in order.
    private func drain(
        _ queue: inout OutboundQueue, at time: Duration = .zero, batchBytes: Int = 64 * 1024
    ) -> (numbers: [Int], reports: [OutboundQueue.DropReport]) {
        var numbers: [Int] = []
        var reports: [OutboundQueue.DropReport] = []
        while queue.hasQueuedFrames {
            numbers += queue.takeBatch(maximumBytes: batchBytes).map(number(of:))
            if let report = queue.finishBatch(now: start + time) { reports.append(report) }
        }
        return (numbers, reports)
    }

    /// Fills the queue to its frame bound with essential frames numbered from `first`.
    private func fill(_ queue: inout OutboundQueue, from first: Int = 0, at time: Duration = .zero) {
        for number in first..<(first + limits.queuedFrames) {
            #expect(queue.enqueue(frame(number), priority: .essential, now: start + time) == .queued)
        }
    }

    @Test func framesComeOutInTheOrderTheyWentInWhateverTheirPriority() {
        var queue = OutboundQueue(limits: limits)
        for number in 0..<9 {
            let priority: FramePriority = number.isMultiple(of: 2) ? .droppable : .essential
            #expect(queue.enqueue(frame(number), priority: priority, now: start) == .queued)
        }
        // Batches of at most 25 bytes: two 10-byte frames each.
        var batches: [[Int]] = []
        while queue.hasQueuedFrames {
            batches.append(queue.takeBatch(maximumBytes: 25).map(number(of:)))
            #expect(queue.finishBatch(now: start) == nil)
        }
        #expect(batches == [[0, 1], [2, 3], [4, 5], [6, 7], [8]])
        #expect(queue.pendingFrames == 0 && queue.pendingBytes == 0)
    }

    @Test func aFrameLargerThanTheBatchStillGoesOut() {
        var queue = OutboundQueue(limits: limits)
        _ = queue.enqueue(frame(1), priority: .essential, now: start)
        #expect(queue.takeBatch(maximumBytes: 4).map(number(of:)) == [1])
    }

    @Test func aFullQueueKeepsDroppableFramesUntilTheStallLimit() {
        var queue = OutboundQueue(limits: limits)
        fill(&queue)
        #expect(queue.enqueue(frame(10), priority: .droppable, now: start + .milliseconds(1999)) == .queued)
        #expect(!queue.isDropping)
        #expect(drain(&queue).numbers == Array(0...10))
    }

    @Test func aQueueFullPastTheStallLimitDropsDroppableFramesAndKeepsEssentialOnes() {
        var queue = OutboundQueue(limits: limits)
        fill(&queue)
        #expect(
            queue.enqueue(frame(10), priority: .droppable, now: start + .seconds(2))
                == .startedDropping(frames: 10, bytes: 100, fullFor: .seconds(2)))
        #expect(queue.enqueue(frame(11), priority: .essential, now: start + .seconds(3)) == .queued)
        #expect(queue.enqueue(frame(12), priority: .droppable, now: start + .seconds(3)) == .dropped)
        #expect(queue.enqueue(frame(13), priority: .essential, now: start + .seconds(3)) == .queued)
        #expect(drain(&queue).numbers == Array(0..<10) + [11, 13])
    }

    @Test func theStallClockRestartsWhenTheQueueIsNoLongerFull() {
        var queue = OutboundQueue(limits: limits)
        fill(&queue)
        _ = queue.takeBatch(maximumBytes: 10)
        _ = queue.finishBatch(now: start + .seconds(1))  // 9 pending: not full any more
        #expect(queue.enqueue(frame(10), priority: .essential, now: start + .seconds(3)) == .queued)  // full again
        #expect(queue.enqueue(frame(11), priority: .droppable, now: start + .seconds(4)) == .queued)
        #expect(
            queue.enqueue(frame(12), priority: .droppable, now: start + .seconds(5))
                == .startedDropping(frames: 11, bytes: 110, fullFor: .seconds(2)))
    }

    @Test func aBurstPastTwiceTheBoundsIsDroppedAtOnce() {
        var queue = OutboundQueue(limits: limits)
        var results: [OutboundQueue.EnqueueResult] = []
        for number in 0..<25 { results.append(queue.enqueue(frame(number), priority: .droppable, now: start)) }
        #expect(results.prefix(20).allSatisfy { $0 == .queued })
        #expect(results[20] == .startedDropping(frames: 20, bytes: 200, fullFor: .zero))
        #expect(results.suffix(4).allSatisfy { $0 == .dropped })
        #expect(queue.pendingFrames == 20)
    }

    @Test func essentialFramesAreNeverDroppedHoweverFullTheQueue() {
        var queue = OutboundQueue(limits: limits)
        for number in 0..<5000 {
            #expect(queue.enqueue(frame(number), priority: .essential, now: start + .seconds(number)) == .queued)
        }
        #expect(queue.enqueue(frame(5000), priority: .droppable, now: start + .seconds(5000)) != .queued)
        #expect(drain(&queue, batchBytes: 777).numbers == Array(0..<5000))
    }

    @Test func catchingUpToHalfTheBoundsEndsTheDropsAndReportsHowMany() {
        var queue = OutboundQueue(limits: limits)
        fill(&queue)
        for number in 10..<17 { _ = queue.enqueue(frame(number), priority: .droppable, now: start + .seconds(3)) }
        #expect(queue.isDropping)
        // Four frames written: 6 pending, more than half of 10.
        _ = queue.takeBatch(maximumBytes: 40)
        #expect(queue.finishBatch(now: start + .seconds(4)) == nil)
        #expect(queue.enqueue(frame(17), priority: .droppable, now: start + .seconds(4)) == .dropped)
        // One more: 5 pending, half the frame bound.
        _ = queue.takeBatch(maximumBytes: 10)
        #expect(
            queue.finishBatch(now: start + .seconds(5))
                == OutboundQueue.DropReport(
                    frames: 8, bytes: 80, duration: .seconds(2)))
        #expect(!queue.isDropping)
        #expect(queue.enqueue(frame(18), priority: .droppable, now: start + .seconds(5)) == .queued)
        #expect(drain(&queue).numbers == [5, 6, 7, 8, 9, 18])
    }

    @Test func endingTheSpellReportsWhatWasDroppedSoFar() {
        var queue = OutboundQueue(limits: limits)
        fill(&queue)
        _ = queue.enqueue(frame(10), priority: .droppable, now: start + .seconds(2))
        _ = queue.enqueue(frame(11), priority: .droppable, now: start + .seconds(2))
        #expect(
            queue.endDropping(now: start + .seconds(3))
                == OutboundQueue.DropReport(frames: 2, bytes: 20, duration: .seconds(1)))
        #expect(queue.endDropping(now: start + .seconds(3)) == nil)
    }

    @Test func removeAllKeepsOnlyTheBatchBeingWritten() {
        var queue = OutboundQueue(limits: limits)
        fill(&queue)
        _ = queue.takeBatch(maximumBytes: 30)
        #expect(queue.removeAll() == (frames: 7, bytes: 70))
        #expect(!queue.hasQueuedFrames && queue.pendingFrames == 3)
        _ = queue.finishBatch(now: start)
        #expect(queue.pendingFrames == 0 && queue.pendingBytes == 0)
    }
}
