import AgentCore

/// A common programming task the pattern catalogue covers.
public enum PatternTopic: String, CaseIterable, Sendable, Codable {
    case fileIO = "file I/O"
    case http = "HTTP"
    case json = "JSON"
    case errorHandling = "error handling"
    case concurrency
    case testing
    case cliArguments = "command-line arguments"
    case logging
    case regex = "regular expressions"
    case dates = "dates and times"
    case subprocess = "subprocesses"

    /// Words a query may use for this topic.
    var keywords: Set<String> {
        switch self {
        case .fileIO:
            [
                "file", "files", "read", "write", "io", "open", "path", "disk", "save", "load", "directory", "lines",
                "text", "csv",
            ]
        case .http:
            [
                "http", "https", "request", "requests", "fetch", "api", "rest", "client", "get", "post", "url",
                "download", "web", "endpoint",
            ]
        case .json:
            [
                "json", "parse", "parsing", "serialize", "serialise", "deserialize", "encode", "decode", "marshal",
                "unmarshal", "codable", "serde",
            ]
        case .errorHandling:
            [
                "error", "errors", "exception", "exceptions", "handling", "handle", "try", "catch", "raise", "throw",
                "result", "retry", "failure",
            ]
        case .concurrency:
            [
                "concurrency", "concurrent", "async", "await", "thread", "threads", "parallel", "goroutine",
                "goroutines", "task", "tasks", "future", "promise", "lock", "mutex", "channel", "actor",
            ]
        case .testing:
            ["test", "tests", "testing", "unit", "assert", "mock", "fixture", "pytest", "jest", "junit", "xctest"]
        case .cliArguments:
            [
                "cli", "command", "line", "argument", "arguments", "args", "argv", "flag", "flags", "option", "options",
                "argparse",
            ]
        case .logging: ["log", "logs", "logging", "logger", "debug", "trace", "diagnostics"]
        case .regex:
            ["regex", "regexp", "regular", "expression", "expressions", "match", "pattern", "replace", "search"]
        case .dates:
            [
                "date", "dates", "time", "times", "datetime", "timestamp", "timezone", "duration", "clock", "format",
                "iso8601",
            ]
        case .subprocess: ["subprocess", "process", "processes", "spawn", "exec", "shell", "run", "execute", "child"]
        }
    }
}
