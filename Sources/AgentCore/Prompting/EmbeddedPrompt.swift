/// A Markdown prompt embedded in the binary at build time (`resources: [.embedInCode("Prompts")]` in the
/// module that owns it), known by its file name without `.md`.
///
/// Each module declares its own prompts from its `PackageResources`, so a new agent brings its prompts
/// with it: `EmbeddedPrompt(name: "coding_system", bytes: PackageResources.coding_system_md)`.
public struct EmbeddedPrompt: Sendable {
    /// The file name without `.md`; also the name of its override in `SPARK_PROMPTS_DIR`.
    public let name: String
    /// The file's UTF-8 bytes.
    public let bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The embedded text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension EmbeddedPrompt {
    /// The supervisor's system prompt; placeholder `{{specialists}}`.
    public static let supervisorSystem = EmbeddedPrompt(
        name: "supervisor_system", bytes: PackageResources.supervisor_system_md)
}
