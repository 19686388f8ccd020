import Foundation

@testable import CodingAgent

/// Replays the `ignore` fuzz corpus (each file decoded into an `IgnoreCase`) through `git check-ignore` and
/// compares the set of ignored paths with ours.
///
/// Each case is laid out in one scratch repository: the tree, its `.gitignore` files,
/// `.git/info/exclude` and a `core.excludesFile` outside the work tree; then every path is asked at once
/// (`git check-ignore --no-index --stdin -z`). What is compared: exactly which entries are ignored, files
/// and directories, a path inside an ignored directory counting as ignored (git reports it so, and our walker
/// never enters the directory). Usage: `ignore-differential [--limit N] DIRECTORY_OR_FILE...`; exits 1 on a divergence.
@main
struct IgnoreDifferential {
    static func main() throws {
        let inputs = CorpusFiles.named(by: CommandLine.arguments.dropFirst())
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("spark-ignore-\(getpid())")
        let repository = scratch.appendingPathComponent("repo")
        let excludesFile = scratch.appendingPathComponent("excludes")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try git(["init", "-q", "."], in: repository)
        try git(["config", "core.excludesFile", excludesFile.path], in: repository)
        try git(["config", "core.ignoreCase", "false"], in: repository)

        var divergences = 0
        var seen: Set<[UInt8]> = []
        for file in inputs {
            let bytes = [UInt8](try Data(contentsOf: file))
            let ignoreCase = IgnoreCase(bytes)
            guard seen.insert(Array(ignoreCase.description.utf8)).inserted else { continue }
            try layOut(ignoreCase, in: repository, excludesFile: excludesFile)
            let theirs = try gitIgnored(ignoreCase.entries.map(\.path), in: repository)
            let ours = ignoreCase.ignoredByUs()
            guard ours != theirs else { continue }
            divergences += 1
            if divergences <= 10 {
                print("DIVERGENCE in \(file.lastPathComponent):\n\(ignoreCase.description)")
                print("  only we ignore: \(ours.subtracting(theirs).sorted())")
                print("  only git ignores: \(theirs.subtracting(ours).sorted())")
            }
        }
        print("ignore-differential: \(seen.count) cases, \(divergences) divergences from git check-ignore")
        exit(divergences == 0 ? 0 : 1)
    }

    /// Empties the work tree (keeping `.git`), then writes the case's tree and ignore files.
    static func layOut(_ ignoreCase: IgnoreCase, in repository: URL, excludesFile: URL) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: repository.path) where name != ".git" {
            try manager.removeItem(at: repository.appendingPathComponent(name))
        }
        for entry in ignoreCase.entries {
            let url = repository.appendingPathComponent(entry.path)
            if entry.isDirectory {
                try manager.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                let text: String
                if entry.components.last == ".gitignore" {
                    text = ignoreCase.files[.gitignore(directory: Array(entry.components.dropLast()))] ?? ""
                } else {
                    text = ""
                }
                try Data(text.utf8).write(to: url)
            }
        }
        let infoExclude = repository.appendingPathComponent(".git/info/exclude")
        try manager.createDirectory(at: infoExclude.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((ignoreCase.files[.infoExclude] ?? "").utf8).write(to: infoExclude)
        try Data((ignoreCase.files[.excludesFile] ?? "").utf8).write(to: excludesFile)
    }

    /// The paths git ignores among `paths`.
    static func gitIgnored(_ paths: [String], in repository: URL) throws -> Set<String> {
        let input = paths.map { $0 + "\0" }.joined()
        let (status, output) = try run(
            ["git", "check-ignore", "--no-index", "--stdin", "-z"], in: repository, input: Data(input.utf8))
        guard status == 0 || status == 1 else { throw DriverError("git check-ignore failed (\(status))") }
        return Set(String(decoding: output, as: UTF8.self).split(separator: "\0").map(String.init))
    }

    static func git(_ arguments: [String], in directory: URL) throws {
        let (status, _) = try run(["git"] + arguments, in: directory, input: Data())
        guard status == 0 else { throw DriverError("git \(arguments.joined(separator: " ")) failed (\(status))") }
    }

    static func run(_ command: [String], in directory: URL, input: Data) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = directory.deletingLastPathComponent().path  // no user configuration
        environment["XDG_CONFIG_HOME"] = directory.deletingLastPathComponent().path
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

struct DriverError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
