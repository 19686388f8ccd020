import AgentCore

/// The Python program behind `python_repl`: it reads length-prefixed JSON requests on fd 3, runs the
/// code in one persistent namespace, and answers on fd 4. The last expression's `repr` is the value,
/// like the interactive prompt. Printed output goes to fds 1 and 2 (a file the tool reads). Fd 5 is a
/// lifeline: when the tool's process dies, a watcher thread sees EOF there and exits, even mid-loop.
///
/// SIGINT is blocked except while user code runs, and a SIGINT that arrived while idle is discarded
/// before the next run. The driver acknowledges each request with a `started` frame once SIGINT is
/// live, and the tool only interrupts after that, so an interrupt lands in the statement it was meant for.
enum PythonREPLDriver {
    /// The program's text, from `Resources/Python/python_repl_driver.py`.
    static let source = String(decoding: PackageResources.python_repl_driver_py, as: UTF8.self)
}
