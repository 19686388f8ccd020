import Testing

/// Every suite against the real vLLM server, one at a time: the cancellation test reads the
/// server's request counters, which no other request may move meanwhile.
@Suite(.serialized, .realVLLM) struct RealVLLMTests {}
