import Foundation

/// `Resources/http_server.py`: a streamable-HTTP MCP server of the Python SDK on 127.0.0.1, on a port the system
/// picks (or `port`, to come back where it was). Started when made; `port` is the one it listens on.
final class RemoteMCPServer: Sendable {
    let port: Int
    private let process: Process
    /// Left when the process has exited (and stays so: every later wait returns at once).
    private let exited = DispatchGroup()

    /// Starts the server and waits until it accepts connections (it writes its port to a named pipe in `directory`).
    /// - Parameter environment: added to this process's (`REMOTE_TOKEN`, `REMOTE_FIFOS`: see the script).
    init(in directory: String, port requested: Int = 0, environment: [String: String] = [:]) async throws {
        let pipe = "port-\(UUID().uuidString)"
        try MCPTestEnvironment.makeFIFO(pipe, in: directory)
        process = Process()
        process.executableURL = URL(fileURLWithPath: MCPTestEnvironment.python)
        process.arguments = [MCPTestEnvironment.resource("http_server.py"), directory + "/" + pipe, String(requested)]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        exited.enter()
        process.terminationHandler = { [exited] _ in exited.leave() }
        do {
            try process.run()
        } catch {
            exited.leave()
            throw error
        }
        let written: String
        do {
            written = try await MCPTestEnvironment.awaitFIFO(pipe, in: directory)
        } catch {
            Self.end(process, exited)
            throw error
        }
        guard let port = Int(written) else {
            Self.end(process, exited)
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no port: \(written)"])
        }
        self.port = port
    }

    var url: String { "http://127.0.0.1:\(port)/mcp" }

    /// Ends the server (when it has not ended itself) and waits for it: SIGTERM, then SIGKILL when it is still there
    /// after a few seconds (uvicorn's graceful shutdown waits for open streams, such as a client's GET stream).
    func stop() {
        Self.end(process, exited)
    }

    private static func end(_ process: Process, _ exited: DispatchGroup) {
        guard exited.wait(timeout: .now()) == .timedOut else { return }
        kill(process.processIdentifier, SIGTERM)
        if exited.wait(timeout: .now() + 3) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
    }
}
