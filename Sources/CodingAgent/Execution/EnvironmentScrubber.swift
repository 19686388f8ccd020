import AgentCore

/// Removes secrets from an environment before it reaches a child process.
///
/// Drops every variable whose name ends in `_KEY`, `_TOKEN`, `_SECRET` (and a few relatives) or
/// contains `PASSWORD`, `PASSWD`, `CREDENTIAL` or `SECRET`, plus well-known names such as
/// `OPENAI_API_KEY` and `VLLM_API_KEY`. `PATH`, `HOME`, `LANG` and `LC_*` are always kept.
public struct EnvironmentScrubber: Sendable {
    /// Names always kept.
    public static let kept: Set<String> = ["PATH", "HOME", "LANG", "LANGUAGE", "TERM", "TZ", "USER", "LOGNAME"]
    /// Exact names always dropped.
    public static let droppedNames: Set<String> = [
        "VLLM_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN",
        "GITHUB_TOKEN", "GH_TOKEN", "GITLAB_TOKEN", "NPM_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN", "DATABASE_URL", "SSH_AUTH_SOCK", "GPG_AGENT_INFO", "PGPASSWORD", "MYSQL_PWD",
        "BASH_ENV", "ENV", "LD_PRELOAD", "LD_LIBRARY_PATH", "PYTHONSTARTUP",
    ]
    private static let droppedSuffixes = ["_KEY", "_TOKEN", "_SECRET", "_APIKEY", "_PAT", "_PWD", "_PASS", "_AUTH"]
    private static let droppedFragments = ["PASSWORD", "PASSWD", "SECRET", "CREDENTIAL", "API_KEY", "APIKEY"]

    public init() {}

    /// Whether a variable of this name is dropped.
    public func isSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        if Self.kept.contains(upper) || upper.hasPrefix("LC_") { return false }
        if Self.droppedNames.contains(upper) { return true }
        if Self.droppedSuffixes.contains(where: { upper.hasSuffix($0) }) { return true }
        return Self.droppedFragments.contains(where: { upper.contains($0) })
    }

    /// The environment without its secrets.
    public func scrub(_ environment: [String: String]) -> [String: String] {
        environment.filter { !isSecret($0.key) }
    }
}
