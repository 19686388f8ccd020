/// How much the writer queues for a client that does not read, before it drops droppable frames, and how long
/// the exit path waits for queued frames to reach the client.
///
/// The queue is *full* at `queuedBytes` or `queuedFrames` of frames not yet written (the batch being written
/// counts). A droppable frame is dropped once the queue has stayed full for `stallLimit`, or at once when
/// queueing it would pass twice either bound; dropping goes on until the queue drains to half the bounds.
/// Essential frames are always queued.
public struct WriterLimits: Sendable, Hashable {
    /// Bytes (headers included) at which the queue is full. Default 4 MiB: about 20,000 chat deltas.
    public var queuedBytes: Int
    /// Frames at which the queue is full. Default 8,192.
    public var queuedFrames: Int
    /// How long the queue may stay full before droppable frames are dropped: a burst shorter than this is
    /// absorbed (up to twice the bounds). Default 2 s.
    public var stallLimit: Duration
    /// How long the exit path (`exit`, end of input) waits for the queued frames to be written. Default 5 s.
    public var exitFlushLimit: Duration

    public init(
        queuedBytes: Int = 4 << 20, queuedFrames: Int = 8192, stallLimit: Duration = .seconds(2),
        exitFlushLimit: Duration = .seconds(5)
    ) {
        self.queuedBytes = max(queuedBytes, 1)
        self.queuedFrames = max(queuedFrames, 1)
        self.stallLimit = stallLimit
        self.exitFlushLimit = exitFlushLimit
    }
}
