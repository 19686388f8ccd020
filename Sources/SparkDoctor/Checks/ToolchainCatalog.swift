/// The programs the coding agent's tools look for on `PATH`, per language: each entry lists alternatives, and
/// an alternative is every program it needs (Java needs `javac` and `java`).
///
/// A copy of what `RunPlan.make` (execute_code) and `CheckerCommand.candidates` (the analysis tools' checkers)
/// look for, which are internal to CodingAgent; `ToolchainCatalogTests` compares them, so the copy cannot drift.
enum ToolchainCatalog {
    typealias Entry = (language: String, alternatives: [[String]])

    /// What `execute_code` runs each language with.
    static let executeCode: [Entry] = [
        ("python", [["python3"], ["python"]]),
        ("javascript", [["node"]]),
        ("typescript", [["deno"], ["bun"], ["tsx"], ["ts-node"], ["tsc", "node"]]),
        ("go", [["go"]]),
        ("rust", [["rustc"]]),
        ("java", [["javac", "java"]]),
        ("c", [["gcc"], ["clang"], ["cc"]]),
        ("cpp", [["g++"], ["clang++"], ["c++"]]),
        ("bash", [["bash"]]),
    ]

    /// What the analysis tools check each language's syntax with (Python: the AST driver on `python3`).
    static let analysis: [Entry] = [
        ("python", [["python3"]]),
        ("swift", [["swiftc"]]),
        ("c", [["clang"], ["gcc"]]),
        ("cpp", [["clang++"], ["g++"]]),
        ("javascript", [["node"]]),
        ("typescript", [["tsc"]]),
        ("go", [["go"]]),
        ("rust", [["rustc"]]),
        ("java", [["javac"]]),
    ]
}
