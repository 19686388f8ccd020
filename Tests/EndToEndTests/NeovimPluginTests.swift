import SparkJSON
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// The Neovim plugin as installed and as a user meets it: `make install`, the shipped help tags, the panel's
/// rendering and keys, `:checkhealth spark`, and the Neovim version branches (`Neovim/*_check.lua`).
@Suite struct NeovimPluginTests {
    /// A workspace with `docs/logging.md`, the file the scripts open (and the panel's citations point into).
    private func workspace() throws -> (directory: String, file: String) {
        let directory = try EndToEnd.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/docs", withIntermediateDirectories: true)
        let file = directory + "/docs/logging.md"
        try "# Logging\n\n## Configuration\nSet the level.\n".write(toFile: file, atomically: true, encoding: .utf8)
        return (directory, file)
    }

    @Test func theShippedHelpTagsAreWhatHelptagsMakesOfTheHelp() async throws {
        let neovim = try #require(NeovimTests.neovim, "install Neovim (apt-get install neovim)")
        let copy = try EndToEnd.temporaryDirectory() + "/doc"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let doc = NeovimScript.pluginDirectory + "/doc"
        try FileManager.default.copyItem(atPath: doc + "/spark.txt", toPath: copy + "/spark.txt")
        let result = try await EndToEnd.output(
            of: neovim, ["--headless", "-n", "-i", "NONE", "-u", "NONE", "-c", "helptags \(copy)", "-c", "qall!"])
        #expect(result.code == 0, "\(result.output)")
        let generated = try String(contentsOfFile: copy + "/tags", encoding: .utf8)
        let shipped = try String(contentsOfFile: doc + "/tags", encoding: .utf8)
        #expect(
            generated == shipped,
            "editors/neovim/doc/tags is stale: run `nvim --headless -u NONE -c 'helptags editors/neovim/doc' -c q`")
        #expect(shipped.contains("spark\tspark.txt\t/*spark*"))
    }

    @Test func thePanelRendersEveryEventKindAndItsKeysWork() async throws {
        let (directory, file) = try workspace()
        let outcome = try await NeovimScript.run(
            "panel_check.lua", in: directory, environment: ["SPARK_TEST_FILE": file])
        #expect(outcome.passed, "\(outcome.result)")
    }

    @Test(arguments: ["start", "enable", "progress-event", "progress-handler", "health"])
    func eachNeovimVersionBranchUsesItsAPI(scenario: String) async throws {
        let (directory, file) = try workspace()
        let outcome = try await NeovimScript.run(
            "compat_check.lua", in: directory,
            environment: ["SPARK_TEST_FILE": file, "SPARK_TEST_SCENARIO": scenario])
        #expect(outcome.passed, "\(outcome.result)")
    }

    /// `:checkhealth spark` with the built binary and its doctor: a working configuration (the scripted model
    /// server), an unreachable model endpoint, no binary at all, and the endpoint given as a setting.
    @Test(arguments: ["working", "unreachable", "missing", "settings"])
    func checkhealthTellsWhatIsWrong(scenario: String) async throws {
        let (directory, file) = try workspace()
        let model = try ScriptedModelServer()
        let refusing = try ScriptedModelServer.refusingEndpoint()
        let endpoint = ["unreachable", "settings"].contains(scenario) ? refusing : model.endpoint
        var environment = [
            "SPARK_LSP_BIN": EndToEnd.binary, "SPARK_TEST_FILE": file, "SPARK_TEST_SCENARIO": scenario,
            "VLLM_ENDPOINT": endpoint.baseURL, "SPARK_DATA_DIR": directory + "/data", "WORKSPACE_DIR": directory,
            "ENABLE_CODE_EXECUTION": "false",
        ]
        if scenario == "settings" { environment["SPARK_TEST_SETTINGS_ENDPOINT"] = model.endpoint.baseURL }
        for agent in ["SUPERVISOR", "CODING", "RAG", "IMAGE"] { environment["\(agent)_MODEL"] = "test-model" }
        let outcome = try await NeovimScript.run("health_check.lua", in: directory, environment: environment)
        #expect(outcome.passed, "\(outcome.result)")
    }

    /// `make install` into a temporary prefix (from the binaries this test run built, not a release build), then
    /// the installed binary and a fresh Neovim set up as the README says.
    @Test func makeInstallPutsTheBinariesAndThePluginWhereNeovimFindsThem() async throws {
        let directory = try EndToEnd.temporaryDirectory()
        let prefix = directory + "/prefix"
        let installed = try await EndToEnd.output(
            of: "/usr/bin/make",
            [
                "-C", NeovimScript.repository, "-o", "release", "install", "PREFIX=\(prefix)",
                "BUILD_DIR=\(BuiltProducts.directory)",
            ])
        #expect(installed.code == 0, "\(installed.output)")
        for binary in ["spark-lsp", "spark-sandbox", "spark-service", "spark-mcp"] {
            #expect(access(prefix + "/bin/" + binary, X_OK) == 0, "\(binary) not installed")
        }
        let version = try await EndToEnd.output(of: prefix + "/bin/spark-lsp", ["--version"])
        let built = try await EndToEnd.output(of: EndToEnd.binary, ["--version"])
        #expect(version.code == 0 && !version.output.isEmpty && version.output == built.output)

        let home = directory + "/home"
        try FileManager.default.createDirectory(atPath: home + "/.config/nvim", withIntermediateDirectories: true)
        try "require('spark').setup({})\n".write(
            toFile: home + "/.config/nvim/init.lua", atomically: true, encoding: .utf8)
        let path = prefix + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let outcome = try await NeovimScript.run(
            "install_check.lua", in: directory,
            environment: [
                "HOME": home, "XDG_CONFIG_HOME": home + "/.config", "XDG_DATA_HOME": prefix + "/share",
                "XDG_STATE_HOME": home + "/.local/state", "PATH": path, "SPARK_TEST_PREFIX": prefix,
            ],
            startup: [])
        #expect(outcome.passed, "\(outcome.result)")
    }
}
