import Foundation
import SparkJSON
import SparkTestSupport
import Testing

/// Where the MCP tests find what `scripts/mcp/install.sh` installed: `SPARK_TEST_MCP_VENV` (the venv; `make test-mcp`
/// sets it). Without it the suites are skipped.
enum MCPTestEnvironment {
    static let venv = ProcessInfo.processInfo.environment["SPARK_TEST_MCP_VENV"].flatMap { $0.isEmpty ? nil : $0 }
    static var isAvailable: Bool { venv != nil }

    static var python: String { (venv ?? "") + "/bin/python" }
    static func program(_ name: String) -> String { (venv ?? "") + "/bin/" + name }

    /// A file of `Resources/` beside this test target's sources.
    static func resource(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/" + name).path
    }

    /// A new directory under the temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spark-mcp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A git repository with three commits (`first`, `second`, `third`), made with the git command.
    static func gitRepository(in parent: String) throws -> String {
        let repository = parent + "/repo"
        try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
        try git(["init", "-q"], in: repository)
        for (index, message) in ["first", "second", "third"].enumerated() {
            try "line \(index)\n".write(toFile: repository + "/file.txt", atomically: true, encoding: .utf8)
            try git(["add", "file.txt"], in: repository)
            try git(["commit", "-q", "-m", "\(message) commit"], in: repository)
        }
        return repository
    }

    private static func git(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "git \(arguments) failed"])
        }
    }

    /// The fault server's definition under `mcpServers`.
    static func faultServer(fifos: String? = nil, extra: [String: JSONValue] = [:]) -> JSONValue {
        var env: [String: JSONValue] = [:]
        if let fifos { env["FAULT_FIFOS"] = .string(fifos) }
        var definition: [String: JSONValue] = [
            "command": .string(python), "args": [.string(resource("fault_server.py"))], "env": .object(env),
            "approval": "allow",
        ]
        definition.merge(extra) { _, new in new }
        return .object(definition)
    }

    /// Makes the named pipe `name` in `directory`.
    static func makeFIFO(_ name: String, in directory: String) throws {
        guard mkfifo(directory + "/" + name, 0o600) == 0 else { throw POSIXError(.EEXIST) }
    }

    /// Waits until a line arrives on the named pipe (a real event from the fault server, not a timed wait).
    static func awaitFIFO(_ name: String, in directory: String) async throws -> String {
        let path = directory + "/" + name
        return try await withDeadline(.seconds(60)) {
            await DetachedThread.run {
                // Blocks until the fault server opens the pipe for writing; then reads to its end.
                let descriptor = open(path, O_RDONLY)
                guard descriptor >= 0 else { return "" }
                defer { close(descriptor) }
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 256)
                while true {
                    let count = read(descriptor, &buffer, buffer.count)
                    guard count > 0 else { break }
                    bytes += buffer[0..<count]
                }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }
}
