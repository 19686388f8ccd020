import AgentCore

/// The Python program behind the Python analysis: `python3 -I -c <source> <file>` prints one JSON
/// object with `syntax_error`, `findings`, `functions`, `classes` and `imports` (see `PythonDriverReport`).
///
/// `ast` is the source of truth for Python: names, scopes and line ranges come from the real parser.
enum PythonASTDriver {
    /// The program's text, from `Resources/Python/python_ast_driver.py`.
    static let source = String(decoding: PackageResources.python_ast_driver_py, as: UTF8.self)
}
