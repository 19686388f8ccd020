import AgentCore
import CodingAgent

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Walks one indexed root with the coding agent's walker (`.gitignore`, `.git/info/exclude`, no links followed)
/// and lists the files to index, with their size and modification time, counting what it leaves out.
struct FileScan {
    var files: [ScannedFile] = []
    var skipped = SkipCounts()

    /// Directories never indexed: the data directory SparkLSP keeps in a workspace.
    static let skippedDirectories: Set<String> = [".spark"]

    /// Scans `root` (an absolute, resolved directory). Blocking: run it off the cooperative pool.
    static func scan(root: WorkspaceRoot, maxFileSize: Int, isCancelled: @escaping () -> Bool) throws -> FileScan {
        var scan = FileScan()
        try WorkspaceWalker(root: root, isCancelled: isCancelled).walk { entry in
            switch entry.kind {
            case .directory:
                if skippedDirectories.contains(entry.name) { return false }
                guard faccessat(entry.directory, entry.name, R_OK | X_OK, 0) == 0 else {
                    scan.skipped.unreadable += 1
                    return false
                }
                return true
            case .symbolicLink:
                scan.skipped.links += 1
            case .file:
                guard let kind = DocumentKind(fileName: entry.name) else {
                    scan.skipped.otherTypes += 1
                    return false
                }
                var info = stat()
                guard fstatat(entry.directory, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    scan.skipped.unreadable += 1
                    return false
                }
                guard Int(info.st_size) <= maxFileSize else {
                    scan.skipped.tooLarge += 1
                    return false
                }
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                scan.files.append(
                    ScannedFile(components: entry.components, kind: kind, size: Int(info.st_size), modifiedNanoseconds: modified))
            default:
                scan.skipped.otherTypes += 1
            }
            return false
        }
        return scan
    }
}
