import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations below a root that never follow a symbolic link.
///
/// Every call opens the root, then each directory component with `openat(O_NOFOLLOW |
/// O_DIRECTORY)`, and works on the last component relative to its parent's descriptor. A link
/// planted anywhere in the path after `WorkspaceRoot.resolve(_:)` checked it makes the call
/// fail with a refusal instead of being followed.
package enum SecureFileSystem {
    /// What is at a path, without following a link.
    package enum Kind: Hashable, Sendable {
        case file(size: Int)
        case directory
        case symbolicLink
        case other
    }

    /// `strerror` as a Swift string.
    package static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Opens the directory `components` below `root`; creates missing ones when `create` is set.
    /// The caller closes the descriptor.
    package static func openDirectory(
        root: String,
        components: [String],
        create: Bool = false
    ) throws(WorkspacePathError) -> Int32 {
        var descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .failed("cannot open the root \(root): \(errorText(errno))", errno: errno)
        }
        for (index, component) in components.enumerated() {
            var next = openat(descriptor, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, create {
                if mkdirat(descriptor, component, 0o755) != 0, errno != EEXIST {
                    let code = errno
                    close(descriptor)
                    throw .failed(
                        "cannot create directory \(shown(components, upTo: index)): \(errorText(code))", errno: code)
                }
                next = openat(descriptor, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            if next < 0 {
                let code = errno
                let kind = kindAt(descriptor, component)
                close(descriptor)
                throw openFailure(code, kind: kind, path: shown(components, upTo: index), expectDirectory: true)
            }
            close(descriptor)
            descriptor = next
        }
        return descriptor
    }

    /// What is at `name` in the directory `directory`, without following a link; `nil` when nothing is.
    package static func kindAt(_ directory: Int32, _ name: String) -> Kind? {
        var info = stat()
        guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return kind(of: info)
    }

    /// What is at `components` below `root`, without following a link; `nil` when nothing is.
    package static func kind(root: String, components: [String]) throws(WorkspacePathError) -> Kind? {
        guard let name = components.last else { return .directory }
        let directory: Int32
        do {
            directory = try openDirectory(root: root, components: Array(components.dropLast()))
        } catch  where error.errno == ENOENT || error.errno == ENOTDIR {
            return nil
        }
        defer { close(directory) }
        return kindAt(directory, name)
    }

    package static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(info.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Reads at most `limit` bytes of the regular file at `components`; also returns its full size.
    package static func readFile(
        root: String,
        components: [String],
        limit: Int = Int.max
    ) throws(WorkspacePathError) -> (bytes: [UInt8], size: Int) {
        guard let name = components.last else { throw .failed("the workspace root is a directory, not a file") }
        let directory = try openDirectory(root: root, components: Array(components.dropLast()))
        defer { close(directory) }
        return try readFile(in: directory, name: name, shownAs: components.joined(separator: "/"), limit: limit)
    }

    /// Reads at most `limit` bytes of the regular file `name` in `directory`, never following a link.
    package static func readFile(
        in directory: Int32,
        name: String,
        shownAs path: String,
        limit: Int = Int.max
    ) throws(WorkspacePathError) -> (bytes: [UInt8], size: Int) {
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw openFailure(errno, kind: kindAt(directory, name), path: path, expectDirectory: false)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .failed("cannot inspect \(path): \(errorText(errno))", errno: errno)
        }
        switch kind(of: info) {
        case .file: break
        case .directory: throw .failed("\(path) is a directory", errno: EISDIR)
        default: throw .failed("\(path) is not a regular file")
        }
        let size = Int(info.st_size)
        let wanted = min(size, limit)
        var bytes = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        while filled < wanted {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, wanted - filled) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .failed("cannot read \(path): \(errorText(errno))", errno: errno) }
            if count == 0 { break }
            filled += count
        }
        if filled < wanted { bytes.removeLast(wanted - filled) }
        return (bytes, size)
    }

    /// The error for a failed `openat`: a refusal when a link sits where it was not expected.
    static func openFailure(_ code: Int32, kind: Kind?, path: String, expectDirectory: Bool) -> WorkspacePathError {
        if kind == .symbolicLink || code == ELOOP {
            return .refused("\(path) is a symbolic link (it appeared after the path was checked); not following it")
        }
        switch code {
        case ENOENT: return .failed("\(path) does not exist", errno: code)
        case ENOTDIR where expectDirectory: return .failed("\(path) is not a directory", errno: code)
        default: return .failed("cannot open \(path): \(errorText(code))", errno: code)
        }
    }

    static func shown(_ components: [String], upTo index: Int) -> String {
        components[...index].joined(separator: "/")
    }
}
