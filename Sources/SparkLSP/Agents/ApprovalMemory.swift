/// The "Always for this session" answers: tools the user allowed for a whole session.
actor ApprovalMemory {
    private var allowed: Set<String> = []

    func isAllowed(tool: String, session: String) -> Bool { allowed.contains(session + "\u{0}" + tool) }

    func allow(tool: String, session: String) { allowed.insert(session + "\u{0}" + tool) }

    /// Forgets every answer given for `session`.
    func forget(session: String) { allowed = allowed.filter { !$0.hasPrefix(session + "\u{0}") } }
}
