import AgentCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `mcpServers` in the editors' shape, SparkLSP's own fields beside it, which agent gets which server, and the
/// workspace's MCP files, which run nothing until the user trusts each one.
@Suite struct MCPConfigurationTests {
    @Test func theUsersFileDefinesStdioAndHTTPServers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            #"""
            {"mcpServers": {
              "git": {"command": "uvx", "args": ["mcp-server-git"], "env": {"A": "1"}, "approval": "allow",
                      "tools": {"git_commit": "deny"}, "timeout": 5, "startup": "eager"},
              "tracker": {"url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer t"}}},
             "agents": {"rag": {"mcpServers": ["tracker"]}}}
            """#, to: "config.json")
        let configuration = try SparkConfiguration.load(configFile: file, environment: [:])
        let git = try #require(configuration.mcpServers["git"])
        #expect(
            git.transport
                == .stdio(command: "uvx", arguments: ["mcp-server-git"], environment: ["A": "1"], directory: nil))
        #expect(git.approval(forTool: "git_log") == .allow && git.approval(forTool: "git_commit") == .deny)
        #expect(git.timeout == .seconds(5) && git.startup == .eager && git.source == file)
        let tracker = try #require(configuration.mcpServers["tracker"])
        #expect(tracker.transport == .http(url: "https://mcp.example.com/mcp", headers: ["Authorization": "Bearer t"]))
        #expect(tracker.approval == .ask && tracker.startup == .lazy)
        // The coding agent gets every server by default; the others only those they name.
        #expect(configuration.mcpServers(for: "coding").map(\.name) == ["git", "tracker"])
        #expect(configuration.mcpServers(for: "rag").map(\.name) == ["tracker"])
        #expect(configuration.mcpServers(for: "supervisor").isEmpty)
    }

    @Test(arguments: [
        (#"{"mcpServers": {"a": {"args": []}}}"#, "mcpServers.a: needs a command (stdio) or a url (HTTP)"),
        (#"{"mcpServers": {"a__b": {"command": "x"}}}"#, "mcpServers.a__b: a server name is"),
        (#"{"mcpServers": {"a": {"command": "x", "approval": "sometimes"}}}"#, "mcpServers.a.approval: expected ask"),
        (#"{"mcpServers": {"a": {"command": "x", "tools": {"t": "maybe"}}}}"#, "mcpServers.a.tools.t: expected ask"),
        (#"{"mcpServers": {"a": {"command": "x", "colour": "red"}}}"#, "mcpServers.a.colour: unknown field"),
        (#"{"mcpServers": {"a": {"url": "ftp://x"}}}"#, "mcpServers.a.url: expected an http"),
    ])
    func badDefinitionsNameTheField(json: String, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(json, to: "config.json")
        #expect {
            try SparkConfiguration.load(configFile: file, environment: [:])
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func workspaceFilesRunNothingUntilEachIsTrusted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path + "/.vscode", withIntermediateDirectories: true)
        _ = try directory.write(#"{"mcpServers": {"one": {"command": "a"}}}"#, to: ".mcp.json")
        // VS Code's key is `servers`, and its files may hold what only VS Code reads.
        let vscode = try directory.write(
            #"{"servers": {"two": {"type": "stdio", "command": "b"}, "bad": {"type": "stdio"}}, "inputs": []}"#,
            to: ".vscode/mcp.json")
        _ = try directory.write(#"{"mcpServers": {"one": {"command": "c"}}}"#, to: ".spark/mcp.json")
        let trust = WorkspaceTrust(file: directory.path + "/user/trusted-workspaces.json")

        let untrusted = try SparkConfiguration.load(workspace: directory.path, environment: [:], trust: trust)
        #expect(untrusted.mcpServers.isEmpty)
        #expect(untrusted.untrusted?.file == directory.path + "/.mcp.json")
        #expect(untrusted.untrusted?.ignored == ["mcpServers.one"])

        for name in [".mcp.json", ".vscode/mcp.json", ".spark/mcp.json"] {
            let path = directory.path + "/" + name
            try trust.trust(workspace: path, configuration: String(contentsOfFile: path, encoding: .utf8))
        }
        let trusted = try SparkConfiguration.load(workspace: directory.path, environment: [:], trust: trust)
        #expect(trusted.untrusted == nil)
        #expect(Set(trusted.mcpServers.keys) == ["one", "two"])
        // SparkLSP's own file comes last and wins.
        #expect(
            trusted.mcpServers["one"]?.transport
                == .stdio(command: "c", arguments: [], environment: [:], directory: nil))
        #expect(trusted.mcpProblems.count == 1 && trusted.mcpProblems[0].contains(vscode))

        // A changed file is untrusted again.
        _ = try directory.write(#"{"mcpServers": {"one": {"command": "evil"}}}"#, to: ".spark/mcp.json")
        let changed = try SparkConfiguration.load(workspace: directory.path, environment: [:], trust: trust)
        #expect(
            changed.mcpServers["one"]?.transport
                == .stdio(command: "a", arguments: [], environment: [:], directory: nil))
        #expect(changed.untrusted?.file == directory.path + "/.spark/mcp.json")
    }

    @Test func theStoreSeesAnEditedMCPFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let trust = WorkspaceTrust(file: directory.path + "/user/trusted-workspaces.json")
        let store = ConfigurationStore(configFile: nil, environment: [:], trust: trust)
        #expect(try store.configuration(workspace: directory.path).mcpServers.isEmpty)
        let text = #"{"mcpServers": {"one": {"command": "a"}}}"#
        let path = try directory.write(text, to: ".spark/mcp.json")
        try trust.trust(workspace: path, configuration: text)
        #expect(try store.configuration(workspace: directory.path).mcpServers["one"] != nil)
    }
}
