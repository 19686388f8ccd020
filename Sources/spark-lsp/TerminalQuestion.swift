import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A yes/no question on the terminal, for the command line's approvals and workspace trust.
enum TerminalQuestion {
    /// Whether stdin is a terminal someone can answer on.
    static var canAsk: Bool { isatty(STDIN_FILENO) == 1 }

    /// Asks `question` on stderr and reads the answer from stdin; `true` for an answer starting with `y`.
    static func ask(_ question: String) async -> Bool {
        StandardStream.error(question + " [y/N] ")
        // readLine blocks: keep it off the cooperative pool.
        let answer = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: readLine() ?? "") }
        }
        return answer.lowercased().hasPrefix("y")
    }
}
