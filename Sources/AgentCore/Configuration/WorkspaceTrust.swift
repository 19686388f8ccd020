import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The workspaces the user trusts. A file inside a workspace (`.spark/config.json`) is written by whoever
/// wrote the workspace, so the settings that decide where requests go, with which key, where data lives and
/// which directory is the workspace apply only once the user trusted that workspace with that file's exact
/// content; a changed file asks again.
///
/// Kept outside every workspace, in the user's data directory: `$XDG_DATA_HOME/spark-lsp/trusted-workspaces.json`,
/// else `~/.local/share/spark-lsp/trusted-workspaces.json`, as `{"workspaces": {"<path>": "<trusted file text>"}}`.
/// The text itself is kept rather than a hash: configuration files are small, and nothing has to be collision-proof.
public struct WorkspaceTrust: Hashable, Sendable {
    /// The file holding the trusted workspaces.
    public let file: String

    public init(file: String) {
        self.file = file
    }

    /// The user's trust file.
    public static func user(environment: [String: String]) -> WorkspaceTrust {
        WorkspaceTrust(file: DataDirectory.userData(environment: environment).file("trusted-workspaces.json"))
    }

    /// Whether the user trusts `workspace` with its configuration file holding `text`.
    public func isTrusted(workspace: String, configuration text: String) -> Bool {
        trusted()[workspace] == text
    }

    /// Records that the user trusts `workspace` with its configuration file holding `text`.
    /// - Throws: `ConfigurationError` when the trust file cannot be written.
    public func trust(workspace: String, configuration text: String) throws {
        var workspaces = trusted()
        workspaces[workspace] = text
        let json = JSONValue.object(["workspaces": .object(workspaces.mapValues(JSONValue.string))])
        try DataDirectory.createDirectory(DataDirectory.parent(of: file))
        let temporary = file + ".\(UUID().uuidString).tmp"
        do {
            try Data(json.serialized().utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw ConfigurationError(source: file, field: "(file)", message: "cannot write the trust file: \(error)")
        }
        guard rename(temporary, file) == 0 else {
            _ = unlink(temporary)
            throw ConfigurationError(source: file, field: "(file)", message: "cannot replace the trust file")
        }
    }

    private func trusted() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: file),
            let json = try? JSONValue(parsing: data), case .object(let workspaces)? = json["workspaces"]
        else { return [:] }
        return workspaces.compactMapValues(\.stringValue)
    }
}
