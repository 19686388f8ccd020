import AgentCore
import CodingAgent

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An image file opened for reading: a descriptor that followed no symbolic link, its size and sniffed
/// format. The descriptor closes with the last reference.
final class ImageFile {
    let descriptor: Int32
    /// The path as shown to the model (workspace-relative, or the attachment reference).
    let shownPath: String
    let byteCount: Int
    let format: ImageFormat

    /// Opens `components` below `root` without following links, and checks its first bytes.
    init(root: String, components: [String], shownAs path: String) throws(ImageError) {
        guard let name = components.last else { throw ImageError("the workspace root is a directory, not an image") }
        let directory: Int32
        do {
            directory = try SecureFileSystem.openDirectory(root: root, components: Array(components.dropLast()))
        } catch {
            throw ImageError(error.reason, isRefusal: error.isRefusal)
        }
        defer { Glibc.close(directory) }
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP { throw ImageError("\(path) is a symbolic link", isRefusal: true) }
            throw ImageError("cannot open \(path): \(SecureFileSystem.errorText(code))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(descriptor)
            throw ImageError("\(path) is not a regular file")
        }
        var head = [UInt8](repeating: 0, count: 16)
        let count = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 16, 0) }
        guard count > 0, let format = ImageFormat(sniffing: head.prefix(count)) else {
            Glibc.close(descriptor)
            throw ImageError(
                count == 0
                    ? "\(path) is empty"
                    : "\(path) is not an image in a supported format (PNG, JPEG, GIF, WebP, TIFF, BMP)")
        }
        self.descriptor = descriptor
        self.shownPath = path
        self.byteCount = Int(info.st_size)
        self.format = format
    }

    deinit { Glibc.close(descriptor) }
}
