import AgentCore

/// The environment a sandboxed process gets: an allowlist of the server's variables, never a secret.
///
/// Kept: `PATH`, `HOME`, `TMPDIR`, `LANG`, `LANGUAGE`, `LC_*`, `TERM`, `TZ`, `USER`, `LOGNAME`; then what
/// the caller adds (a run plan's variables, the toolchains' locations, the sandbox's `HOME`/`TMPDIR`).
/// Any variable whose value equals one of the server's secrets (`VLLM_API_KEY`, `OPENAI_API_KEY`) is
/// dropped, whatever its name.
public struct ChildEnvironment: Sendable {
    /// Names copied from the server's environment.
    public static let allowed: Set<String> = [
        "PATH", "HOME", "TMPDIR", "LANG", "LANGUAGE", "TERM", "TZ", "USER", "LOGNAME",
    ]
    /// Variables whose values are the server's secrets.
    public static let secretNames = ["VLLM_API_KEY", "OPENAI_API_KEY"]

    /// The values never passed on.
    public let secrets: Set<String>
    private let base: [String: String]

    public init(base: [String: String]) {
        self.base = base
        secrets = Set(Self.secretNames.compactMap { base[$0] }.filter { !$0.isEmpty })
    }

    /// Whether the server's variable `name` is copied.
    public static func isAllowed(_ name: String) -> Bool {
        allowed.contains(name) || name.hasPrefix("LC_")
    }

    /// The allowlisted variables, merged with `extra` (which wins), without any secret value.
    public func make(adding extra: [String: String] = [:]) -> [String: String] {
        var environment = base.filter { Self.isAllowed($0.key) }
        environment.merge(extra) { _, new in new }
        return environment.filter { !secrets.contains($0.value) }
    }
}
