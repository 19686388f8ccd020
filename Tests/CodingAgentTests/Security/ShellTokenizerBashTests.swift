import AgentCore
import Glibc
import SparkTestSupport
import Testing

@testable import CodingAgent

/// The tokenizer against bash itself on tricky inputs, and random input against the validator.
@Suite struct ShellTokenizerBashTests {
    /// Harmless inputs (only `echo`, `cat` and assignments) that tokenizers get wrong.
    static let corpus = [
        "echo a\\\r\necho b",
        "echo a\r\necho b",
        "echo 'x'\u{301} $(echo hi) '\u{301}'",
        "echo \"\u{301}$(echo hi)\"",
        "x='$(echo hi)'; echo ${x@P}",
        "echo $(( $(echo 1) + 2 ))",
        "echo $(( 1 + $(echo $((2)) ) ))",
        "echo \"${x:-'$(echo hi)'}\"",
        "echo \"$(echo \"$(echo hi)\")\"",
        "cat <<E\n$(echo hi)\nE",
        "echo ${x:-$(echo hi)}",
        "echo `echo hi`",
        "echo $'\\x24(echo hi)'",
        "echo '$(echo hi)'",
        "echo \"\\$(echo hi)\"",
        "echo a\\\necho b",
        "echo $((1))$((2))",
    ]

    /// What bash runs for `input`: the top-level commands and those inside substitutions, from `set -x`.
    static func bashTrace(_ input: String) async throws -> (topLevel: Int, nested: Int) {
        var template = Array("/tmp/spark-bash-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        close(descriptor)
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let process = try ChildProcess(
            executable: "/bin/bash", arguments: ["-c", "exec >/dev/null\nset -x\n" + input],
            stderrPath: path)
        close(process.stdinFD)
        close(process.stdoutFD)
        _ = await process.waitForExit()
        let trace = TestWorkspaceReader.read(path)
        let lines = trace.split(separator: "\n")
        return (
            lines.filter { $0.hasPrefix("+") && !$0.hasPrefix("++") }.count, lines.filter { $0.hasPrefix("++") }.count
        )
    }

    /// The simple commands our parser finds, at the top level and inside substitutions.
    static func ourCommands(_ input: String) throws -> (topLevel: Int, nested: Int) {
        let commands = try ShellParser.parse(input).flatMap { $0.stages.joined() }
        let run = commands.filter { !$0.words.isEmpty || !$0.assignments.isEmpty }
        var nested = 0
        var pending = commands.flatMap(\.substitutions)
        while let source = pending.popLast() {
            let inner = (try? ShellParser.parse(source))?.flatMap { $0.stages.joined() } ?? []
            nested += max(inner.count, 1)
            pending += inner.flatMap(\.substitutions)
        }
        return (run.count, nested)
    }

    @Test(arguments: corpus)
    func theValidatorSeesWhatBashRuns(_ input: String) async throws {
        let bash = try await Self.bashTrace(input)
        let verdict = CommandValidator(workspaceRoot: "/tmp").validate(input)
        if case .refused = verdict { return }
        let ours = try Self.ourCommands(input)
        #expect(ours.topLevel == bash.topLevel, "\(input.debugDescription): bash ran \(bash), we found \(ours)")
        if bash.nested > 0 {
            #expect(ours.nested > 0, "\(input.debugDescription): bash ran a substitution the validator missed")
        }
    }

    @Test func promptExpansionIsRefused() {
        let verdict = CommandValidator(workspaceRoot: "/tmp").validate("x='$(echo hi)'; echo ${x@P}")
        guard case .refused(let reason) = verdict else {
            Issue.record("allowed")
            return
        }
        #expect(reason.contains("@P"))
    }

    @Test func randomCommandsNeverCrashAndScaleLinearly() {
        let alphabet: [String] = [
            "$(", ")", "${", "}", "`", "'", "\"", "\\", "|", "&", ";", "<", ">", "(", "{", " ", "\n", "\r", "\t",
            "echo", "ls", "rm -rf /", "$((", "))", "<<E\n", "\nE\n", "\u{301}", "#", "*", "~", "=", "x", "@P",
        ]
        var random = SplitMix64(seed: 0x5EED)
        func command(_ parts: Int) -> String {
            (0..<parts).map { _ in alphabet[random.next(below: alphabet.count)] }.joined()
        }
        let validator = CommandValidator(workspaceRoot: "/tmp")
        for _ in 0..<3000 {
            let text = command(1 + random.next(below: 60))
            _ = validator.validate(text)
            _ = try? ShellTokenizer.tokenize(text)
        }
        // The thread's own CPU time, the least of three runs: other tests and processes on a loaded machine (CI runs
        // the suites in parallel on two cores) neither preempt nor slow it into a false alarm.
        func cpuSeconds(_ body: () -> Void) -> Double {
            var best = Double.infinity
            for _ in 0..<3 {
                var start = timespec()
                var end = timespec()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
                body()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
                best = min(best, Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
            }
            return best
        }
        var times: [Double] = []
        for parts in [4000, 16000] {
            let texts = (0..<5).map { _ in command(parts) }
            times.append(cpuSeconds { for text in texts { _ = validator.validate(text) } })
        }
        // Four times the input: linear is about 4x, quadratic 16x.
        #expect(times[1] < times[0] * 8 + 0.05, "\(times)")
    }
}

/// Reads a whole small file.
enum TestWorkspaceReader {
    static func read(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
