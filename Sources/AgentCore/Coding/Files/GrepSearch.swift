/// One `grep` run over files below a start path: the blocking part of `GrepTool`.
struct GrepSearch: Sendable {
    /// Files larger than this are skipped (and counted).
    static let maximumFileBytes = 8 << 20
    static let maximumLineLength = 300

    /// The pattern, compiled on the searching thread (a `Regex` is not `Sendable`).
    var pattern: String
    var fileFilter: PathGlob?
    /// Whether `fileFilter` applies to the whole relative path rather than the name.
    var filterOnPath: Bool
    var contextLines: Int
    var maximumMatches: Int

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

    func run(from start: WorkspacePath, root: WorkspaceRoot, isCancelled: @escaping () -> Bool) throws -> Report {
        var report = Report()
        var buffer: [UInt8] = []
        let matcher = try GrepMatcher(pattern: pattern)
        let kind = try SecureFileSystem.kind(root: root.path, components: start.components)
        if case .file = kind {
            let directory = try SecureFileSystem.openDirectory(root: root.path, components: start.parentComponents)
            defer { close(directory) }
            search(matcher, directory: directory, name: start.name, path: start.relative, report: &report, buffer: &buffer)
            return report
        }
        guard kind == .directory else { throw WorkspacePathError.failed("\(start.relative) does not exist") }
        let walker = WorkspaceWalker(root: root, isCancelled: isCancelled)
        try walker.walk(from: start.components) { entry in
            if entry.isDirectory { return !report.capped }
            guard case .file = entry.kind, !report.capped else { return false }
            if let fileFilter {
                let accepted = filterOnPath ? fileFilter.matches(entry.components) : fileFilter.matches([entry.name])
                guard accepted else { return false }
            }
            search(matcher, directory: entry.directory, name: entry.name, path: entry.relativePath, report: &report, buffer: &buffer)
            return false
        }
        return report
    }

    private func search(_ matcher: GrepMatcher, directory: Int32, name: String, path: String, report: inout Report, buffer: inout [UInt8]) {
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        let size = Int(info.st_size)
        guard size <= Self.maximumFileBytes else {
            report.skippedLarge += 1
            return
        }
        if buffer.count < size { buffer = [UInt8](repeating: 0, count: max(size, 64 << 10)) }
        var filled = 0
        while filled < size {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            filled += count
        }
        report.filesSearched += 1
        buffer.withUnsafeBytes { all in
            let bytes = UnsafeRawBufferPointer(rebasing: all[..<filled])
            if ByteSearch.looksBinary(bytes) {
                report.skippedBinary += 1
                return
            }
            var starts: [Int] = []
            let lines = matcher.matchingLines(in: bytes, lineStarts: &starts)
            guard !lines.isEmpty else { return }
            report.filesWithMatches += 1
            format(lines, starts: starts, bytes: bytes, path: path, report: &report)
        }
    }

    private func format(_ lines: [Int], starts: [Int], bytes: UnsafeRawBufferPointer, path: String, report: inout Report) {
        let matched = Set(lines)
        var printedUpTo = -1
        for line in lines {
            guard report.matches < maximumMatches else {
                report.capped = true
                return
            }
            report.matches += 1
            let from = max(line - contextLines, printedUpTo + 1)
            let to = min(line + contextLines, starts.count - 1)
            if contextLines > 0, printedUpTo >= 0, from > printedUpTo + 1 { report.output += "--\n" }
            guard from <= to else { continue }
            for number in from...to {
                let separator = matched.contains(number) ? ":" : "-"
                report.output += path + separator + String(number + 1) + separator + text(ofLine: number, starts: starts, bytes: bytes) + "\n"
            }
            printedUpTo = max(printedUpTo, to)
        }
        if contextLines > 0 { report.output += "--\n" }
    }

    private func text(ofLine number: Int, starts: [Int], bytes: UnsafeRawBufferPointer) -> String {
        let start = starts[number]
        var end = number + 1 < starts.count ? starts[number + 1] - 1 : bytes.count
        if end > start, number + 1 == starts.count, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > start else { return "" }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<min(end, start + Self.maximumLineLength * 4)]), as: UTF8.self)
        return line.count > Self.maximumLineLength ? line.prefix(Self.maximumLineLength) + " …" : line
    }
}

#if canImport(Glibc)
import Glibc
#endif
