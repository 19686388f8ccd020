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

    static let skippedDirectories: Set<String> = ["node_modules", "build", "dist", "target", "__pycache__", "venv", "Pods", "DerivedData", "vendor"]

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
        guard let regex = try? Regex(signal) else { return [] }
        var examples: [WorkspaceExample] = []
        var visited = 0
        var pending = [""]
        while let relative = pending.popLast(), examples.count < maxExamples, visited < maxFiles {
            let directory = relative.isEmpty ? root : "\(root)/\(relative)"
            for entry in Self.entries(of: directory).sorted(by: { $0.name > $1.name }) {
                let path = relative.isEmpty ? entry.name : "\(relative)/\(entry.name)"
                if entry.isDirectory {
                    if !entry.name.hasPrefix("."), !Self.skippedDirectories.contains(entry.name) {
                        pending.append(path)
                    }
                    continue
                }
                guard let dot = entry.name.lastIndex(of: "."), extensions.contains(String(entry.name[entry.name.index(after: dot)...])) else {
                    continue
                }
                visited += 1
                if visited > maxFiles { break }
                examples += matches(in: path, regex: regex, limit: min(maxPerFile, maxExamples - examples.count))
                if examples.count >= maxExamples { break }
            }
        }
        return examples
    }

    private func matches(in relativePath: String, regex: Regex<AnyRegexOutput>, limit: Int) -> [WorkspaceExample] {
        let fullPath = "\(root)/\(relativePath)"
        guard let data = FileManager.default.contents(atPath: fullPath), data.count <= maxFileBytes, !data.contains(0) else {
            return []
        }
        var found: [WorkspaceExample] = []
        for (index, line) in String(decoding: data, as: UTF8.self).analysisLines.enumerated() where found.count < limit {
            if line.firstMatch(of: regex) != nil {
                found.append(WorkspaceExample(path: relativePath, line: index + 1, text: String(line.analysisTrimmed.prefix(160))))
            }
        }
        return found
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
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK))
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
