import SparkDoctor
import SparkLSP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a person sees who starts the server by hand (`make run`, or `spark-lsp` typed in a terminal): what it
/// is, how an editor starts it, and the doctor's one-line summary. All on stderr; stdout stays the protocol's.
///
/// Only when stdin is a terminal: editors start the server on pipes and never pay for any of it.
enum TerminalGuide {
    /// How long each of the summary's network probes may take (the full doctor waits longer).
    static let probeTimeout: Duration = .milliseconds(1500)

    /// Prints the guide and starts the doctor in the background when stdin is a terminal; the task prints the
    /// summary when the checks are done. `nil` (and nothing printed) otherwise.
    static func startIfInteractive(configFile: String?) -> Task<Void, Never>? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        StandardStream.error(text)
        return Task.detached {
            let report = await DoctorCommand.examine(configFile: configFile, timeout: probeTimeout)
            StandardStream.error("spark-lsp: \(report.summary) (details: spark-lsp doctor)\n")
        }
    }

    static let text = """
        spark-lsp \(sparkLSPVersion): a language server. It speaks the Language Server Protocol on stdin and stdout,
        so an editor starts it, not a person:
          VS Code   the Spark extension (editors/vscode-config/README.md)
          Neovim    require('spark').setup({}) (editors/neovim/README.md)
          other     any LSP client, with the command `spark-lsp --stdio`
        From a terminal: `spark-lsp chat "a question"` asks the agents, `spark-lsp doctor` checks the setup.
        Serving LSP on this terminal now; Ctrl-D ends it. Checking the setup...

        """
}
