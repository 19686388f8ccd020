import AgentCore
import ArgumentParser
import CodingAgent

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `spark-bench search`: times the `grep` and `glob` tools against `grep -rn` and `find` on the
/// same generated tree, in the same run (median of several runs).
struct SearchBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Time the grep and glob tools against grep -rn and find on a generated tree.")

    @Option(help: "How many files to generate.")
    var files = 10_000

    @Option(help: "How many timed runs of each search (the median is reported).")
    var runs = 7

    mutating func run() async throws {
        let base = try Self.makeTree(files: files)
        defer { try? SecureFileSystem.removeTree(root: "/tmp", components: [String(base.dropFirst(5))]) }
        let root = try WorkspaceRoot(path: base)
        let context = ToolContext(sessionID: "bench", agentName: "bench", toolCallID: "bench")
        let grep = GrepTool(root: root)
        let glob = GlobTool(root: root)
        print("search benchmark: \(files) files in \(base), median of \(runs) runs (warm cache)")
        let cases: [(String, () async throws -> Void, [String])] = [
            (
                "grep literal", { _ = try await grep.call(["pattern": "needle_token"], context: context) },
                ["/usr/bin/grep", "-rn", "needle_token", base]
            ),
            (
                "grep regex", { _ = try await grep.call(["pattern": #"needle_\w+ = [0-9]+"#], context: context) },
                ["/usr/bin/grep", "-rnE", #"needle_\w+ = [0-9]+"#, base]
            ),
            (
                "grep regex, literal in every file",
                { _ = try await grep.call(["pattern": #"^\s*retur[nm] value_9\d$"#], context: context) },
                ["/usr/bin/grep", "-rnE", #"^\s*retur[nm] value_9[0-9]$"#, base]
            ),
            (
                "grep alternation",
                { _ = try await grep.call(["pattern": "needle_token|no_such_name"], context: context) },
                ["/usr/bin/grep", "-rnE", "needle_token|no_such_name", base]
            ),
            (
                "glob **/*.swift",
                { _ = try await glob.call(["pattern": "**/*.swift", "max_results": 5000], context: context) },
                ["/usr/bin/find", base, "-name", "*.swift"]
            ),
        ]
        for (name, ours, command) in cases {
            try await ours()
            _ = Self.spawn(command)
            var mine: [Double] = []
            var theirs: [Double] = []
            for _ in 0..<runs {
                mine.append(try await Self.time(ours))
                theirs.append(try await Self.time { _ = Self.spawn(command) })
            }
            let (a, b) = (Self.median(mine), Self.median(theirs))
            let reference =
                (command[0].split(separator: "/").last ?? "") + " "
                + command.dropFirst().filter { $0 != base }.joined(separator: " ")
            print("\(name): \(Self.format(a)) ms vs `\(reference)` \(Self.format(b)) ms, ratio \(Self.format(a / b))")
        }
    }

    static func time(_ body: () async throws -> Void) async throws -> Double {
        let clock = ContinuousClock()
        let elapsed = try await clock.measure { try await body() }
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Runs `arguments` with stdout and stderr sent to /dev/null; returns the exit status.
    static func spawn(_ arguments: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status
    }

    /// A tree of `files` source files, 100 per directory, two levels deep; 1% hold `needle_token`.
    static func makeTree(files: Int) throws -> String {
        var template = Array("/tmp/spark-bench-search-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ValidationError("cannot create a temporary directory")
        }
        let base = String(cString: made)
        let extensions = ["swift", "py", "ts", "go", "md"]
        for index in 0..<files {
            let directory = "\(base)/pkg\(index / 1000)/mod\(index / 100 % 10)"
            if index % 100 == 0 {
                mkdir("\(base)/pkg\(index / 1000)", 0o755)
                mkdir(directory, 0o755)
            }
            var text = "// file \(index)\nimport Foundation\n\n"
            for line in 0..<40 {
                text += "func function_\(index)_\(line)(value: Int) -> Int {\n    return value_\(line % 97)\n}\n"
            }
            if index % 100 == 7 { text += "let needle_token = \(index)\n" }
            let path = "\(directory)/file\(index).\(extensions[index % extensions.count])"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw ValidationError("cannot write \(path)") }
            _ = Array(text.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        return base
    }
}
