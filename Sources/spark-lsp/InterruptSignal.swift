import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns SIGINT into a callback through a dispatch signal source (no global flag).
///
/// The first Ctrl-C calls `onInterrupt` (which cancels the run); a second one exits at once
/// with status 130.
final class InterruptSignal {
    /// Whether Ctrl-C was pressed, shared with the handler running on the source's queue.
    private final class Flag: Sendable {
        let value = Mutex(false)
    }

    private let source: any DispatchSourceSignal
    private let fired = Flag()

    init(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "spark-lsp.sigint"))
        source.setEventHandler { [fired] in
            let again = fired.value.withLock { wasFired in
                defer { wasFired = true }
                return wasFired
            }
            if again { _exit(130) }
            onInterrupt()
        }
        source.resume()
    }

    /// Whether Ctrl-C was pressed.
    var wasTriggered: Bool { fired.value.withLock { $0 } }

    /// Stops listening and restores the default SIGINT behaviour.
    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
