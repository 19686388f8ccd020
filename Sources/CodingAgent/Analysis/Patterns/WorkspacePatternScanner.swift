import AgentCore

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

/// A bounded scan of the workspace for code that matches a pattern's signal.
///
/// Skips hidden directories (`.git`, `.build`, ...), `node_modules`, build output folders and
/// symbolic links; stops after `maxFiles` files or `maxExamples` hits; ignores files over `maxFileBytes`.
public struct WorkspacePatternScanner: Sendable {
    public var root: String
    public var maxFiles: Int
    public var maxFileBytes: Int
    public var maxExamples: Int

    static let skippedDirectories: Set<String> = [
        "node_modules", "build", "dist", "target", "__pycache__", "venv", "Pods", "DerivedData", "vendor",
    ]

    public init(root: String, maxFiles: Int = 2_000, maxFileBytes: Int = 256 * 1024, maxExamples: Int = 8) {
        self.root = root
        self.maxFiles = maxFiles
        self.maxFileBytes = maxFileBytes
        self.maxExamples = maxExamples
    }

    /// The most hits taken from one file, so examples show several places.
    public var maxPerFile = 2

    /// Lines in files with the given extensions that match `signal`, at most `maxExamples`.
    public func examples(signal: String, extensions: Set<String>) -> [WorkspaceExample] {
        examples(for: [(signal, extensions)]).first ?? []
    }

    /// One walk of the workspace for several searches: each file is read once and tried against every
    /// signal whose extensions include it. Returns the examples per search, in order.
    public func examples(for searches: [(signal: String, extensions: Set<String>)]) -> [[WorkspaceExample]] {
        let regexes = searches.map { try? Regex($0.signal) }
        var results = Array(repeating: [WorkspaceExample](), count: searches.count)
        let wanted = searches.reduce(into: Set<String>()) { $0.formUnion($1.extensions) }
        var visited = 0
        var pending = [""]
        func done() -> Bool { visited >= maxFiles || results.allSatisfy { $0.count >= maxExamples } }
        while let relative = pending.popLast(), !done() {
            let directory = relative.isEmpty ? root : "\(root)/\(relative)"
            for entry in Self.entries(of: directory).sorted(by: { $0.name > $1.name }) {
                let path = relative.isEmpty ? entry.name : "\(relative)/\(entry.name)"
                if entry.isDirectory {
                    if !entry.name.hasPrefix("."), !Self.skippedDirectories.contains(entry.name) {
                        pending.append(path)
                    }
                    continue
                }
                guard let dot = entry.name.lastIndex(of: ".") else { continue }
                let fileExtension = String(entry.name[entry.name.index(after: dot)...])
                guard wanted.contains(fileExtension) else { continue }
                visited += 1
                guard let lines = readLines(path) else { continue }
                for (index, search) in searches.enumerated() where search.extensions.contains(fileExtension) {
                    guard let regex = regexes[index], results[index].count < maxExamples else { continue }
                    var taken = 0
                    for (number, line) in lines.enumerated()
                    where taken < maxPerFile && results[index].count < maxExamples {
                        if line.firstMatch(of: regex) != nil {
                            results[index].append(
                                WorkspaceExample(
                                    path: path, line: number + 1, text: String(line.trimmingWhitespace.prefix(160))))
                            taken += 1
                        }
                    }
                }
                if done() { break }
            }
        }
        return results
    }

    /// The lines of a workspace text file, or `nil` for binary, unreadable or oversized files.
    private func readLines(_ relativePath: String) -> [Substring]? {
        guard let data = FileManager.default.contents(atPath: "\(root)/\(relativePath)"), data.count <= maxFileBytes,
            !data.contains(0)
        else {
            return nil
        }
        return String(decoding: data, as: UTF8.self).analysisLines
    }

    /// Directory entries without following symbolic links.
    static func entries(of directory: String) -> [(name: String, isDirectory: Bool)] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var result: [(String, Bool)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                if lstat("\(directory)/\(name)", &info) == 0 {
                    type =
                        (info.st_mode & S_IFMT) == S_IFDIR
                        ? UInt8(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK))
                }
            }
            if type == UInt8(DT_DIR) {
                result.append((name, true))
            } else if type == UInt8(DT_REG) {
                result.append((name, false))
            }
        }
        return result
    }
}
