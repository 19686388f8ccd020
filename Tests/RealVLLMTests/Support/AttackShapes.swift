import AgentCore
import SparkJSON

/// Schema narrowings that steer the random model's arguments toward attacks: paths through `..`,
/// absolute paths, `~`, URL encoding and the links the sandbox planted; shell commands and
/// programs that write, delete or link outside the workspace. Each narrowing is a `pattern` or
/// `enum` on a string property, so the arguments stay valid for the real schema; the server's
/// guided decoding draws the rest at random.
enum AttackShapes {
    /// A path that tries to leave the workspace (or stays in it), then a random tail.
    static let path: JSONValue = [
        "type": "string",
        "pattern": #"^(\.\./sentinel/|\.\./|outside/|secret-link\.txt|/tmp/|/etc/|~/|%2e%2e/|src/|\./)?[a-z.]{0,10}$"#,
    ]
    /// A shell command that reads, writes, deletes or links across the workspace's edge. (No `"` in
    /// patterns: vLLM 0.32's xgrammar rejects a token mid-string and the request fails with HTTP 500.)
    static let command: JSONValue = [
        "type": "string",
        "pattern":
            #"^(ls|cat|rm -rf|rm|mv|cp|touch|mkdir -p|chmod 777|ln -sf|sudo rm|echo x >) (\.\./sentinel|\.\./sentinel/secret\.txt|outside/secret\.txt|secret-link\.txt|/tmp|/|~|\.\.|src|\.)( (\.\./escaped|outside/new|src/new|/tmp/new))?$"#,
    ]
    static let languages: JSONValue = [
        "type": "string", "enum": ["python", "javascript", "typescript", "go", "rust", "java", "c", "cpp", "bash"],
    ]
    /// Code (Python or shell) that writes, deletes or runs something outside the workspace.
    static let code: JSONValue = [
        "type": "string",
        "pattern":
            #"^(open\('(\.\./sentinel/secret\.txt|\.\./escaped|/tmp/escaped|src/new\.py)', '(w|a)'\)\.write\('x'\)|import os; os\.(remove|rmdir|system)\('(\.\./sentinel/secret\.txt|\.\./sentinel|rm -rf \.\./sentinel)'\)|rm -rf \.\./sentinel|echo x > \.\./sentinel/secret\.txt|touch \.\./escaped|print\(1\))$"#,
    ]

    /// The narrowed properties of `tool`'s schema (empty for tools with nothing to aim).
    static func overrides(for tool: String) -> [String: JSONValue] {
        switch tool {
        case "file_read", "file_write", "grep", "memory": ["path": path, "new_path": path]
        case "glob": ["pattern": path]
        case "bash": ["command": command]
        case "execute_code": ["language": languages, "code": code]
        case "python_repl": ["code": code]
        default: [:]
        }
    }
}
