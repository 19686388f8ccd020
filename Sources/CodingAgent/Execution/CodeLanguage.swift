import AgentCore

/// A language `execute_code` runs.
public enum CodeLanguage: String, CaseIterable, Sendable {
    case python, javascript, typescript, go, rust, java, c, cpp, bash

    /// The language for a name or alias (`py`, `js`, `ts`, `golang`, `rs`, `c++`, `sh`, ...), case-insensitive.
    public init?(alias: String) {
        let aliases: [String: CodeLanguage] = [
            "python": .python, "py": .python, "python3": .python,
            "javascript": .javascript, "js": .javascript, "node": .javascript, "nodejs": .javascript,
            "typescript": .typescript, "ts": .typescript,
            "go": .go, "golang": .go,
            "rust": .rust, "rs": .rust,
            "java": .java,
            "c": .c,
            "cpp": .cpp, "c++": .cpp, "cxx": .cpp, "cc": .cpp,
            "bash": .bash, "sh": .bash, "shell": .bash,
        ]
        guard let language = aliases[alias.execTrimmed.lowercased()] else { return nil }
        self = language
    }

    /// The source file name for `code` (Java's must match its public class).
    func sourceFileName(for code: String) -> String {
        switch self {
        case .python: "main.py"
        case .javascript: "main.js"
        case .typescript: "main.ts"
        case .go: "main.go"
        case .rust: "main.rs"
        case .java: "\(Self.javaClassName(in: code)).java"
        case .c: "main.c"
        case .cpp: "main.cpp"
        case .bash: "main.sh"
        }
    }

    /// The class to run: the public class, else the first class with a `main`, else `Main`.
    static func javaClassName(in code: String) -> String {
        if let match = code.firstMatch(of: #/public\s+(?:final\s+|abstract\s+)*class\s+([A-Za-z_][A-Za-z0-9_]*)/#) {
            return String(match.1)
        }
        if let match = code.firstMatch(of: #/class\s+([A-Za-z_][A-Za-z0-9_]*)[^{]*\{[\s\S]*?static\s+void\s+main/#) {
            return String(match.1)
        }
        return "Main"
    }
}
