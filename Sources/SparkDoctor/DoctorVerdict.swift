/// How one check came out, and how the whole report did (the worst of its checks).
public enum DoctorVerdict: String, Sendable, Hashable, Comparable, CaseIterable {
    case ok
    /// Skipped: the thing checked is not configured here (no Milvus, no embedding model).
    case skipped
    /// Works, but not as configured or not fully (a model fallback, no bubblewrap but Landlock).
    case warning
    /// Does not work; the exit code is 1.
    case failure

    private var severity: Int {
        switch self {
        case .ok: 0
        case .skipped: 0
        case .warning: 1
        case .failure: 2
        }
    }

    public static func < (lhs: DoctorVerdict, rhs: DoctorVerdict) -> Bool { lhs.severity < rhs.severity }

    /// The column the table shows.
    var label: String {
        switch self {
        case .ok: "ok"
        case .skipped: "skip"
        case .warning: "WARN"
        case .failure: "FAIL"
        }
    }
}
