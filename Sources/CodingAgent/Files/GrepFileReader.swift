import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and searches one file at a time, reusing its buffer; one per worker thread.
struct GrepFileReader {
    let matcher: GrepMatcher
    let contextLines: Int
    private var buffer: [UInt8] = []

    init(matcher: GrepMatcher, contextLines: Int) {
        self.matcher = matcher
        self.contextLines = contextLines
    }

    /// Searches the regular file `name` in `directory`, never following a link; `path` (shown in
    /// the output) is only built when something matches.
    mutating func search(in directory: Int32, name: String, path: () -> String) -> GrepFileResult {
        var result = GrepFileResult()
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return result }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return result }
        let size = Int(info.st_size)
        guard size <= GrepSearch.maximumFileBytes else {
            result.large = true
            return result
        }
        if buffer.count < size { buffer = [UInt8](repeating: 0, count: max(size, 64 << 10)) }
        var filled = 0
        while filled < size {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            filled += count
        }
        result.searched = true
        buffer.withUnsafeBytes { all in
            let bytes = UnsafeRawBufferPointer(rebasing: all[..<filled])
            if ByteSearch.looksBinary(bytes) {
                result.binary = true
                return
            }
            var starts: [Int] = []
            let lines = matcher.matchingLines(in: bytes, lineStarts: &starts)
            if !lines.isEmpty { result.blocks = blocks(lines, starts: starts, bytes: bytes, path: path()) }
        }
        return result
    }

    private func blocks(_ lines: [Int], starts: [Int], bytes: UnsafeRawBufferPointer, path: String) -> [GrepFileResult
        .Block]
    {
        let matched = Set(lines)
        var printedUpTo = -1
        var blocks: [GrepFileResult.Block] = []
        for line in lines {
            let from = max(line - contextLines, printedUpTo + 1)
            let to = min(line + contextLines, starts.count - 1)
            var block = GrepFileResult.Block(
                separated: contextLines > 0 && printedUpTo >= 0 && from > printedUpTo + 1, text: "")
            if from <= to {
                for number in from...to {
                    let separator = matched.contains(number) ? ":" : "-"
                    block.text +=
                        path + separator + String(number + 1) + separator
                        + text(ofLine: number, starts: starts, bytes: bytes) + "\n"
                }
                printedUpTo = max(printedUpTo, to)
            }
            blocks.append(block)
        }
        return blocks
    }

    private func text(ofLine number: Int, starts: [Int], bytes: UnsafeRawBufferPointer) -> String {
        let start = starts[number]
        var end = number + 1 < starts.count ? starts[number + 1] - 1 : bytes.count
        if end > start, number + 1 == starts.count, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > start else { return "" }
        let limit = GrepSearch.maximumLineLength
        let line = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<min(end, start + limit * 4)]), as: UTF8.self)
        return line.count > limit ? line.prefix(limit) + " …" : line
    }
}
