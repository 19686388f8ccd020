import Foundation

/// `Resources/http_server.py`: a streamable-HTTP MCP server of the Python SDK on 127.0.0.1, on a port the system
/// picks (or `port`, to come back where it was). Started when made; `port` is the one it listens on.
final class RemoteMCPServer: Sendable {
    let port: Int
    private let process: Process

    /// Starts the server and waits until it accepts connections (it writes its port to a named pipe in `directory`).
    init(in directory: String, port requested: Int = 0) async throws {
        let pipe = "port-\(UUID().uuidString)"
        try MCPTestEnvironment.makeFIFO(pipe, in: directory)
        process = Process()
        process.executableURL = URL(fileURLWithPath: MCPTestEnvironment.python)
        process.arguments = [MCPTestEnvironment.resource("http_server.py"), directory + "/" + pipe, String(requested)]
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let written = try await MCPTestEnvironment.awaitFIFO(pipe, in: directory)
        guard let port = Int(written) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no port: \(written)"])
        }
        self.port = port
    }

    var url: String { "http://127.0.0.1:\(port)/mcp" }

    /// Ends the server (when it has not ended itself) and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
