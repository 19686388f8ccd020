import AgentCore
import SparkJSON

/// The server-only settings (not part of `SparkConfiguration`): `approval` and `confirmEdits`.
public struct EditorSettings: Hashable, Sendable {
    public var approval: ApprovalMode = .ask
    public var confirmEdits = false

    public init() {}

    /// Applies one layer of editor settings (the `spark` section); unknown or ill-typed values are ignored.
    public mutating func apply(_ layer: JSONValue) {
        if let value = layer["approval"]?.stringValue, let mode = ApprovalMode(rawValue: value) { approval = mode }
        if let value = layer["confirmEdits"]?.boolValue { confirmEdits = value }
    }

    /// The `spark` section of a settings object: `{ "spark": {...} }` or the section itself.
    public static func section(of settings: JSONValue?) -> JSONValue? {
        guard let settings, let object = settings.objectValue else { return nil }
        if let inner = object["spark"] { return inner.objectValue == nil ? nil : inner }
        return object.isEmpty ? nil : settings
    }
}
