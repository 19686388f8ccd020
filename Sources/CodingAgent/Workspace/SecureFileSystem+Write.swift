import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SecureFileSystem {
    /// Writes `bytes` to `components` below `root` atomically: a temporary file in the same
    /// directory, then `linkat` (when `exclusive`, failing if the name exists) or `renameat`.
    ///
    /// Missing parent directories are created. Neither step follows a link: a link planted at the
    /// name is replaced, not written through. An existing file's permissions are kept.
    package static func writeAtomically(
        root: String,
        components: [String],
        bytes: [UInt8],
        exclusive: Bool
    ) throws(WorkspacePathError) {
        guard let name = components.last else { throw .failed("cannot write the workspace root itself") }
        let path = components.joined(separator: "/")
        let directory = try openDirectory(root: root, components: Array(components.dropLast()), create: true)
        defer { close(directory) }
        var mode: mode_t = 0o644
        var existing = stat()
        if fstatat(directory, name, &existing, AT_SYMLINK_NOFOLLOW) == 0 {
            switch kind(of: existing) {
            case .directory: throw .failed("\(path) is a directory", errno: EISDIR)
            case .file: mode = existing.st_mode & 0o7777
            default: break
            }
        }
        let temporary = ".\(name.prefix(200)).spark-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw .failed("cannot write in the directory of \(path): \(errorText(errno))", errno: errno)
        }
        var written = 0
        var failure: Int32?
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { failure = errno; break }
            written += count
        }
        if failure == nil, fchmod(descriptor, mode) != 0 { failure = errno }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if let failure {
            unlinkat(directory, temporary, 0)
            throw .failed("cannot write \(path): \(errorText(failure))", errno: failure)
        }
        if exclusive {
            let linked = linkat(directory, temporary, directory, name, 0)
            let code = errno
            unlinkat(directory, temporary, 0)
            guard linked == 0 else {
                throw code == EEXIST
                    ? .failed("\(path) already exists", errno: code)
                    : .failed("cannot create \(path): \(errorText(code))", errno: code)
            }
        } else if renameat(directory, temporary, directory, name) != 0 {
            let code = errno
            unlinkat(directory, temporary, 0)
            throw .failed("cannot replace \(path): \(errorText(code))", errno: code)
        }
    }

    /// Removes the file (or link, never its target) at `components`; refuses directories.
    package static func removeFile(root: String, components: [String]) throws(WorkspacePathError) {
        guard let name = components.last else { throw .failed("cannot delete the workspace root") }
        let directory = try openDirectory(root: root, components: Array(components.dropLast()))
        defer { close(directory) }
        if kindAt(directory, name) == .directory {
            throw .failed(
                "\(components.joined(separator: "/")) is a directory; only files can be deleted", errno: EISDIR)
        }
        guard unlinkat(directory, name, 0) == 0 else {
            throw openFailure(errno, kind: nil, path: components.joined(separator: "/"), expectDirectory: false)
        }
    }

    /// Removes a file or a whole directory tree at `components`, never following a link.
    package static func removeTree(root: String, components: [String]) throws(WorkspacePathError) {
        guard let name = components.last else { throw .failed("cannot delete the root") }
        let directory = try openDirectory(root: root, components: Array(components.dropLast()))
        defer { close(directory) }
        try removeTree(in: directory, name: name, shownAs: components.joined(separator: "/"))
    }

    private static func removeTree(in directory: Int32, name: String, shownAs path: String) throws(WorkspacePathError) {
        if unlinkat(directory, name, 0) == 0 { return }
        guard errno == EISDIR else { throw openFailure(errno, kind: nil, path: path, expectDirectory: false) }
        let child = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else { throw openFailure(errno, kind: nil, path: path, expectDirectory: true) }
        let entries = try listDirectory(child, shownAs: path)
        defer { close(child) }
        for entry in entries {
            try removeTree(in: child, name: entry.name, shownAs: path + "/" + entry.name)
        }
        guard unlinkat(directory, name, AT_REMOVEDIR) == 0 else {
            throw .failed("cannot remove \(path): \(errorText(errno))", errno: errno)
        }
    }

    /// Moves `from` to `to` (both below `root`), refusing to replace an existing `to`.
    package static func rename(root: String, from: [String], to: [String]) throws(WorkspacePathError) {
        guard let fromName = from.last, let toName = to.last else { throw .failed("cannot rename the root") }
        let source = try openDirectory(root: root, components: Array(from.dropLast()))
        defer { close(source) }
        guard kindAt(source, fromName) != nil else {
            throw .failed("\(from.joined(separator: "/")) does not exist", errno: ENOENT)
        }
        let target = try openDirectory(root: root, components: Array(to.dropLast()), create: true)
        defer { close(target) }
        guard kindAt(target, toName) == nil else {
            throw .failed("\(to.joined(separator: "/")) already exists", errno: EEXIST)
        }
        guard renameat(source, fromName, target, toName) == 0 else {
            throw .failed("cannot rename \(from.joined(separator: "/")): \(errorText(errno))", errno: errno)
        }
    }

    /// One entry of a directory listing.
    package struct Entry: Hashable, Sendable {
        package var name: String
        package var kind: Kind
    }

    /// The entries of the directory `components` below `root` (without `.` and `..`), sorted by name.
    package static func listDirectory(root: String, components: [String]) throws(WorkspacePathError) -> [Entry] {
        let directory = try openDirectory(root: root, components: components)
        defer { close(directory) }
        return try listDirectory(directory, shownAs: components.isEmpty ? "." : components.joined(separator: "/"))
            .sorted { $0.name < $1.name }
    }

    /// The entries of the open directory `directory` (the descriptor stays open).
    package static func listDirectory(_ directory: Int32, shownAs path: String) throws(WorkspacePathError) -> [Entry] {
        let copy = dup(directory)
        guard copy >= 0, let stream = fdopendir(copy) else {
            throw .failed("cannot list \(path): \(errorText(errno))", errno: errno)
        }
        defer { closedir(stream) }
        rewinddir(stream)  // the duplicate shares the original's position
        var entries: [Entry] = []
        while let pointer = readdir(stream) {
            let name = WorkspaceWalker.name(of: pointer)
            if name == "." || name == ".." { continue }
            entries.append(Entry(name: name, kind: kindAt(directory, name) ?? .other))
        }
        return entries
    }
}
