#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the images a chat request names into stored `ImageAttachment`s: reads a workspace path (relative or
/// absolute inside the workspace), a `file:` URI or a `data:image/<type>;base64,` URL, checks that it is one of
/// the accepted formats, and writes it once to `<data>/images/<sha256>.<ext>`.
///
/// Paths are confined to the workspace as the tools' are: `..` out, absolute paths outside, and symbolic links
/// that lead out are refused.
public struct ImageAttachmentStore: Sendable {
    /// The largest image accepted, in bytes; what the model receives is smaller still (`image.maxBytes`).
    public static let maximumBytes = 32 * 1024 * 1024

    /// The workspace paths are confined to.
    public var workspace: String
    /// The store's directory (`<data>/images`).
    public var directory: String

    public init(workspace: String, dataDirectory: DataDirectory) {
        self.workspace = workspace
        self.directory = dataDirectory.file("images")
    }

    /// Reads, checks and stores each image, in order.
    /// - Throws: `ImageAttachmentError` naming the image and why (refused, missing, not an image, too large).
    func store(_ images: [String]) throws -> [ImageAttachment] {
        try images.map { image in
            let (bytes, source) = try load(image)
            guard bytes.count <= Self.maximumBytes else {
                throw ImageAttachmentError(
                    "image \(source) is \(bytes.count) bytes; the limit is \(Self.maximumBytes)")
            }
            guard let format = ImageFormat(sniffing: bytes) else {
                throw ImageAttachmentError(
                    "\(source) is not an image SparkLSP reads (PNG, JPEG, GIF, WebP, TIFF, BMP)")
            }
            let attachment = ImageAttachment(
                sha256: SHA256.hex(bytes), format: format, byteCount: bytes.count, source: source)
            try write(bytes, as: attachment.fileName)
            return attachment
        }
    }

    /// The path of a stored attachment's file.
    public func path(of fileName: String) -> String { directory + "/" + fileName }

    private func load(_ image: String) throws -> (bytes: [UInt8], source: String) {
        if image.hasPrefix("data:") { return (try Self.decodeDataURL(image), "a data URL") }
        var path = image
        if image.hasPrefix("file:") {
            guard let url = URL(string: image), url.isFileURL else {
                throw ImageAttachmentError("\(image.prefix(200)) is not a valid file: URI")
            }
            path = url.path
        }
        return (try readConfined(path), path)
    }

    /// `data:image/<type>;base64,<payload>`.
    static func decodeDataURL(_ url: String) throws -> [UInt8] {
        guard let comma = url.firstIndex(of: ","), url[..<comma].hasSuffix(";base64"),
            url.hasPrefix("data:image/")
        else {
            throw ImageAttachmentError("a data URL must be data:image/<type>;base64,<data>")
        }
        let payload = url[url.index(after: comma)...]
        guard payload.count <= maximumBytes / 3 * 4 + 4 else {
            throw ImageAttachmentError("the data URL's image is larger than \(maximumBytes) bytes")
        }
        guard let data = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters) else {
            throw ImageAttachmentError("the data URL's base64 payload does not decode")
        }
        return Array(data)
    }

    /// The bytes of `path` (relative to the workspace, or absolute inside it), refusing what leads outside.
    private func readConfined(_ path: String) throws -> [UInt8] {
        guard !path.isEmpty, !path.contains("\0") else { throw ImageAttachmentError("an image path is empty") }
        let absolute = path.hasPrefix("/") ? path : workspace + "/" + path
        guard let rootPointer = realpath(workspace, nil) else {
            throw ImageAttachmentError("the workspace \(workspace) does not exist")
        }
        let root = String(cString: rootPointer)
        free(rootPointer)
        guard let realPointer = realpath(absolute, nil) else {
            throw ImageAttachmentError("cannot open image \(path): \(String(cString: strerror(errno)))")
        }
        let real = String(cString: realPointer)
        free(realPointer)
        guard real.hasPrefix(root + "/") else {
            throw ImageAttachmentError("refused: image \(path) is outside the workspace \(workspace)")
        }
        let descriptor = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw ImageAttachmentError("cannot open image \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw ImageAttachmentError("image \(path) is not a regular file")
        }
        guard Int(info.st_size) <= Self.maximumBytes else {
            throw ImageAttachmentError("image \(path) is \(info.st_size) bytes; the limit is \(Self.maximumBytes)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return Array(bytes.prefix(filled))
    }

    /// Writes the bytes under `name` unless the store already holds them (same name, same content).
    private func write(_ bytes: [UInt8], as name: String) throws {
        let target = path(of: name)
        if access(target, F_OK) == 0 { return }
        do {
            try DataDirectory.createDirectory(directory)
            let temporary = target + ".\(UInt32.random(in: 0...UInt32.max)).tmp"
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, target) == 0 else {
                unlink(temporary)
                throw ImageAttachmentError("cannot store the image in \(directory): \(String(cString: strerror(errno)))")
            }
        } catch let error as ImageAttachmentError {
            throw error
        } catch {
            throw ImageAttachmentError("cannot store the image in \(directory): \(error)")
        }
    }
}
