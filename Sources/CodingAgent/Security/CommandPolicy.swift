import AgentCore

/// What the command validator allows: the programs, network tools, where commands may write.
public struct CommandPolicy: Hashable, Sendable {
    /// Programs that may run, by name (a path is allowed only for these names in `/bin`, `/usr/bin`,
    /// `/usr/local/bin`).
    public var allowedPrograms: Set<String>
    /// Whether network tools (`curl`, `wget`, `ssh`, ...) may run; even then, downloads piped into a
    /// shell are refused.
    public var allowNetwork: Bool
    /// Absolute directories besides the workspace that commands may write in (not the directory itself).
    public var extraWritableRoots: [String]
    /// How deeply `$(...)`, `bash -c` and `find -exec` may nest.
    public var maximumNesting: Int
    /// Whether `bash FILE` validates the script's contents from disk (refusing scripts that do not
    /// exist yet). The tools turn this off when the sandbox confines what scripts can do.
    public var checkScriptContents: Bool

    public init(
        allowedPrograms: Set<String> = CommandPolicy.defaultPrograms,
        allowNetwork: Bool = false,
        extraWritableRoots: [String] = ["/tmp"],
        maximumNesting: Int = 8,
        checkScriptContents: Bool = true
    ) {
        self.allowedPrograms = allowedPrograms
        self.allowNetwork = allowNetwork
        self.extraWritableRoots = extraWritableRoots
        self.maximumNesting = maximumNesting
        self.checkScriptContents = checkScriptContents
    }

    /// A sensible allowlist for development work.
    public static let defaultPrograms: Set<String> = [
        // Files and text
        "ls", "cat", "head", "tail", "wc", "grep", "egrep", "fgrep", "rg", "find", "sort", "uniq", "diff", "cmp",
        "comm", "cut", "paste", "tr", "sed", "awk", "gawk", "nl", "tac", "rev", "fold", "column", "join", "expand",
        "unexpand", "fmt", "od", "xxd", "hexdump", "strings", "file", "stat", "du", "df", "tree", "less", "more",
        "mkdir", "touch", "cp", "mv", "rm", "rmdir", "ln", "chmod", "tee", "realpath", "readlink", "basename",
        "dirname", "md5sum", "sha1sum", "sha256sum", "base64", "tar", "gzip", "gunzip", "zcat", "zip", "unzip",
        "jq", "xargs", "patch",
        // Shell builtins and small utilities
        "echo", "printf", "pwd", "cd", "true", "false", "test", "[", "which", "type", "command", "export", "unset",
        "set", "shift", "exit", "return", "read", "env", "printenv", "date", "seq", "sleep", "yes", "time",
        "timeout", "nice", "exec", "id", "whoami", "uname", "hostname", "nproc", "wait", "local",
        // Shells (their -c arguments are validated in turn)
        "bash", "sh",
        // Languages and build tools
        "git", "python", "python3", "pip", "pip3", "pytest", "node", "npm", "tsc", "swift", "swiftc", "cargo",
        "rustc", "go", "gofmt", "make", "cmake", "gcc", "g++", "cc", "c++", "clang", "clang++", "java", "javac",
        "ruff", "black", "mypy", "eslint", "prettier",
    ]

    /// Programs that reach the network.
    public static let networkPrograms: Set<String> = [
        "curl", "wget", "nc", "ncat", "netcat", "ssh", "scp", "sftp", "rsync", "ftp", "telnet", "socat", "nmap",
        "ping", "dig", "nslookup", "host", "aria2c", "http", "fetch",
    ]
}
