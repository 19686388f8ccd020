import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SparkConfiguration {
    /// The workspace files other tools keep MCP servers in, read in this order (a later file's server replaces an
    /// earlier one of the same name): Claude Code's, VS Code's (whose key is `servers`), SparkLSP's own.
    public static let workspaceMCPFiles = [".mcp.json", ".vscode/mcp.json", ".spark/mcp.json"]

    /// This configuration with the MCP servers of the workspace's own files.
    ///
    /// A server definition runs a command, and whoever wrote the workspace wrote these files: a file's servers
    /// apply only once `trust` trusts that file's exact text (keyed by the file's path); until then they are
    /// ignored and the first such file is reported in `untrusted`, unless the configuration file already is.
    /// A definition these files get wrong is skipped and reported in `mcpProblems` (other tools' files may hold
    /// what only those tools understand); the rest apply.
    func applyingWorkspaceMCPFiles(workspace root: String, trust: WorkspaceTrust) -> SparkConfiguration {
        var result = self
        for relative in Self.workspaceMCPFiles {
            let path = root + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            guard let json = try? JSONValue(parsing: data), let object = json.objectValue else {
                result.mcpProblems.append("\(path): not a JSON object; ignored")
                continue
            }
            let servers = (object["mcpServers"] ?? object["servers"])?.objectValue ?? [:]
            if servers.isEmpty { continue }
            guard trust.isTrusted(workspace: path, configuration: text) else {
                if result.untrusted == nil {
                    result.untrusted = UntrustedSettings(
                        workspace: path, file: path, text: text,
                        ignored: servers.keys.sorted().map { "mcpServers.\($0)" })
                }
                continue
            }
            for (name, value) in servers {
                do {
                    result.mcpServers[name] = try MCPServerDefinition(
                        name: name, json: value, source: path, path: "mcpServers.\(name).", strict: false)
                } catch {
                    result.mcpProblems.append("\(error); skipped")
                }
            }
        }
        return result
    }
}
