import ArgumentParser
import KnowledgeAgent

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `spark-lsp kb index [PATH...]`.
struct KnowledgeIndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index folders (default: the workspace and knowledgeBase.paths); only changed files are read again.",
        discussion: """
            Prints one summary line: files, chunks, what was skipped and why, seconds. A progress bar goes to \
            stderr when it is a terminal.
            """)

    @OptionGroup var options: KnowledgeOptions

    @Argument(help: "Folders to index (each becomes an indexed root; paths in results are relative to it).")
    var paths: [String] = []

    func run() async throws {
        let setup = try KnowledgeSetup(options)
        let roots = paths.isEmpty ? KnowledgeIndex.defaultRoots(setup.configuration) : paths.map(Self.absolute)
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let report = try await KnowledgeSetup.failing {
            try await setup.index.index(roots: roots) { bar.show($0) }
        }
        bar.clear()
        StandardStream.output("indexed " + report.summary + "\n")
        if !report.rootErrors.isEmpty && report.files == 0 { throw ExitCode(1) }
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path == "." ? cwd : cwd + "/" + path
    }
}
