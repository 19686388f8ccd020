import Foundation
import SparkJSON

@testable import CodingAgent

/// Replays the `shell` fuzz corpus through `shfmt --to-json -ln bash` and our parser, and compares what
/// `ShellStructure` describes on the inputs both parse. Also: every input the validator allows must parse in
/// shfmt (a command bash cannot parse must never be allowed), and the in-process invariants hold.
///
/// A divergence (exit status 1): a different structure on an input both parse, or an input the validator
/// allows that shfmt and `bash -n` both refuse. Text only we parse is counted and shown, not failed: shfmt is
/// stricter than bash in places (it reads `name[` at the start of a command as an array subscript, for one), and the validator
/// refuses most of it anyway; where shfmt refuses what bash refuses too, our parser was made to refuse it.
///
/// Skipped: inputs that are not UTF-8 or hold a NUL byte (shfmt reads bytes, we read text); inputs with a
/// carriage return, which bash (and our tokenizer, tested against `bash -x`) reads as a word character and
/// shfmt as a blank; and inputs with a `#` and a backslash-newline, since shfmt continues a comment's line
/// at a trailing backslash where bash (and we) end the comment at the newline (`echo a #x \` then `echo b`
/// is two commands to bash, one to shfmt); and inputs with a `#` right after a `)`, `}` or backquote, which
/// shfmt 3.6 reads as the start of a comment where bash (and we) go on with the word (`echo $(true)#c` prints
/// `#c` in bash; shfmt drops it, and with `tee >(cat)#<(ls)` it drops a process substitution).
///
/// Usage: `shell-differential [--limit N] DIRECTORY_OR_FILE...`.
@main
struct ShellDifferential {
    static func main() throws {
        let files = CorpusFiles.named(by: CommandLine.arguments.dropFirst())
        let reader = ShfmtReader(operators: try learnOperators())
        var counts: [String: Int] = [:]
        var divergences = 0
        func report(_ kind: String, _ text: String, _ detail: String) {
            divergences += 1
            if divergences <= 15 { print("DIVERGENCE (\(kind)) for \(text.debugDescription):\n  \(detail)") }
        }
        var seen: Set<String> = []
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let commentThenContinuation = text(bytes).contains("#") && text(bytes).contains("\\\n")
            let hashAfterClosing = [")#", "}#", "`#"].contains { text(bytes).contains($0) }
            guard !bytes.contains(0), !bytes.contains(UInt8(ascii: "\r")), !commentThenContinuation, !hashAfterClosing,
                let text = String(validating: bytes, as: UTF8.self), seen.insert(text).inserted
            else {
                counts["skipped", default: 0] += 1
                continue
            }
            ShellInvariants.check(text)
            let ours = ShellStructure(ours: text)
            let allowed = ShellInvariants.validator.validate(text).isAllowed
            let tree = try shfmt(text)
            switch (ours, tree) {
            case (nil, nil):
                counts["both refuse", default: 0] += 1
            case (nil, _?):
                counts["only we refuse", default: 0] += 1
            case (_?, nil):
                counts["only shfmt refuses", default: 0] += 1
                let bashRefuses = allowed ? !(try bashParses(text)) : false
                if bashRefuses {
                    report("allowed, bash and shfmt refuse", text, "")
                } else if counts["only shfmt refuses"]! <= 5 {
                    let verdict = allowed ? "allow what bash parses and" : "parse (and refuse to run) what"
                    print("note: we \(verdict) shfmt refuses: \(text.debugDescription)")
                }
            case (let ours?, let tree?):
                do {
                    let theirs = try reader.structure(ofStatements: tree["Stmts"]?.arrayValue ?? [])
                    counts["both parse", default: 0] += 1
                    if ours != theirs { report("structure", text, "ours:  \(ours)\n  shfmt: \(theirs)") }
                } catch let unsupported as ShfmtReader.Unsupported {
                    counts["both parse, not compared (\(unsupported.what))", default: 0] += 1
                }
            }
        }
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("shell-differential: \(seen.count) inputs (\(summary)); \(divergences) divergences from shfmt")
        exit(divergences == 0 ? 0 : 1)
    }

    /// Whether `bash -n` parses `text`: the arbiter when the validator allows what shfmt refuses (shfmt is stricter
    /// than bash in places: `${export X=2; a }` is a bad substitution at run time to bash, a parse error to shfmt).
    static func bashParses(_ text: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-n"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// shfmt's syntax tree of `text`, `nil` when shfmt refuses it.
    static func shfmt(_ text: String) throws -> JSONValue? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["shfmt", "--to-json", "-ln", "bash"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try JSONValue(parsing: String(decoding: json, as: UTF8.self))
    }

    /// The numbers this shfmt gives each operator, read from its tree of a script using each once.
    static func learnOperators() throws -> [Int: String] {
        let binary = ["&&", "||", "|", "|&"]
        let redirections = [">", ">>", "<", "<>", "<&", ">&", ">|", "<<", "<<-", "<<<", "&>", "&>>"]
        var script = binary.map { "a \($0) b\n" }.joined()
        for op in redirections { script += op.hasPrefix("<<") && op != "<<<" ? "a \(op) E\nE\n" : "a \(op) f\n" }
        guard let statements = try shfmt(script)?["Stmts"]?.arrayValue,
            statements.count == binary.count + redirections.count
        else { throw DriverError("cannot read shfmt's operators (is shfmt installed?)") }
        var operators: [Int: String] = [:]
        for (index, op) in binary.enumerated() {
            operators[statements[index]["Cmd"]!["Op"]!.intValue!] = op
        }
        for (index, op) in redirections.enumerated() {
            operators[statements[binary.count + index]["Redirs"]!.arrayValue![0]["Op"]!.intValue!] = op
        }
        return operators
    }
}

/// The bytes as text for a quick look (invalid UTF-8 repaired; such inputs are skipped anyway).
private func text(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

struct DriverError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
