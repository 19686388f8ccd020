#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The agents' Markdown prompts (each module's `Prompts/*.md`, see `EmbeddedPrompt`).
///
/// The files are embedded in the binary at build time (SwiftPM's `.embedInCode`, which needs neither
/// `Bundle` nor full Foundation), so an installed `spark-lsp` is one self-contained file. At run time a
/// directory named by `SPARK_PROMPTS_DIR` overrides them prompt by prompt: a `<name>.md` there wins, and
/// the embedded text is used for every prompt it does not have.
public struct PromptLibrary: Sendable {
    /// The environment variable that points at a directory of prompts overriding the embedded ones.
    public static let overrideVariable = "SPARK_PROMPTS_DIR"

    /// The override directory, when there is one.
    public let directory: String?

    /// A library reading prompts from `directory` first, then from the embedded copies.
    public init(directory: String? = nil) {
        self.directory = directory
    }

    /// The library for this process: the embedded prompts, overridden by `SPARK_PROMPTS_DIR` when it is set.
    /// Throws `directoryNotFound` when the variable names something that is not a directory.
    public static func locate(environment: [String: String]) throws(PromptLibraryError) -> PromptLibrary {
        guard let override = environment[overrideVariable], !override.isEmpty else { return PromptLibrary() }
        guard isDirectory(override) else {
            throw PromptLibraryError(
                .directoryNotFound, "\(overrideVariable)=\(override) is not a directory of prompts")
        }
        return PromptLibrary(directory: override)
    }

    /// The raw text of a prompt: its override in `directory` when there is one, else the embedded text.
    public func template(_ prompt: EmbeddedPrompt) throws(PromptLibraryError) -> String {
        guard let directory else { return prompt.text }
        let path = "\(directory)/\(prompt.name).md"
        guard let data = FileManager.default.contents(atPath: path) else { return prompt.text }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw PromptLibraryError(.unreadable, "prompt `\(prompt.name)` at \(path) is not UTF-8 text")
        }
        return text
    }

    /// A prompt with its `{{placeholders}}` filled; with `strict`, a placeholder without a value is an error.
    public func render(
        _ prompt: EmbeddedPrompt, values: [String: String] = [:], strict: Bool = false
    ) throws(PromptLibraryError) -> String {
        let text = try template(prompt)
        if strict {
            let missing = PromptTemplate.placeholders(in: text).filter { values[$0] == nil }
            if !missing.isEmpty {
                throw PromptLibraryError(
                    .missingValues, "prompt `\(prompt.name)` needs values for: \(missing.joined(separator: ", "))")
            }
        }
        return PromptTemplate.render(text, values: values)
    }

    /// The rendered prompt; when the override directory holds a broken copy, the embedded one (an agent
    /// always gets instructions). Without an override directory the embedded text is rendered once per `values`
    /// (`EmbeddedPrompt.rendered(values:)`); an override is read and rendered on every call, so an edit to it
    /// applies to the next run.
    public func renderedOrEmbedded(_ prompt: EmbeddedPrompt, values: [String: String] = [:]) -> String {
        if directory != nil, let text = try? render(prompt, values: values) { return text }
        return prompt.rendered(values: values)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
