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

/// The agents' Markdown prompts, loaded at run time from SwiftPM's resource folder without `Bundle`
/// (which would pull full Foundation into start-up).
///
/// Lookup order: the `SPARK_PROMPTS_DIR` override; `<dir of the executable>/SparkLSP_AgentCore.resources/Prompts`
/// (where SwiftPM puts `.copy("Prompts")`, next to `spark-lsp` and next to the test bundle);
/// `<dir of the executable>/../share/spark-lsp/Prompts` (an installed layout).
public struct PromptLibrary: Sendable {
    /// The environment variable that points at a prompts directory, overriding the bundled one.
    public static let overrideVariable = "SPARK_PROMPTS_DIR"
    /// SwiftPM's resource folder for the AgentCore target, relative to the executable's directory.
    public static let resourceBundleName = "SparkLSP_AgentCore.resources"

    /// The directory holding `<name>.md` files.
    public let directory: String

    /// A library reading prompts from `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Finds the prompts directory; throws a `directoryNotFound` error listing the places it looked.
    /// - Parameters:
    ///   - environment: the process environment (for `SPARK_PROMPTS_DIR`).
    ///   - executablePath: the running binary; `nil` reads `/proc/self/exe`.
    public static func locate(
        environment: [String: String],
        executablePath: String? = nil
    ) throws(PromptLibraryError) -> PromptLibrary {
        if let override = environment[overrideVariable], !override.isEmpty {
            guard isDirectory(override) else {
                throw PromptLibraryError(.directoryNotFound, "\(overrideVariable)=\(override) is not a directory of prompts")
            }
            return PromptLibrary(directory: override)
        }
        let candidates = defaultCandidates(executablePath: executablePath ?? currentExecutablePath())
        if let found = candidates.first(where: isDirectory) {
            return PromptLibrary(directory: found)
        }
        throw PromptLibraryError(
            .directoryNotFound,
            "prompt resources not found; looked in \(candidates.joined(separator: ", ")). Keep \(resourceBundleName) next to the executable or set \(overrideVariable)"
        )
    }

    /// The raw text of a prompt.
    public func template(_ name: PromptName) throws(PromptLibraryError) -> String {
        let path = "\(directory)/\(name.rawValue).md"
        guard FileManager.default.fileExists(atPath: path) else {
            throw PromptLibraryError(.promptNotFound, "prompt `\(name.rawValue)` not found at \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
            throw PromptLibraryError(.unreadable, "prompt `\(name.rawValue)` at \(path) is not readable UTF-8 text")
        }
        return text
    }

    /// A prompt with its `{{placeholders}}` filled; with `strict`, a placeholder without a value is an error.
    public func render(_ name: PromptName, values: [String: String] = [:], strict: Bool = false) throws(PromptLibraryError) -> String {
        let text = try template(name)
        if strict {
            let missing = PromptTemplate.placeholders(in: text).filter { values[$0] == nil }
            if !missing.isEmpty {
                throw PromptLibraryError(.missingValues, "prompt `\(name.rawValue)` needs values for: \(missing.joined(separator: ", "))")
            }
        }
        return PromptTemplate.render(text, values: values)
    }

    /// The coding agent's instructions for a workflow: the coding system prompt, then the workflow's prompt.
    /// - Parameter values: placeholder values, for example `["workspace": "/home/me/project"]`.
    public func codingInstructions(for workflow: PromptWorkflow, values: [String: String] = [:]) throws(PromptLibraryError) -> String {
        let system = try render(.codingSystem, values: values)
        guard let extra = workflow.promptName else { return system }
        return system + "\n\n" + (try render(extra, values: values))
    }

    /// The names of the prompts in the directory, sorted.
    public func availablePrompts() -> [PromptName] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { PromptName(rawValue: String($0.dropLast(3))) }.sorted { $0.rawValue < $1.rawValue }
    }

    static func defaultCandidates(executablePath: String?) -> [String] {
        guard let executablePath, let slash = executablePath.lastIndex(of: "/") else { return [] }
        let directory = String(executablePath[..<slash])
        return [
            "\(directory)/\(resourceBundleName)/Prompts",
            "\(directory)/../share/spark-lsp/Prompts",
        ]
    }

    /// The running binary's path from `/proc/self/exe` (Linux) or `argv[0]` elsewhere.
    static func currentExecutablePath() -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 {
            return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        #endif
        return CommandLine.arguments.first
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
