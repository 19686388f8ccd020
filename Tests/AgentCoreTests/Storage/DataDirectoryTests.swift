import AgentCore
import Testing

@Suite struct DataDirectoryTests {
    @Test func prefersSPARK_DATA_DIR() {
        let environment = ["SPARK_DATA_DIR": "/data/spark", "XDG_CACHE_HOME": "/cache", "HOME": "/home/u"]
        #expect(DataDirectory(environment: environment, workspace: "/ws").path == "/data/spark")
    }

    @Test func usesTheWorkspaceNext() {
        let environment = ["SPARK_DATA_DIR": "", "XDG_CACHE_HOME": "/cache", "HOME": "/home/u"]
        #expect(DataDirectory(environment: environment, workspace: "/ws").path == "/ws/.spark")
        #expect(
            DataDirectory(environment: environment, workspace: "/ws/").sessionsDatabase == "/ws/.spark/sessions.sqlite")
    }

    @Test func fallsBackToTheUserCache() {
        #expect(DataDirectory(environment: ["XDG_CACHE_HOME": "/cache", "HOME": "/home/u"]).path == "/cache/spark-lsp")
        #expect(DataDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/spark-lsp")
        // A relative XDG_CACHE_HOME is invalid by the XDG rules and ignored.
        #expect(
            DataDirectory(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/home/u"]).path == "/home/u/.cache/spark-lsp")
        #expect(DataDirectory(environment: [:]).path.hasSuffix("/.cache/spark-lsp"))
    }

    @Test func createsTheDirectory() async throws {
        let directory = try StorageTestDirectory()
        let data = DataDirectory(environment: [:], workspace: directory.path)
        try data.create()
        let store = try SessionStore(directory: data)
        try await store.append([.user("x")], session: "s", activeAgent: "a")
        #expect(store.path == directory.file(".spark/sessions.sqlite"))
    }
}
