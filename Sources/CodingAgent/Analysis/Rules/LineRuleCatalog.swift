import AgentCore

/// Every line rule: secrets and markers for all languages, then per-language code smells.
enum LineRuleCatalog {
    static let jsLike: Set<SourceLanguage> = [.javascript, .typescript]
    static let cLike: Set<SourceLanguage> = [.c, .cpp]

    static let rules: [LineRule] = secrets + general + python + javascript + swift + go + rust + java + c + loops

    static let secrets: [LineRule] = [
        LineRule(
            "aws-access-key", .error, .security, nil, #"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"#,
            "AWS access key id in the source; load it from the environment or a secret store", onOriginal: true
        ).hinted(["AKIA", "ASIA"]),
        LineRule(
            "private-key", .error, .security, nil,
            #"-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY"#,
            "private key block in the source; keep keys out of the repository", onOriginal: true
        ).hinted(["PRIVATE KEY"]),
        LineRule(
            "api-token", .error, .security, nil,
            #"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|xox[baprs]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35})\b"#,
            "API token in the source; revoke it and load it from the environment", onOriginal: true
        ).hinted(["gh", "xox", "sk-", "AIza"]),
        LineRule(
            "hardcoded-secret", .error, .security, nil,
            #"(?i)(?:api[_-]?key|apikey|secret|passwd|password|pwd|access[_-]?token|auth[_-]?token|token|credential|private[_-]?key)[\w\-]*["']?\s*(?::=|=|:)\s*[rbf]?["'](?![<{$%])[^"'\s]{6,}["']"#,
            "hard-coded credential; read it from the environment or a secret store", onOriginal: true
        ).hinted(["key", "secret", "passw", "pwd", "token", "credential"]),
    ]

