/// The writer's queue: frames in the order they were enqueued, and the back-pressure rule of `WriterLimits`
/// that decides when a droppable frame is dropped instead. Pure: `MessageWriter` runs it under its lock, with
/// the real clock, and writes what `takeBatch` hands out.
///
/// Memory: droppable frames never take the queue past twice its bounds. Essential frames are never dropped, so
/// they alone may go past them; that stays bounded in practice because each one answers or asks something of
/// the client: a response per request in flight, one server-to-client request per waiting task, and a chat's
/// few non-delta events per tool call.
package struct OutboundQueue: Sendable {
    /// What `enqueue` did with a frame.
    package enum EnqueueResult: Sendable, Hashable {
        case queued
        case dropped
        /// Dropped, the first since the client last caught up: `frames` frames (`bytes` bytes) were waiting
        /// and the queue had been full for `fullFor`.
        case startedDropping(frames: Int, bytes: Int, fullFor: Duration)
    }

    /// The end of a spell of dropping: `frames` droppable frames (`bytes` bytes) dropped over `duration`.
    package struct DropReport: Sendable, Hashable {
        package var frames: Int
        package var bytes: Int
        package var duration: Duration

        package init(frames: Int, bytes: Int, duration: Duration) {
            self.frames = frames
            self.bytes = bytes
            self.duration = duration
        }
    }

    package let limits: WriterLimits
    /// Frames from `head` on are queued; those before it were handed out.
    private var frames: [[UInt8]] = []
    private var head = 0
    /// The frames `takeBatch` handed out and `finishBatch` has not yet settled.
    private var batch = (frames: 0, bytes: 0)
    /// Frames and bytes not yet written: queued, or in the batch being written.
    package private(set) var pendingFrames = 0
    package private(set) var pendingBytes = 0
    /// When the queue last became full; `nil` while it is not.
    private var fullSince: ContinuousClock.Instant?
    /// The current spell of dropping: when it began, and what it dropped so far.
    private var dropping: (since: ContinuousClock.Instant, frames: Int, bytes: Int)?

    package init(limits: WriterLimits) {
        self.limits = limits
    }

    /// Whether frames wait to be handed out.
    package var hasQueuedFrames: Bool { head < frames.count }

    /// Whether droppable frames are being dropped (until the client catches up).
    package var isDropping: Bool { dropping != nil }

    private var isFull: Bool { pendingBytes >= limits.queuedBytes || pendingFrames >= limits.queuedFrames }

    private var hasCaughtUp: Bool {
        pendingBytes <= limits.queuedBytes / 2 && pendingFrames <= limits.queuedFrames / 2
    }

    /// Queues `frame` after every frame queued before it, or drops it (only a droppable one) when the client
    /// lags: the queue has been full for the stall limit, queueing it would pass twice the bounds, or frames are
    /// already being dropped.
    package mutating func enqueue(_ frame: [UInt8], priority: FramePriority, now: ContinuousClock.Instant)
        -> EnqueueResult
    {
        if priority == .droppable {
            if var spell = dropping {
                spell.frames += 1
                spell.bytes += frame.count
                dropping = spell
                return .dropped
            }
            if isFull, let fullSince {
                let burst =
                    pendingBytes + frame.count > 2 * limits.queuedBytes || pendingFrames + 1 > 2 * limits.queuedFrames
                if burst || now - fullSince >= limits.stallLimit {
                    dropping = (now, 1, frame.count)
                    return .startedDropping(frames: pendingFrames, bytes: pendingBytes, fullFor: now - fullSince)
                }
            }
        }
        frames.append(frame)
        pendingFrames += 1
        pendingBytes += frame.count
        if isFull, fullSince == nil { fullSince = now }
        return .queued
    }

    /// Hands out the oldest queued frames to write next: at least one (when any is queued), then more while they
    /// fit in `maximumBytes`. They stay pending until `finishBatch`.
    package mutating func takeBatch(maximumBytes: Int) -> [[UInt8]] {
        precondition(batch.frames == 0, "the previous batch is not finished")
        var taken: [[UInt8]] = []
        var bytes = 0
        while head < frames.count, taken.isEmpty || bytes + frames[head].count <= maximumBytes {
            bytes += frames[head].count
            taken.append(frames[head])
            frames[head] = []
            head += 1
        }
        batch = (taken.count, bytes)
        compact()
        return taken
    }

    /// Settles the batch from `takeBatch` (written, or lost with the connection). Returns the report when this
    /// ends a spell of dropping: the queue drained to half its bounds.
    package mutating func finishBatch(now: ContinuousClock.Instant) -> DropReport? {
        pendingFrames -= batch.frames
        pendingBytes -= batch.bytes
        batch = (0, 0)
        if !isFull { fullSince = nil }
        return hasCaughtUp ? endDropping(now: now) : nil
    }

    /// Ends the spell of dropping, if any, and reports it (also used when the connection closes).
    package mutating func endDropping(now: ContinuousClock.Instant) -> DropReport? {
        guard let spell = dropping else { return nil }
        dropping = nil
        return DropReport(frames: spell.frames, bytes: spell.bytes, duration: now - spell.since)
    }

    /// Discards every queued frame (not the batch being written); returns how many frames and bytes.
    package mutating func removeAll() -> (frames: Int, bytes: Int) {
        let discarded = (pendingFrames - batch.frames, pendingBytes - batch.bytes)
        frames = []
        head = 0
        pendingFrames = batch.frames
        pendingBytes = batch.bytes
        return discarded
    }

    /// Frees the slots of handed-out frames once they are the larger part of the array.
    private mutating func compact() {
        if head == frames.count {
            frames.removeAll(keepingCapacity: frames.capacity <= 4 * limits.queuedFrames)
            head = 0
        } else if head >= 1024, head * 2 >= frames.count {
            frames.removeFirst(head)
            head = 0
        }
    }
}
