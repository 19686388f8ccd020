import AgentCore
import SparkJSON
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The configuration is loaded once and again only when it changes: the file's modification, the
/// workspace, the editor's settings.
@Suite struct ConfigurationStoreTests {
    /// Sets the file's modification time, so a test can tell a re-read from a cached answer.
    func setModified(_ path: String, seconds: Int) {
        var times = [
            timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0),
        ]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    @Test func anUnchangedFileIsNotReadAgainAndAChangedOneIs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(#"{"defaultAgent": "coding"}"#, to: ".spark/config.json")
        setModified(file, seconds: 1_000_000)
        let store = ConfigurationStore(configFile: nil, environment: ["WORKSPACE_DIR": directory.path])
        #expect(try store.configuration().defaultAgent == "coding")

        // Same size and time: the store answers from memory (this text, without its brace, would fail).
        _ = try directory.write(#"{"defaultAgent": "coding" "#, to: ".spark/config.json")
        setModified(file, seconds: 1_000_000)
        #expect(try store.configuration().defaultAgent == "coding")

        // A new modification time: read again.
        _ = try directory.write(#"{"defaultAgent": "supervisor"}"#, to: ".spark/config.json")
        setModified(file, seconds: 1_000_001)
        #expect(try store.configuration().defaultAgent == "supervisor")
    }

    @Test func editorSettingsAndTheWorkspaceApplyWithoutRereading() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = ConfigurationStore(configFile: nil, environment: ["CODING_MODEL": "from-env"])
        #expect(try store.configuration().settings(for: "coding").model == "from-env")
        let edited = try store.configuration(settings: [["agents": ["coding": ["model": "from-editor"]]]])
        #expect(edited.settings(for: "coding").model == "from-editor")
        #expect(try store.configuration(workspace: directory.path).workspace == directory.path)
        #expect(try store.configuration().settings(for: "coding").model == "from-env")
    }

    @Test func aBadFileIsAConfigurationError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("{", to: "bad.json")
        let error = #expect(throws: ChatError.self) {
            try ConfigurationStore(configFile: file, environment: [:]).configuration()
        }
        #expect(error?.code == .configuration && error?.message.contains(file) == true)
    }
}
