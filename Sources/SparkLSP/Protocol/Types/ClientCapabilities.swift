import SparkJSON

/// The client's capabilities, kept whole (as JSON) with typed accessors for what handlers use.
/// Any shape decodes: a field of the wrong type reads as "not supported".
public struct ClientCapabilities: Codable, Hashable, Sendable {
    public var raw: JSONValue

    public init(_ raw: JSONValue = [:]) { self.raw = raw }

    public init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
        guard raw.objectValue != nil else {
            throw DecodingError.typeMismatch(
                [String: JSONValue].self,
                .init(codingPath: decoder.codingPath, debugDescription: "capabilities must be an object"))
        }
    }

    public func encode(to encoder: any Encoder) throws { try raw.encode(to: encoder) }

    /// `general.positionEncodings`, in the client's order of preference.
    public var positionEncodings: [String] {
        raw["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// `workspace.applyEdit`.
    public var supportsApplyEdit: Bool { raw["workspace"]?["applyEdit"]?.boolValue ?? false }

    /// `workspace.workspaceEdit.documentChanges`.
    public var supportsDocumentChanges: Bool {
        raw["workspace"]?["workspaceEdit"]?["documentChanges"]?.boolValue ?? false
    }

    /// `workspace.workspaceEdit.resourceOperations` (for example `create`).
    public var resourceOperations: [String] {
        raw["workspace"]?["workspaceEdit"]?["resourceOperations"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Whether the client honours `changeAnnotations` (`workspace.workspaceEdit.changeAnnotationSupport`).
    public var supportsChangeAnnotations: Bool {
        raw["workspace"]?["workspaceEdit"]?["changeAnnotationSupport"]?.objectValue != nil
    }

    /// `workspace.configuration`.
    public var supportsConfiguration: Bool { raw["workspace"]?["configuration"]?.boolValue ?? false }

    /// `workspace.didChangeWatchedFiles.dynamicRegistration`: file watchers may be registered at run time.
    public var supportsWatchedFilesRegistration: Bool {
        raw["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
    }

    /// `window.workDoneProgress`.
    public var supportsWorkDoneProgress: Bool { raw["window"]?["workDoneProgress"]?.boolValue ?? false }

    /// `window.showDocument.support`.
    public var supportsShowDocument: Bool { raw["window"]?["showDocument"]?["support"]?.boolValue ?? false }

    /// Whether `window.showMessage.messageActionItem` is present (buttons in `showMessageRequest`).
    public var supportsShowMessageRequest: Bool { raw["window"]?["showMessage"]?.objectValue != nil }
}
