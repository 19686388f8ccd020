import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The regular expressions that find declarations in brace languages, one set per language.
///
/// They run on scrubbed lines (comments and strings blanked) and are anchored at the line start.
/// Function patterns capture the name in the last non-empty group before the `(` they end on.
struct DeclarationPatterns {
    /// Patterns whose match ends just after the parameter list's `(`; groups: optional container, name.
    var functions: [Regex<AnyRegexOutput>]
    /// Method patterns tried only inside a type body.
    var methods: [Regex<AnyRegexOutput>]
    /// Groups: kind, name, optional inherited list.
    var types: [Regex<AnyRegexOutput>]
    /// Run on original lines; the last non-empty group is the module.
    var imports: [Regex<AnyRegexOutput>]
    /// A line can only declare a function, type or import if it contains one of these (a cheap filter
    /// before the regular expressions; empty means no filter).
    var functionHints: [String] = []
    var typeHints: [String] = []
    var importHints: [String] = []

    /// Words that look like calls but are not.
    static let keywords: Set<String> = [
        "if", "for", "while", "switch", "catch", "return", "else", "do", "sizeof", "new", "delete", "throw",
        "case", "typeof", "await", "yield", "function", "super", "this", "guard", "match", "loop", "fn",
        "func", "init", "defer", "try", "in", "as", "is", "let", "var", "const", "static", "using",
        "alignof", "decltype", "with", "assert", "print", "Some", "Ok", "Err", "elif", "except", "not",
        "and", "or", "lambda", "go", "select", "synchronized", "instanceof", "where",
    ]

    init(language: SourceLanguage) {
        func compile(_ patterns: [String]) -> [Regex<AnyRegexOutput>] {
            patterns.compactMap { try? Regex($0) }
        }
        switch language {
        case .swift:
            functions = compile([
                #"^\s*(?:@[\w.]+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|package|open|static|class|final|override|mutating|nonmutating|nonisolated|convenience|required|dynamic|indirect|@\w+)\s+)*(?:func\s+([A-Za-z_]\w*)|(init)[?!]?)\s*(?:<[^>]*>)?\s*\("#
            ])
            methods = []
            types = compile([
                #"^\s*(?:@[\w.]+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|package|open|final|indirect)\s+)*(class|struct|enum|protocol|actor|extension)\s+([A-Za-z_][\w.]*)\s*(?:<[^>]*>)?\s*(?::\s*([^{]+))?"#
            ])
            imports = compile([
                #"^\s*(?:@\w+\s+)*import\s+(?:(?:struct|class|enum|func|protocol|typealias|var|let)\s+)?([\w.]+)"#
            ])
        case .javascript, .typescript:
            functions = compile([
                #"^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\("#,
                #"^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\s*\*?\s*)?(?:<[^>]*>)?\s*\("#,
            ])
            methods = compile([
                #"^\s*(?:(?:public|private|protected|static|async|readonly|override|abstract|get|set)\s+)*\*?\s*(#?[A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\("#
            ])
            types = compile([
                #"^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(class|interface|enum)\s+([A-Za-z_$][\w$]*)(?:<[^>]*>)?(?:\s+(?:extends|implements)\s+([\w$.,\s<>]+?))?\s*\{"#
            ])
            imports = compile([
                #"^\s*import\s+(?:type\s+)?(?:.+?\s+from\s+)?['"]([^'"]+)['"]"#,
                #"require\(\s*['"]([^'"]+)['"]\s*\)"#,
            ])
        case .go:
            functions = compile([
                #"^func\s+(?:\(\s*\w*\s*\*?\s*(\w+)(?:\[[^\]]*\])?\s*\)\s*)?([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*\("#
            ])
            methods = []
            types = compile([#"^type\s+([A-Za-z_]\w*)(?:\[[^\]]*\])?\s+(struct|interface)\b"#])
            imports = compile([#"^\s*import\s+(?:[\w.]+\s+)?"([^"]+)""#, #"^\s+(?:[\w.]+\s+)?"([^"]+)"\s*$"#])
        case .rust:
            functions = compile([
                #"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:(?:const|async|unsafe|extern(?:\s+"[^"]*")?)\s+)*fn\s+([A-Za-z_]\w*)\s*(?:<.*>)?\s*\("#
            ])
            methods = []
            types = compile([
                #"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:unsafe\s+)?(struct|enum|trait|impl|union|mod)(?:<[^>]*>)?\s+([A-Za-z_][\w:]*)(?:<[^>]*>)?(?:\s+for\s+([\w:]+))?"#
            ])
            imports = compile([#"^\s*(?:pub\s+)?use\s+([^;]+);"#, #"^\s*extern\s+crate\s+(\w+)"#])
        case .java:
            functions = compile([
                #"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|protected|static|final|abstract|synchronized|native|default|strictfp)\s+)*(?:<[^>]*>\s+)?(?:[\w.]+(?:<.*>)?(?:\[\])*)\s+([A-Za-z_]\w*)\s*\("#,
                #"^\s*(?:public|private|protected)\s+([A-Z]\w*)\s*\("#,
            ])
            methods = []
            types = compile([
                #"^\s*(?:@\w+\s+)*(?:(?:public|private|protected|static|final|abstract|sealed)\s+)*(class|interface|enum|record)\s+([A-Za-z_]\w*)(?:<[^>]*>)?(?:\s*\([^)]*\))?(?:\s+(?:extends|implements)\s+([\w.,\s<>]+?))?\s*\{?"#
            ])
            imports = compile([#"^\s*import\s+(?:static\s+)?([\w.*]+)\s*;"#])
        case .c, .cpp:
            functions = compile([
                #"^\s*(?:template\s*<[^>]*>\s*)?(?:(?:static|inline|extern|const|unsigned|signed|virtual|constexpr|explicit|struct|enum)\s+)*[A-Za-z_][\w:<>,]*[\s\*&]+(?:[\*&]\s*)*((?:[A-Za-z_]\w*::)*~?[A-Za-z_]\w*)\s*\("#,
                #"^\s*((?:[A-Za-z_]\w*::)+~?[A-Za-z_]\w*)\s*\("#,
            ])
            methods = []
            types = compile([
                #"^\s*(?:typedef\s+)?(struct|class|enum|union|namespace)\s+(?:class\s+)?([A-Za-z_]\w*)(?:\s*:\s*([^{]+))?"#
            ])
            imports = compile([#"^\s*#\s*include\s*[<"]([^>"]+)[>"]"#])
        case .python:
            functions = compile([#"^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\("#])
            methods = []
            types = compile([#"^\s*(class)\s+([A-Za-z_]\w*)(?:\(([^)]*)\))?"#])
            imports = compile([#"^\s*from\s+([.\w]+)\s+import\s+(.+)"#, #"^\s*import\s+([\w., ]+)"#])
        }
        switch language {
        case .swift: functionHints = ["func", "init"]
        case .go: functionHints = ["func"]
        case .rust: functionHints = ["fn"]
        case .python: functionHints = ["def"]
        default: functionHints = ["("]
        }
        typeHints = [
            "class", "struct", "enum", "protocol", "actor", "extension", "interface", "trait", "impl", "union", "mod",
            "record", "namespace", "type",
        ]
        importHints = ["import", "require", "use", "include", "crate", "\""]
    }

    /// Whether `line` contains any of `hints` (always true for no hints).
    static func mayMatch(_ line: String, _ hints: [String]) -> Bool {
        hints.isEmpty || line.withCString { text in hints.contains { strstr(text, $0) != nil } }
    }
}
