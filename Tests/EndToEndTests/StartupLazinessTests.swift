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
}
