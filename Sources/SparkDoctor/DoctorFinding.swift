import SparkJSON

/// One line of the doctor's table: what was checked, how it came out, and what to do about it.
public struct DoctorFinding: Sendable, Hashable {
    /// Stable, for scripts (`agent.coding`, `sandbox.bubblewrap`, `sqlite.sessions`).
    public var id: String
    public var title: String
    public var verdict: DoctorVerdict
    /// What was found, one line.
    public var detail: String
    /// What to do when the verdict is not `ok`.
    public var hint: String?

    public init(id: String, title: String, verdict: DoctorVerdict, detail: String, hint: String? = nil) {
        self.id = id
        self.title = title
        self.verdict = verdict
        self.detail = detail
        self.hint = hint
    }

    /// `{"id", "title", "verdict", "detail", "hint"?}`: the `--json` contract.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "title": .string(title), "verdict": .string(verdict.rawValue), "detail": .string(detail),
        ]
        if let hint { object["hint"] = .string(hint) }
        return .object(object)
    }
}
