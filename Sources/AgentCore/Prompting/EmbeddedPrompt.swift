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
    /// The embedded text.
    public let text: String
    /// The text rendered with each set of values asked for so far (`rendered(values:)`): every run builds every
    /// agent, and rendering its prompt anew was half of that.
    private let renders = BoundedCache<[String: String], String>(capacity: 64)

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        self.text = String(decoding: bytes, as: UTF8.self)
    }

    /// The embedded text with its `{{placeholders}}` filled (`PromptTemplate.render`), rendered once per `values`.
    public func rendered(values: [String: String]) -> String {
        renders.value(for: values) { PromptTemplate.render(text, values: values) }
    }
}

extension EmbeddedPrompt {
    /// The supervisor's system prompt; placeholder `{{specialists}}`.
    public static let supervisorSystem = EmbeddedPrompt(
        name: "supervisor_system", bytes: PackageResources.supervisor_system_md)
}
