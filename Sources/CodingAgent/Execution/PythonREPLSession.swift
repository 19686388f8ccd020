import AgentCore
import SparkJSON

/// One conversation's persistent Python process, started on first use and after a kill.
///
/// Calls run one at a time (a FIFO lock), since they share the process's pipes.
actor PythonREPLSession {
    private let configuration: PythonREPLConfiguration
    private var process: PythonREPLProcess?
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(configuration: PythonREPLConfiguration) {
        self.configuration = configuration
    }

    private func acquire() async {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
    }

    private func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `code`, starting the process when there is none. `started` says a new process began.
    func execute(_ code: String, timeout: Duration) async throws -> (reply: REPLReply, started: Bool) {
        await acquire()
        defer { release() }
        var started = false
        if process == nil {
            let configuration = configuration
            let result = await DetachedThread.run { () -> Result<PythonREPLProcess, ExecutionError> in
                Result { () throws(ExecutionError) in try PythonREPLProcess.start(configuration) }
            }
            process = try result.get()
            started = true
        }
        guard let process else { throw ExecutionError("the Python REPL is not running") }
        let cancel = try CancelSignal()
        defer { cancel.close() }
        let reply = await withTaskCancellationHandler {
            await DetachedThread.run { process.execute(code, timeout: timeout, cancel: cancel.readDescriptor) }
        } onCancel: {
            cancel.fire()
        }
        if reply.status == .killed || reply.status == .exited {
            self.process = nil
        }
        return (reply, started)
    }

    /// Stops the process; the next call starts a fresh one.
    func stop() async {
        await acquire()
        defer { release() }
        if let process {
            self.process = nil
            _ = await DetachedThread.run { process.terminate() }
        }
    }

    /// The running process's id, if any (for tests and logs).
    var pid: Int32? { process?.pid }
}
