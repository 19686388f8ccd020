import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SparkConfiguration {
    /// Resolves the configuration: defaults, then the JSON file, then `environment`, then the
    /// editor's settings (the `spark` section), later wins.
    ///
    /// The file is `configFile` (`--config`), else `SPARK_CONFIG`, else
    /// `<workspace>/.spark/config.json` when it exists (`workspace` defaults to `WORKSPACE_DIR`).
    /// A file named explicitly must exist. Unknown fields in the file are errors; in the editor's
    /// settings they are ignored.
    ///
    /// A file named explicitly is the user's; the workspace's own file is whoever wrote the workspace's: until
    /// `trust` says the user trusts the workspace with that file, the settings only a trusted file may set
    /// (`endpoint`, `apiKey`, `dataDir`, `workspaceDir`, `agents.<name>.endpoint`) are ignored and listed in
    /// `untrusted`.
    ///
    /// - Throws: `ConfigurationError` naming the file (or `environment`) and the field.
    public static func load(
        configFile: String? = nil,
        workspace: String? = nil,
        environment: [String: String],
        editorSettings: JSONValue? = nil,
        trust: WorkspaceTrust? = nil
    ) throws -> SparkConfiguration {
        var configuration = SparkConfiguration.defaults
        let explicit = configFile ?? environment["SPARK_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let root = workspace ?? environment["WORKSPACE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        let userTrust = trust ?? WorkspaceTrust.user(environment: environment)
        if let path = explicit {
            configuration = try configuration.applying(fileAt: path)
        } else if let root {
            let path = root + "/.spark/config.json"
            if FileManager.default.fileExists(atPath: path) {
                configuration = try configuration.applying(workspaceFileAt: path, workspace: root, trust: userTrust)
            }
        }
        if let root { configuration = configuration.applyingWorkspaceMCPFiles(workspace: root, trust: userTrust) }
        configuration = configuration.applying(try ConfigurationLayer(environment: environment))
        if configuration.workspaceDir == nil, let workspace { configuration.workspaceDir = workspace }
        if let editorSettings {
            configuration = try configuration.applying(editorSettings: editorSettings)
        }
        return configuration
    }

    /// This configuration with the editor's settings (the `spark` section) applied last.
    /// To apply changed settings, keep the configuration loaded without them and apply again.
    public func applying(editorSettings: JSONValue) throws -> SparkConfiguration {
        if editorSettings.isNull { return self }
        return applying(try ConfigurationLayer(json: editorSettings, source: "editor settings", strict: false))
    }

    /// This configuration with the JSON file at `path` applied.
    public func applying(fileAt path: String) throws -> SparkConfiguration {
        var result = applying(try Self.layer(fromFileAt: path).layer)
        result.configFile = path
        return result
    }

    /// This configuration with the workspace's own file applied, without the settings only a trusted file
    /// may set unless `trust` trusts the workspace with this file's text.
    func applying(workspaceFileAt path: String, workspace: String, trust: WorkspaceTrust) throws
        -> SparkConfiguration
    {
        let (layer, text) = try Self.layer(fromFileAt: path)
        let trusted = trust.isTrusted(workspace: workspace, configuration: text)
        let (safe, removed) = trusted ? (layer, []) : layer.withoutTrustedOnlySettings()
        var result = applying(safe)
        result.configFile = path
        if !removed.isEmpty {
            result.untrusted = UntrustedSettings(workspace: workspace, file: path, text: text, ignored: removed)
        }
        return result
    }

    private static func layer(fromFileAt path: String) throws -> (layer: ConfigurationLayer, text: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(source: path, field: "(file)", message: "cannot read the file")
        }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)
        } catch {
            throw ConfigurationError(source: path, field: "(file)", message: "not valid JSON")
        }
        let layer = try ConfigurationLayer(json: json, source: path, strict: true)
        return (layer, String(decoding: data, as: UTF8.self))
    }
}
