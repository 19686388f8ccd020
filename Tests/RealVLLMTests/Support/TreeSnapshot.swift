import Glibc

/// Every entry below a directory, with its type, mode, modification time and (for files) bytes,
/// read with `lstat` (links are recorded, never followed). Two snapshots compare equal only
/// when nothing below the directory was created, removed, written or touched.
struct TreeSnapshot: Equatable, CustomStringConvertible {
    /// One entry: what `lstat` said and what the file (or link) holds.
    struct Entry: Equatable {
        var mode: UInt32
        var size: Int
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
        /// A file's bytes or a link's target; empty for directories.
        var contents: [UInt8]
    }

    /// Entries by path relative to the root (`""` is the root itself).
    let entries: [String: Entry]

    /// Reads the tree under `root`, skipping the relative paths in `excluded` (and everything below them).
    init(root: String, excluding excluded: Set<String> = []) {
        var entries: [String: Entry] = [:]
        Self.walk(root: root, relative: "", excluded: excluded, into: &entries)
        self.entries = entries
    }

    /// What differs from `other`, one line per path; empty when equal.
    func differences(from other: TreeSnapshot) -> [String] {
        let paths = Set(entries.keys).union(other.entries.keys).sorted()
        return paths.compactMap { path in
            switch (other.entries[path], entries[path]) {
            case (nil, _?): return "new: \(path)"
            case (_?, nil): return "removed: \(path)"
            case (let before?, let after?) where before != after: return "changed: \(path)"
            default: return nil
            }
        }
    }

    var description: String { entries.keys.sorted().joined(separator: ", ") }

    private static func walk(root: String, relative: String, excluded: Set<String>, into entries: inout [String: Entry])
    {
        let path = relative.isEmpty ? root : root + "/" + relative
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let type = info.st_mode & S_IFMT
        var contents: [UInt8] = []
        if type == S_IFREG {
            contents = readFile(path)
        } else if type == S_IFLNK {
            var buffer = [CChar](repeating: 0, count: 4096)
            let count = readlink(path, &buffer, buffer.count)
            if count > 0 { contents = buffer[..<count].map { UInt8(bitPattern: $0) } }
        }
        entries[relative] = Entry(
            mode: info.st_mode, size: Int(info.st_size), modifiedSeconds: Int(info.st_mtim.tv_sec),
            modifiedNanoseconds: Int(info.st_mtim.tv_nsec), contents: contents)
        guard type == S_IFDIR, let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            if !excluded.contains(child) { walk(root: root, relative: child, excluded: excluded, into: &entries) }
        }
    }

    private static func readFile(_ path: String) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return bytes }
            bytes += buffer[..<count]
        }
    }
}
