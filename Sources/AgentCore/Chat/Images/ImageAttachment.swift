/// An image attached to a chat turn, stored once in the data directory under its content hash
/// (`<data>/images/<sha256>.<ext>`) and named in the conversation by reference, `attachment:<sha256>.<ext>`.
/// The session keeps the reference, never the bytes; the image agent's tools read the file back.
public struct ImageAttachment: Hashable, Sendable {
    /// The SHA-256 of the bytes, lowercase hex.
    public var sha256: String
    public var format: ImageFormat
    /// Its size in bytes.
    public var byteCount: Int
    /// Where it came from, as the user named it (a workspace path, `file:` URI, or `data URL`).
    public var source: String

    /// The reference the conversation and the image tools use: `attachment:<sha256>.<ext>`.
    public var reference: String { "\(Self.scheme)\(fileName)" }

    /// The file's name in the store.
    public var fileName: String { "\(sha256).\(format.fileExtension)" }

    /// The prefix of a reference.
    public static let scheme = "attachment:"

    /// The store's file name a reference names (`<64 hex>.<ext>`), or `nil` when `reference` is not one; no
    /// other name can be formed, so a reference cannot leave the store.
    public static func fileName(of reference: String) -> String? {
        guard reference.hasPrefix(scheme) else { return nil }
        let name = reference.dropFirst(scheme.count)
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 64,
            parts[0].allSatisfy({ $0.isHexDigit && ($0.isNumber || $0.isLowercase) }),
            ImageFormat.allCases.contains(where: { $0.fileExtension == parts[1] })
        else { return nil }
        return String(name)
    }

    /// The question a message made only of images asks: the images are the question.
    static func question(about attachments: [ImageAttachment]) -> String {
        attachments.count == 1 ? "Describe the attached image." : "Describe the attached images."
    }

    /// The lines added to the user's message: one reference per image, for the agents to pass to the tools.
    static func describe(_ attachments: [ImageAttachment]) -> String {
        var text = "Attached images (pass these references to the image tools as image_path):"
        for attachment in attachments {
            text += "\n- \(attachment.reference) (from \(attachment.source), \(attachment.format.displayName), \(attachment.byteCount) bytes)"
        }
        return text
    }
}
