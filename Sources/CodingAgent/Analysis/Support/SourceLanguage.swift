import AgentCore

/// A programming language the analysis tools understand.
public enum SourceLanguage: String, CaseIterable, Sendable, Codable {
    case python
    case swift
    case javascript
    case typescript
    case go
    case rust
    case java
    case c
    case cpp

    /// Parses a language name as a model or user writes it (`py`, `JS`, `c++`, `golang`, ...).
    public init?(name: String) {
        let key = name.trimmingWhitespace.lowercased()
        switch key {
        case "python", "py", "python3": self = .python
        case "swift": self = .swift
        case "javascript", "js", "node", "nodejs", "jsx", "mjs": self = .javascript
        case "typescript", "ts", "tsx": self = .typescript
        case "go", "golang": self = .go
        case "rust", "rs": self = .rust
        case "java": self = .java
        case "c", "h": self = .c
        case "cpp", "c++", "cxx", "cc", "hpp": self = .cpp
        default: return nil
        }
    }

    /// The names accepted in tool arguments, for schemas and error messages.
    public static let acceptedNames = SourceLanguage.allCases.map(\.rawValue)

    /// The file extension used for temporary files.
    var fileExtension: String {
        switch self {
        case .python: "py"
        case .swift: "swift"
        case .javascript: "js"
        case .typescript: "ts"
        case .go: "go"
        case .rust: "rs"
        case .java: "java"
        case .c: "c"
        case .cpp: "cpp"
        }
    }

    /// Extensions of workspace files written in this language.
    var workspaceExtensions: Set<String> {
        switch self {
        case .python: ["py"]
        case .swift: ["swift"]
        case .javascript: ["js", "mjs", "cjs", "jsx"]
        case .typescript: ["ts", "tsx", "mts"]
        case .go: ["go"]
        case .rust: ["rs"]
        case .java: ["java"]
        case .c: ["c", "h"]
        case .cpp: ["cpp", "cc", "cxx", "hpp", "hh", "h"]
        }
    }

    /// Whether blocks are delimited by braces (everything but Python).
    var usesBraces: Bool { self != .python }

    /// Languages whose patterns also apply (TypeScript shares JavaScript's; C++ shares C's).
    var relatedLanguages: [SourceLanguage] {
        switch self {
        case .typescript: [.typescript, .javascript]
        case .cpp: [.cpp, .c]
        default: [self]
        }
    }
}

extension SourceLanguage {
    /// The language of workspace files with this extension (`swift`, `py`, `h` is C), if any.
    package init?(fileExtension: String) {
        let key = fileExtension.lowercased()
        guard let language = SourceLanguage.allCases.first(where: { $0.workspaceExtensions.contains(key) }) else {
            return nil
        }
        self = language
    }
}
