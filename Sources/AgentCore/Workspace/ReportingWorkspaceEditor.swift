/// A workspace editor that tells `report` how every change ended, after the front end's editor made it
/// (or refused it), so the change reaches the user as an `edit` event in order with the tool that made it.
struct ReportingWorkspaceEditor: WorkspaceEditor {
    let inner: any WorkspaceEditor
    let report: @Sendable (FileChange, EditOutcome) async -> Void

    func apply(_ change: FileChange) async throws -> EditOutcome {
        let outcome = try await inner.apply(change)
        await report(change, outcome)
        return outcome
    }
}

/// A workspace editor that makes each change only once every run event emitted before it has been delivered, so
/// the editor never receives an edit ahead of the `toolCall` event of the tool that makes it.
struct OrderedWorkspaceEditor: WorkspaceEditor {
    let inner: any WorkspaceEditor
    let delivery: EventDelivery

    func apply(_ change: FileChange) async throws -> EditOutcome {
        await delivery.waitForDelivery()
        try Task.checkCancellation()
        return try await inner.apply(change)
    }
}
