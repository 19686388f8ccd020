import SparkLSP
import SparkTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Shared pieces of the end-to-end tests.
enum EndToEnd {
    /// The built `spark-lsp` next to the test bundle.
    static var binary: String { BuiltProducts.executable("spark-lsp") }

    /// This test target's source directory (for the Neovim script).
    static var sourceDirectory: String {
        let path = #filePath
        return String(path[..<path.lastIndex(of: "/")!])
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spark-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Waits for `process` to exit, killing it after `timeout` (so a hang becomes a failure).
    static func exitCode(of process: ChildProcess, timeout: Duration = .seconds(60)) async -> Int32 {
        let killer = Task {
            try await Task.sleep(for: timeout)
            process.kill()
        }
        defer { killer.cancel() }
        return await process.waitForExit()
    }

    /// Starts the binary and connects a test client to it.
    static func launch(arguments: [String] = ["--stdio"], environment: [String: String] = [:]) throws -> (
        ChildProcess, TestLSPClient
    ) {
        let process = try ChildProcess(executable: binary, arguments: arguments, environment: environment)
        return (process, TestLSPClient(input: process.stdoutFD, output: process.stdinFD))
    }
}