    static let general: [LineRule] = [
        LineRule(
            "todo", .info, .maintainability, nil, #"\b(?:TODO|FIXME|XXX|HACK)\b"#, "unfinished work marker",
            onOriginal: true
        ).hinted(["TODO", "FIXME", "XXX", "HACK"]),
        LineRule(
            "long-line", .info, .readability, nil, #"^.{121,}$"#, "line longer than 120 characters", onOriginal: true),
    ]

    static let python: [LineRule] = [
        // Used only when python3 is missing; the AST driver covers these otherwise (duplicates are merged).
        LineRule(
            "bare-except", .warning, .correctness, [.python], #"^\s*except\s*:"#,
            "bare `except:` also catches KeyboardInterrupt and SystemExit; catch a specific exception"),
        LineRule(
            "eval-exec", .error, .security, [.python], #"(?:^|[^\w.])(?:eval|exec)\s*\("#,
            "`eval`/`exec` runs arbitrary code; use ast.literal_eval or explicit parsing"),
        LineRule(
            "compare-none", .warning, .correctness, [.python], #"[=!]=\s*None\b"#,
            "compare with None using `is` / `is not`"),
        LineRule(
            "mutable-default", .warning, .correctness, [.python],
            #"^\s*(?:async\s+)?def\s+\w+\(.*=\s*(?:\[|\{|list\(\)|dict\(\)|set\(\))"#,
            "mutable default argument is shared between calls; default to None"),
        LineRule(
            "shell-true", .error, .security, [.python], #"shell\s*=\s*True"#,
            "subprocess with shell=True invites shell injection; pass an argument list"),
        LineRule(
            "print-debugging", .info, .readability, [.python], #"^\s*print\("#,
            "`print` call; use the logging module for diagnostics"),
        LineRule(
            "open-without-with", .info, .correctness, [.python], #"^\s*\w+\s*=\s*open\("#,
            "file opened without `with`; it may not be closed on errors", suggestionOnly: true),
    ]

    static let javascript: [LineRule] = [
        LineRule(
            "eval-exec", .error, .security, jsLike, #"(?:^|[^\w.])eval\s*\(|new\s+Function\s*\("#,
            "`eval`/`new Function` runs arbitrary code"),
        LineRule(
            "loose-equality", .warning, .correctness, jsLike, #"[^=!<>]==[^=]|!=[^=]"#,
            "loose equality coerces types; use `===` / `!==`"),
        LineRule(
            "var-declaration", .info, .readability, jsLike, #"^\s*var\s"#,
            "`var` is function-scoped; use `const` or `let`"),
        LineRule(
            "print-debugging", .info, .readability, jsLike, #"console\.(?:log|debug)\("#,
            "console logging left in the code"),
        LineRule(
            "debugger-left", .warning, .correctness, jsLike, #"^\s*debugger\s*;?"#,
            "`debugger` statement left in the code"),
        LineRule(
            "inner-html", .error, .security, jsLike, #"\.(?:innerHTML|outerHTML)\s*=|document\.write\("#,
            "HTML injection risk; use textContent or a sanitiser"),
        LineRule(
            "any-type", .info, .maintainability, [.typescript], #":\s*any\b"#,
            "`any` disables type checking; use a precise type or `unknown`"),
        LineRule(
            "swallowed-exception", .warning, .correctness, jsLike, #"catch\s*(?:\([^)]*\))?\s*\{\s*\}"#,
            "the exception is caught and silently ignored"),
    ]

    static let swift: [LineRule] = [
        LineRule(
            "force-try", .warning, .correctness, [.swift], #"\btry!"#, "`try!` crashes on error; handle or propagate it"
        ),
        LineRule("force-cast", .warning, .correctness, [.swift], #"\bas!"#, "`as!` crashes on a mismatch; use `as?`"),
        LineRule(
            "force-unwrap", .info, .correctness, [.swift], #"[\w)\]]!(?:[.)\],;]|\s*$)"#,
            "force unwrap crashes on nil; use `guard let` or `??`"),
        LineRule(
            "print-debugging", .info, .readability, [.swift], #"^\s*(?:print|debugPrint|dump)\("#,
            "`print` left in the code; use swift-log"),
        LineRule(
            "swallowed-exception", .warning, .correctness, [.swift], #"catch\s*\{\s*\}"#,
            "the error is caught and silently ignored"),
        LineRule(
            "count-for-empty", .info, .performance, [.swift], #"\.count\s*(?:==\s*0|>\s*0|!=\s*0)"#,
            "use `isEmpty`; `count` can be O(n) on collections", suggestionOnly: true),
    ]

    static let go: [LineRule] = [
        LineRule(
            "ignored-error", .warning, .correctness, [.go], #",\s*_\s*:?=\s*[\w.]+\("#,
            "an error result is discarded; handle it"),
        LineRule(
            "print-debugging", .info, .readability, [.go], #"\bfmt\.Print(?:ln|f)?\("#,
            "fmt.Print left in the code; use the log or slog package"),
        LineRule("panic", .info, .correctness, [.go], #"\bpanic\("#, "panic in library code; return an error instead"),
    ]

    static let rust: [LineRule] = [
        LineRule(
            "unwrap", .info, .correctness, [.rust], #"\.unwrap\(\)|\.expect\("#,
            "`unwrap`/`expect` panics on error; propagate with `?`"),
        LineRule(
            "unsafe-block", .warning, .security, [.rust], #"\bunsafe\s*\{"#,
            "`unsafe` block; document the invariant that makes it sound"),
        LineRule(
            "print-debugging", .info, .readability, [.rust], #"\b(?:dbg|println|eprintln)!\("#,
            "debug printing left in the code; use the log or tracing crate"),
        LineRule(
            "todo-macro", .warning, .correctness, [.rust], #"\b(?:todo|unimplemented)!\("#,
            "`todo!`/`unimplemented!` panics at run time"),
    ]

    static let java: [LineRule] = [
        LineRule(
            "print-debugging", .info, .readability, [.java], #"System\.(?:out|err)\.print"#,
            "System.out printing; use a logger"),
        LineRule(
            "print-stack-trace", .info, .maintainability, [.java], #"\.printStackTrace\(\)"#,
            "printStackTrace loses the error; log or rethrow it"),
        LineRule(
            "swallowed-exception", .warning, .correctness, [.java], #"catch\s*\([^)]*\)\s*\{\s*\}"#,
            "the exception is caught and silently ignored"),
        LineRule(
            "string-compare-eq", .warning, .correctness, [.java], #""\s*[!=]=|[!=]=\s*""#,
            "strings compared with ==; use equals()"),
        LineRule(
            "sql-injection", .error, .security, [.java], #"execute(?:Query|Update)?\(\s*"[^"]*"\s*\+"#,
            "SQL built by concatenation; use a PreparedStatement"),
        LineRule(
            "weak-hash", .warning, .security, [.java], #"MessageDigest\.getInstance\(\s*"(?:MD5|SHA-?1)""#,
            "MD5/SHA-1 are not collision resistant", onOriginal: true),
    ]

    static let c: [LineRule] = [
        LineRule(
            "unsafe-function", .error, .security, cLike, #"\b(?:gets|strcpy|strcat|sprintf|vsprintf)\s*\("#,
            "unbounded string function; use the bounded variant (fgets, strncpy/strlcpy, snprintf)"),
        LineRule(
            "system-call", .warning, .security, cLike, #"\bsystem\s*\("#, "`system()` runs a shell; injection risk"),
        LineRule(
            "using-namespace-std", .info, .readability, [.cpp], #"^\s*using\s+namespace\s+std\s*;"#,
            "`using namespace std` pollutes the global namespace"),
        LineRule(
            "raw-new", .info, .maintainability, [.cpp], #"=\s*new\s+\w"#,
            "raw `new`; prefer std::make_unique / std::make_shared"),
        LineRule("goto", .info, .readability, cLike, #"\bgoto\s+\w"#, "`goto` makes control flow hard to follow"),
    ]

    static let loops: [LineRule] = [
        LineRule(
            "string-concat-in-loop", .info, .performance, [.javascript, .typescript, .java, .go, .python, .swift],
            #"\w\s*\+=\s*["'`]"#,
            "string built with += in a loop; use a builder / join", insideLoop: true, suggestionOnly: true),
        LineRule(
            "regex-compile-in-loop", .info, .performance, nil,
            #"re\.compile\(|new\s+RegExp\(|Pattern\.compile\(|regexp\.(?:Must)?Compile\(|Regex::new\(|try\s+Regex\(|NSRegularExpression\("#,
            "regular expression compiled inside a loop; compile it once outside", insideLoop: true, suggestionOnly: true
        ).hinted(["compile", "RegExp", "Regex"]),
        LineRule(
            "await-in-loop", .info, .performance, [.javascript, .typescript, .python], #"\bawait\b"#,
            "awaiting inside a loop serialises independent work; gather the promises/tasks", insideLoop: true,
            suggestionOnly: true
        ).hinted(["await"]),
        LineRule(
            "query-in-loop", .info, .performance, nil,
            #"\.(?:execute|query|findOne|get)\(\s*["'`]?\s*(?:SELECT|select)"#,
            "database query inside a loop (N+1); batch it", onOriginal: true, insideLoop: true, suggestionOnly: true
        ).hinted(["select"]),
        LineRule(
            "strlen-in-condition", .info, .performance, cLike, #"for\s*\([^;]*;[^;]*strlen\("#,
            "strlen in a loop condition is O(n) per iteration; compute it once", suggestionOnly: true),
    ]
}
