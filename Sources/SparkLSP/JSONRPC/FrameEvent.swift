#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the framing parser found in the byte stream.
public enum FrameEvent: Hashable, Sendable {
    /// A complete message body.
    case frame(Data)
    /// A header block that could not be parsed; the parser skipped it and resynchronised.
    case malformedHeader(String)
    /// A frame whose `Content-Length` exceeds the limit; its body is skipped without being buffered.
    case oversized(length: Int)
    /// The stream ended in the middle of a message.
    case truncated
}
