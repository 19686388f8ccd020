import AgentCore
import SparkJSON
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `grep` run over files below a start path: the blocking part of `GrepTool`.
///
/// The walk lists the files first (honouring ignore rules and the file filter); then worker
/// threads search them in chunks, claimed in order, so the first `maximumMatches` matches in
/// walk order are reported whatever the timing.
struct GrepSearch: Sendable {
    /// Files larger than this are skipped (and counted).
    static let maximumFileBytes = 8 << 20
    static let maximumLineLength = 300
    static let chunkSize = 32

    /// The pattern, compiled on each searching thread (a `Regex` is not `Sendable`).
    var pattern: String
    var fileFilter: PathGlob?
    /// Whether `fileFilter` applies to the whole relative path rather than the name.
    var filterOnPath: Bool
    var contextLines: Int
    var maximumMatches: Int
    var workers = min(4, DetachedThread.processorCount)

    /// What a search found.
    struct Report {
        var output = ""
        var matches = 0
        var filesWithMatches = 0
        var filesSearched = 0
        var skippedBinary = 0
        var skippedLarge = 0
        var capped = false
    }

    /// The files to search: directories (components from the root) and names in walk order.
    struct FileList: Sendable {
        var directories: [[String]] = []
        var files: [(directory: Int, name: String)] = []
    }

    func run(from start: WorkspacePath, root: WorkspaceRoot, flag: BlockingFileWork.Flag) throws -> Report {
        let list = try collect(from: start, root: root, isCancelled: { flag.isCancelled })
        let chunks = (list.files.count + Self.chunkSize - 1) / Self.chunkSize
        let results = Mutex<[[GrepFileResult]?]>(Array(repeating: nil, count: chunks))
        let nextChunk = Atomic<Int>(0)
        let found = Atomic<Int>(0)
        let cancelled = Atomic<Bool>(false)
        let search = self
        let workerCount = list.files.count < 2 * Self.chunkSize ? 1 : workers
        DetachedThread.forkJoin(count: workerCount) { _ in
            guard let matcher = try? GrepMatcher(pattern: search.pattern) else { return }
            var reader = GrepFileReader(matcher: matcher, contextLines: search.contextLines)
            var openDirectory: (index: Int, descriptor: Int32)?
            defer { if let openDirectory { close(openDirectory.descriptor) } }
            while found.load(ordering: .relaxed) < search.maximumMatches + 1, !cancelled.load(ordering: .relaxed) {
                let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
                guard chunk < chunks else { return }
                if flag.isCancelled { cancelled.store(true, ordering: .relaxed) }
                var chunkResults: [GrepFileResult] = []
                for (directory, name) in list.files[
                    (chunk * Self.chunkSize)..<min(list.files.count, (chunk + 1) * Self.chunkSize)]
                {
                    if openDirectory?.index != directory {
                        if let openDirectory { close(openDirectory.descriptor) }
                        openDirectory = nil
                        guard
                            let descriptor = try? SecureFileSystem.openDirectory(
                                root: root.path, components: list.directories[directory])
                        else { continue }
                        openDirectory = (directory, descriptor)
                    }
                    let result = reader.search(in: openDirectory!.descriptor, name: name) {
                        (list.directories[directory] + [name]).joined(separator: "/")
                    }
                    found.add(result.blocks.count, ordering: .relaxed)
                    chunkResults.append(result)
                }
                results.withLock { $0[chunk] = chunkResults }
            }
        }
        if cancelled.load(ordering: .relaxed) { throw CancellationError() }
        return merge(results.withLock { $0 })
    }

    /// Lists the files below `start` (or `start` itself when it is a file).
    private func collect(from start: WorkspacePath, root: WorkspaceRoot, isCancelled: @escaping () -> Bool) throws
        -> FileList
    {
        var list = FileList()
        let kind = try SecureFileSystem.kind(root: root.path, components: start.components)
        if case .file = kind {
            if let refusal = ProtectedPaths.readRefusal(for: start.components) {
                throw WorkspacePathError.refused(refusal)
            }
            list.directories = [start.parentComponents]
            list.files = [(0, start.name)]
            return list
        }
        guard kind == .directory else { throw WorkspacePathError.failed("\(start.relative) does not exist") }
        var lastDirectory: [String]?
        try WorkspaceWalker(root: root, isCancelled: isCancelled).walk(from: start.components) { entry in
            if entry.isDirectory { return true }
            guard case .file = entry.kind, ProtectedPaths.readRefusal(for: entry.components) == nil else {
                return false
            }
            if let fileFilter {
                guard filterOnPath ? fileFilter.matches(entry.components) : fileFilter.matches([entry.name]) else {
                    return false
                }
            }
            let parent = Array(entry.components.dropLast())
            if parent != lastDirectory {
                list.directories.append(parent)
                lastDirectory = parent
            }
            list.files.append((list.directories.count - 1, entry.name))
            return false
        }
        if isCancelled() { throw CancellationError() }
        return list
    }

    /// Joins the per-file results in walk order, keeping the first `maximumMatches` matches.
    private func merge(_ chunks: [[GrepFileResult]?]) -> Report {
        var report = Report()
        for case let results? in chunks {
            for result in results {
                if report.capped { return report }
                report.filesSearched += result.searched ? 1 : 0
                report.skippedBinary += result.binary ? 1 : 0
                report.skippedLarge += result.large ? 1 : 0
                guard !result.blocks.isEmpty else { continue }
                report.filesWithMatches += 1
                for block in result.blocks {
                    guard report.matches < maximumMatches else {
                        report.capped = true
                        break
                    }
                    if block.separated { report.output += "--\n" }
                    report.output += block.text
                    report.matches += 1
                }
                if contextLines > 0 { report.output += "--\n" }
            }
        }
        return report
    }
}
