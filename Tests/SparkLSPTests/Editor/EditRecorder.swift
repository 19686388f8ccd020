import SparkLSP
import SparkTestSupport
import Synchronization

/// Records the `workspace/applyEdit` requests a test client received and answers them.
final class EditRecorder: Sendable {
    /// Guarded by the mutex.
    private let edits = Mutex<[ApplyEditRequest]>([])
    private let answer: ApplyWorkspaceEditResult

    init(answer: ApplyWorkspaceEditResult = ApplyWorkspaceEditResult(applied: true)) { self.answer = answer }

    var received: [ApplyEditRequest] { edits.withLock { $0 } }

    func attach(to client: TestLSPClient) {
        client.handle(ApplyEditRequest.self) { [self] request in
            edits.withLock { $0.append(request) }
            return answer
        }
    }
}
