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

/// The agents' Markdown prompts (`Sources/AgentCore/Prompts/*.md`).
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

    /// The raw text of a prompt.
    public func template(_ name: PromptName) throws(PromptLibraryError) -> String {
        if let directory {
            let path = "\(directory)/\(name.rawValue).md"
            if let data = FileManager.default.contents(atPath: path) {
                guard let text = String(validating: data, as: UTF8.self) else {
                    throw PromptLibraryError(.unreadable, "prompt `\(name.rawValue)` at \(path) is not UTF-8 text")
                }
                return text
            }
        }
        guard let bytes = EmbeddedPrompts.files[name.rawValue] else {
            throw PromptLibraryError(
                .promptNotFound,
                "no prompt named `\(name.rawValue)` (known: \(EmbeddedPrompts.files.keys.sorted().joined(separator: ", ")))"
            )
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A prompt with its `{{placeholders}}` filled; with `strict`, a placeholder without a value is an error.
    public func render(
        _ name: PromptName, values: [String: String] = [:], strict: Bool = false
    ) throws(PromptLibraryError) -> String {
        let text = try template(name)
        if strict {
            let missing = PromptTemplate.placeholders(in: text).filter { values[$0] == nil }
            if !missing.isEmpty {
                throw PromptLibraryError(
                    .missingValues, "prompt `\(name.rawValue)` needs values for: \(missing.joined(separator: ", "))")
            }
        }
        return PromptTemplate.render(text, values: values)
    }

    /// The coding agent's instructions for a workflow: the coding system prompt, then the workflow's prompt.
    /// - Parameter values: placeholder values, for example `["workspace": "/home/me/project"]`.
    public func codingInstructions(
        for workflow: PromptWorkflow, values: [String: String] = [:]
    ) throws(PromptLibraryError) -> String {
        let system = try render(.codingSystem, values: values)
        guard let extra = workflow.promptName else { return system }
        return system + "\n\n" + (try render(extra, values: values))
    }

    /// The names of every prompt available: the embedded ones and those in the override directory, sorted.
    public func availablePrompts() -> [PromptName] {
        var names = Set(EmbeddedPrompts.files.keys)
        if let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory) {
            names.formUnion(files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
        }
        return names.sorted().map { PromptName(rawValue: $0) }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
