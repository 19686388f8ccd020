/// One entry of the doctor's list: a name and the code that looks. A check may report several lines (one per
/// agent, one per database).
public struct DoctorCheck: Sendable {
    /// The id prefix of its findings, and what `--only` would name.
    public var id: String
    public var run: @Sendable (DoctorContext) async -> [DoctorFinding]

    public init(id: String, run: @escaping @Sendable (DoctorContext) async -> [DoctorFinding]) {
        self.id = id
        self.run = run
    }
}
