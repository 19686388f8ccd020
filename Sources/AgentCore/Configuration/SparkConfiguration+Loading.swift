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
    /// - Throws: `ConfigurationError` naming the file (or `environment`) and the field.
    public static func load(
        configFile: String? = nil,
        workspace: String? = nil,
        environment: [String: String],
        editorSettings: JSONValue? = nil
    ) throws -> SparkConfiguration {
        var configuration = SparkConfiguration.defaults
        let explicit = configFile ?? environment["SPARK_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let root = workspace ?? environment["WORKSPACE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        if let path = explicit {
            configuration = try configuration.applying(fileAt: path)
        } else if let root {
            let path = root + "/.spark/config.json"
            if FileManager.default.fileExists(atPath: path) {
                configuration = try configuration.applying(fileAt: path)
            }
        }
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
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError(source: path, field: "(file)", message: "cannot read the file")
        }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)
        } catch {
            throw ConfigurationError(source: path, field: "(file)", message: "not valid JSON")
        }
        var result = applying(try ConfigurationLayer(json: json, source: path, strict: true))
        result.configFile = path
        return result
    }
}
