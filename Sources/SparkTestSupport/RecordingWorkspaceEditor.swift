import AgentCore
import CodingAgent

/// A `WorkspaceEditor` for tests: records every change and answers as told.
public actor RecordingWorkspaceEditor: WorkspaceEditor {
    /// How the editor answers.
    public enum Behavior: Sendable {
        /// Reports the change applied without touching the disk.
        case accept
        /// Passes the change to another editor (for example a `DiskWorkspaceEditor`).
        case forward(any WorkspaceEditor)
        /// Reports the change not applied, with this message.
        case refuse(String)
        /// Throws this error.
        case fail(any Error & Sendable)
    }

    /// The changes received, in order (refused and failed ones included).
    public private(set) var changes: [FileChange] = []
    public var behavior: Behavior

    public init(behavior: Behavior = .accept) {
        self.behavior = behavior
    }

    /// Changes how later changes are answered.
    public func setBehavior(_ behavior: Behavior) {
        self.behavior = behavior
    }

    public func apply(_ change: FileChange) async throws -> EditOutcome {
        changes.append(change)
        switch behavior {
        case .accept: return .applied
        case .forward(let editor): return try await editor.apply(change)
        case .refuse(let message): return EditOutcome(applied: false, message: message)
        case .fail(let error): throw error
        }
    }
}
