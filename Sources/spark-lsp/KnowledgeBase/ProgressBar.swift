import KnowledgeAgent
import Synchronization

/// A one-line progress bar on stderr (a terminal only), redrawn in place.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private let lastDrawn = Mutex<String>("")

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: IndexProgress) {
        guard enabled else { return }
        let width = 30
        let filled = progress.total > 0 ? progress.percentage * width / 100 : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let counts = progress.total > 0 ? " \(progress.done)/\(progress.total)" : ""
        let line = "\r[\(bar)] \(progress.percentage)% \(progress.phase)\(counts)"
        let changed = lastDrawn.withLock { last in
            defer { last = line }
            return last != line
        }
        if changed { StandardStream.error(line + "\u{1B}[K") }
    }

    func clear() {
        guard enabled, lastDrawn.withLock({ !$0.isEmpty }) else { return }
        StandardStream.error("\r\u{1B}[K")
    }
}
