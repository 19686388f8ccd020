/// The image formats SparkLSP accepts, told from a file's first bytes (never from its name).
public enum ImageFormat: String, CaseIterable, Sendable {
    case png, jpeg, gif, webp, tiff, bmp

    /// The format whose signature `bytes` start with; `nil` when they are not one of these images.
    public init?(sniffing bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(12))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<offset + signature.count]) == signature
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
            self = .gif
        } else if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            self = .tiff
        } else if starts(Array("BM".utf8)) && head.count >= 6 {
            self = .bmp
        } else {
            return nil
        }
    }

    /// The usual file extension.
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The MIME type (`image/png`).
    public var mimeType: String { "image/\(rawValue)" }

    /// The format's name as people write it (`PNG`, `JPEG`).
    public var displayName: String { self == .webp ? "WebP" : rawValue.uppercased() }
}
