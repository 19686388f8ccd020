import AgentCore
import CodingAgent
import Glibc

/// A temporary directory holding a workspace root (`ws`) and a sibling outside it (`outside`),
/// removed when the value is released.
final class TestWorkspace {
    let base: String
    let root: WorkspaceRoot
    /// A directory outside the workspace that attacks aim at; holds `secret.txt`.
    let outside: String
    let context = ToolContext(sessionID: "test", agentName: "coding", toolCallID: "call-1")

    init() throws {
        var template = Array("/tmp/spark-files-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw WorkspacePathError.failed("mkdtemp failed")
        }
        base = String(cString: made)
        root = try WorkspaceRoot(path: base + "/ws")
        outside = base + "/outside"
        mkdir(outside, 0o755)
        writeAbsolute(outside + "/secret.txt", "top secret\n")
    }

    deinit {
        try? SecureFileSystem.removeTree(root: "/tmp", components: [String(base.dropFirst("/tmp/".count))])
    }

    func path(_ relative: String) -> String { root.path + "/" + relative }

    /// Writes a file below the root, creating its directories.
    func write(_ relative: String, _ text: String) {
        var prefix = root.path
        for component in relative.split(separator: "/").dropLast() {
            prefix += "/" + component
            mkdir(prefix, 0o755)
        }
        writeAbsolute(path(relative), text)
    }

    func writeAbsolute(_ path: String, _ text: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(descriptor >= 0, "cannot create \(path)")
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) {
        let descriptor = open(path(relative), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    func mkdirs(_ relative: String) {
        var prefix = root.path
        for component in relative.split(separator: "/") {
            prefix += "/" + component
            mkdir(prefix, 0o755)
        }
    }

    func link(_ relative: String, to target: String) {
        symlink(target, path(relative))
    }

    /// The text of a file (absolute path), or `nil` when missing.
    func readAbsolute(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func read(_ relative: String) -> String? { readAbsolute(path(relative)) }

    func exists(_ absolute: String) -> Bool {
        var info = stat()
        return lstat(absolute, &info) == 0
    }

    /// Every path below `directory` (absolute), sorted, for before/after comparisons.
    func tree(_ directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = WorkspaceWalker.name(of: entry)
            if name == "." || name == ".." { continue }
            let full = directory + "/" + name
            names.append(full)
            var info = stat()
            if lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { names += tree(full) }
        }
        return names.sorted()
    }
}
