import SparkLSP
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Start-up stays light: an initialized server that has made no model request has not loaded libcurl
/// (opened with dlopen on the first request) nor full Foundation.
@Suite struct StartupLazinessTests {
    @Test func anInitializedServerHasNotLoadedLibcurlOrFoundation() async throws {
        let (process, client) = try EndToEnd.launch()
        try await client.initialize()
        client.notify(InitializedNotification())
        // A round trip after `initialized` proves it was handled.
        _ = try await client.send(ShutdownRequest())
        let maps = try String(contentsOfFile: "/proc/\(process.pid)/maps", encoding: .utf8)
        let libraries = Set(
            maps.split(separator: "\n").compactMap { $0.split(separator: " ").last }.filter { $0.hasPrefix("/") })
        #expect(!libraries.contains { $0.contains("libcurl") }, "libcurl mapped at start-up: \(libraries.sorted())")
        #expect(!libraries.contains { $0.hasSuffix("/libFoundation.so") }, "full Foundation mapped at start-up")
        // libvips (and GLib under it) is opened with dlopen on the first image tool call.
        #expect(!libraries.contains { $0.contains("libvips") || $0.contains("libglib") }, "libvips mapped at start-up")
        #expect(libraries.contains { $0.hasSuffix("spark-lsp") }, "the maps were read: \(libraries.sorted())")
        client.notify(ExitNotification())
        #expect(await EndToEnd.exitCode(of: process) == 0)
    }

    /// Ten MCP servers configured and not used: nothing starts (no `spark-mcp` helper, no server) and the language
    /// server maps neither the MCP SDK's full Foundation nor FoundationNetworking.
    @Test func configuredMCPServersStartNothingUntilUsed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spark-lazy-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let servers = (0..<10).map { #""s\#($0)": {"command": "/bin/false", "args": ["\#($0)"]}"# }
        let config = directory + "/config.json"
        try #"{"mcpServers": {\#(servers.joined(separator: ", "))}}"#.write(
            toFile: config, atomically: true, encoding: .utf8)
        let (process, client) = try EndToEnd.launch(arguments: ["serve", "--config", config])
        try await client.initialize()
        client.notify(InitializedNotification())
        _ = try await client.send(ShutdownRequest())
        #expect(Self.children(of: process.pid).isEmpty, "started: \(Self.children(of: process.pid))")
        let maps = try String(contentsOfFile: "/proc/\(process.pid)/maps", encoding: .utf8)
        #expect(!maps.contains("libFoundation.so") && !maps.contains("libFoundationNetworking"))
        client.notify(ExitNotification())
        #expect(await EndToEnd.exitCode(of: process) == 0)
    }

    /// The processes whose parent is `pid` (from `/proc/<n>/stat`, whose fourth field follows the name in brackets).
    static func children(of pid: Int32) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { entry in
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && fields[1] == "\(pid)" ? stat : nil
        }
    }
}
