import AgentCore
import SparkJSON

/// Formats a finished run for the model.
enum ExecutionReport {
    /// `exit code: N`, then the non-empty streams, then notes about timeouts and cut output.
    static func text(for outcome: ProcessOutcome, timeout: Duration, header: String? = nil) -> String {
        var lines: [String] = []
        if let header { lines.append(header) }
        if outcome.timedOut {
            lines.append("timed out after \(timeout.execWholeSeconds) s: the process group was terminated")
        } else if outcome.cancelled {
            lines.append("cancelled: the process group was terminated")
        }
        lines.append("exit: \(outcome.termination)")
        let output = outcome.standardOutput.text
        let errors = outcome.standardError.text
        if !output.isEmpty { lines.append("--- stdout ---\n" + output.execDroppingFinalNewline) }
        if !errors.isEmpty { lines.append("--- stderr ---\n" + errors.execDroppingFinalNewline) }
        if output.isEmpty && errors.isEmpty { lines.append("(no output)") }
        return lines.joined(separator: "\n")
    }

    /// The structured value of a run.
    static func value(for outcome: ProcessOutcome, phase: String) -> JSONValue {
        var exitCode: JSONValue = .null
        var signal: JSONValue = .null
        switch outcome.termination {
        case .exited(let code): exitCode = .int(Int(code))
        case .signaled(let number): signal = .int(Int(number))
        }
        return [
            "phase": .string(phase), "exitCode": exitCode, "signal": signal, "timedOut": .bool(outcome.timedOut),
            "stdout": .string(outcome.standardOutput.text), "stderr": .string(outcome.standardError.text),
            "stdoutOmittedBytes": .int(outcome.standardOutput.omittedBytes),
            "stderrOmittedBytes": .int(outcome.standardError.omittedBytes),
        ]
    }
}
