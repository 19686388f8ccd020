/// Whether the writer may drop a frame while the client is not reading (see `WriterLimits`). Decided where the
/// frame is sent, by what losing it would cost the client, never by looking at the JSON.
public enum FramePriority: Sendable, Hashable {
    /// Always written, in order: responses, server-to-client requests, and every notification whose loss would
    /// leave the client wrong (a chat's tool calls, edits, `done` and `error`; `$/progress` begin and end).
    case essential
    /// May be dropped while the client lags: a notification whose content a later message carries too.
    /// `spark/chatEvent` deltas (the `done` event and the `spark/chat` reply hold the whole answer) and
    /// `$/progress` reports (the next report or the end replaces them).
    case droppable
}
