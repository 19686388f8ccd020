import AgentCore

/// One way to check a language: a program and how to call it on a file in a scratch directory.
struct CheckerCommand: Sendable {
    let executable: String
    let label: String
    let arguments: @Sendable (_ file: String, _ directory: String) -> [String]

    /// The rule id for its errors: parsers report `syntax-error`, compilers `compile-error`.
    var errorRule: String {
        ["swiftc", "node"].contains(executable) ? "syntax-error" : "compile-error"
    }

    /// The checkers to try for a language, best first.
    static func candidates(for language: SourceLanguage) -> [CheckerCommand] {
        switch language {
        case .python:
            return []  // the AST driver checks Python
        case .swift:
            return [CheckerCommand(executable: "swiftc", label: "swiftc -parse") { file, _ in ["-parse", file] }]
        case .c:
            return [
                CheckerCommand(executable: "clang", label: "clang -fsyntax-only") { file, _ in
                    ["-fsyntax-only", "-Wall", "-Wextra", "-x", "c", "-std=c17", "-fno-color-diagnostics", file]
                },
                CheckerCommand(executable: "gcc", label: "gcc -fsyntax-only") { file, _ in
                    ["-fsyntax-only", "-Wall", "-Wextra", "-x", "c", "-std=c17", file]
                },
            ]
        case .cpp:
            return [
                CheckerCommand(executable: "clang++", label: "clang++ -fsyntax-only") { file, _ in
                    ["-fsyntax-only", "-Wall", "-Wextra", "-x", "c++", "-std=c++20", "-fno-color-diagnostics", file]
                },
                CheckerCommand(executable: "g++", label: "g++ -fsyntax-only") { file, _ in
                    ["-fsyntax-only", "-Wall", "-Wextra", "-x", "c++", "-std=c++20", file]
                },
            ]
        case .javascript:
            return [CheckerCommand(executable: "node", label: "node --check") { file, _ in ["--check", file] }]
        case .typescript:
            return [
                CheckerCommand(executable: "tsc", label: "tsc --noEmit") { file, _ in
                    ["--noEmit", "--pretty", "false", "--strict", "--target", "es2022", "--skipLibCheck", file]
                }
            ]
        case .go:
            return [
                CheckerCommand(executable: "go", label: "go vet") { _, directory in ["-C", directory, "vet", "./..."] }
            ]
        case .rust:
            return [
                CheckerCommand(executable: "rustc", label: "rustc --emit=metadata") { file, directory in
                    [
                        "--edition", "2021", "--crate-type", "lib", "--emit=metadata", "--error-format=short", "-o",
                        directory + "/out.rmeta", file,
                    ]
                }
            ]
        case .java:
            return [
                CheckerCommand(executable: "javac", label: "javac -Xlint:all") { file, directory in
                    ["-d", directory + "/classes", "-Xlint:all", "-proc:none", file]
                }
            ]
        }
    }
}
