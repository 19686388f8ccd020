@testable import CodingAgent

/// What the shell differential compares: the list of pipelines, each a list of stages, each the simple
/// commands inside it in source order (subshells, groups, `if`, `while`, `for` and `[[ ]]` flattened, as our
/// validator sees them), and of each command:
/// - its kind: `simple` (a program or assignments), `inert` (a `for` word list or a `[[ ]]` test, whose
///   words are expanded but not run; their words are not compared) or `redirections` (the redirections
///   after a compound command);
/// - its words: the text after quote removal when the word is static, or "dynamic" when an expansion or
///   substitution makes it known only at run time;
/// - the names of its `NAME=value` prefixes;
/// - its redirection operators with their descriptor (`2>`, `>>`, `<<`, ...), not their targets;
/// - its command and process substitutions, each compared the same way, recursively.
/// Not compared: `!` and `&` (the validator checks the command either way), the inside of `[[ ]]`, `for`
/// lists, and here-document bodies apart from their substitutions.
struct ShellStructure: Equatable, CustomStringConvertible {
    enum Word: Equatable, CustomStringConvertible {
        case literal(String)
        case dynamic

        var description: String {
            switch self {
            case .literal(let text): text.debugDescription
            case .dynamic: "<dynamic>"
            }
        }
    }

    struct Command: Equatable, CustomStringConvertible {
        var words: [Word] = []
        var assignments: [String] = []
        var redirections: [String] = []
        var isInert = false
        /// The substitutions' structures; `nil` for one we refuse to parse (our validator then refuses the
        /// command, so there is nothing to compare).
        var substitutions: [ShellStructure?] = []

        var kind: String {
            if !words.isEmpty || !assignments.isEmpty { return "simple" }
            if isInert || redirections.isEmpty { return "inert" }
            return "redirections"
        }

        static func == (lhs: Command, rhs: Command) -> Bool {
            guard lhs.kind == rhs.kind, lhs.redirections == rhs.redirections,
                lhs.substitutions.count == rhs.substitutions.count
            else { return false }
            if lhs.kind == "simple", lhs.words != rhs.words || lhs.assignments != rhs.assignments { return false }
            return zip(lhs.substitutions, rhs.substitutions).allSatisfy { pair in
                guard let ours = pair.0, let theirs = pair.1 else { return true }
                return ours == theirs
            }
        }

        var description: String {
            var parts = [kind]
            if !assignments.isEmpty { parts.append("assign \(assignments)") }
            if kind == "simple" { parts.append("\(words)") }
            if !redirections.isEmpty { parts.append("redirect \(redirections)") }
            for substitution in substitutions {
                parts.append("$(\(substitution.map(\.description) ?? "refused"))")
            }
            return parts.joined(separator: " ")
        }
    }

    /// Pipelines, of stages, of commands.
    var pipelines: [[[Command]]]

    var description: String {
        pipelines.map { $0.map { "{\($0.map(\.description).joined(separator: "; "))}" }.joined(separator: " | ") }
            .joined(separator: " ;; ")
    }

    /// Our parser's structure of `text`, `nil` when it refuses the text.
    init?(ours text: String) {
        guard let parsed = try? ShellParser.parse(text) else { return nil }
        pipelines = parsed.map { pipeline in
            pipeline.stages.map { stage in
                stage.map { command in
                    Command(
                        words: command.words.map { $0.hasExpansion ? .dynamic : .literal($0.literal) },
                        assignments: command.assignments.map { String($0.raw.prefix { $0 != "=" && $0 != "+" }) },
                        redirections: command.redirections.map { ($0.descriptor ?? "") + $0.op },
                        isInert: command.words.isEmpty && command.assignments.isEmpty && command.redirections.isEmpty,
                        substitutions: command.substitutions.map { ShellStructure(ours: $0) })
                }
            }
        }
    }

    init(pipelines: [[[Command]]]) {
        self.pipelines = pipelines
    }
}
