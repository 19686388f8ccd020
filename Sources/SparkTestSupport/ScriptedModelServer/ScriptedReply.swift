import AgentCore
import SparkJSON

/// One scripted answer of `ScriptedModelServer`, streamed or not according to the request's `stream`.
public indirect enum ScriptedReply: Sendable {
    /// Assistant text split into `chunks` content deltas (optionally after reasoning deltas).
    case text(String, chunks: Int = 1, reasoning: String? = nil, finishReason: String = "stop")
    /// Tool calls streamed as deltas: id and name first, then the arguments in `fragments` pieces.
    case toolCalls([ScriptedToolCall], fragments: Int = 3, finishReason: String = "tool_calls")
    /// An HTTP error with OpenAI's body `{"error": {"message": ..}}`, optionally with `Retry-After` seconds.
    case error(status: Int, message: String, retryAfter: Int? = nil)
    /// vLLM's 404 for a model it does not serve: `{"object":"error","message":"The model `X` does not exist.",...}`.
    case modelNotFound(String)
    /// Streams the first `after` of `chunks` deltas of `text`, then closes the connection without `[DONE]`.
    case cutMidStream(String, chunks: Int, after: Int)
    /// A stream whose second event is not valid JSON.
    case malformedSSE
    /// A stream that sends an `{"error": ..}` event after one delta.
    case errorEvent(String)
    /// Sends the headers and the first `afterChunks` deltas, then nothing until the client closes.
    case stall(afterChunks: Int = 0)
    /// Reads the request and sends nothing at all until the client closes.
    case noResponse
    /// Any JSON body with any status, sent as is.
    case json(JSONValue, status: Int = 200)
    /// `chunks` content deltas `interval` apart, each one's text the server's monotonic clock in nanoseconds
    /// (`ScriptedModelServer.monotonicNanoseconds()`) when it was written: for latency benchmarks.
    case timestamped(chunks: Int, interval: Duration)
    /// A prerendered SSE body (`ScriptedModelServer.renderTextStream`), replayed as is.
    case rawSSE([UInt8])
    /// Holds the request until the test releases `hold` (or `POST /scripted/release` does), then answers `then`.
    case held(ScriptedHold, then: ScriptedReply)
}
