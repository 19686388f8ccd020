import AgentCore
import SparkJSON
import Testing

extension CodingAgentRun.Outcome {
    /// The tools whose `path` argument names a workspace path (the memory tool's paths are its own).
    static let workspacePathTools: Set<String> = ["file_read", "file_write", "grep"]
    /// The tools that run programs.
    static let processTools: Set<String> = ["execute_code", "python_repl", "bash"]

    /// Records a test issue for every broken promise of a run: it ended cleanly (an answer, or the
    /// turn limit a forced agent reaches); every call got exactly one tool message and one result;
    /// `forcedTool` (when given) was the coding agent's only tool; arguments were schema-valid;
    /// failures of tools that run no program read `error: ...` or `refused: ...`, confinement messages and paths that leave the
    /// workspace are refusals; every edit stayed in the workspace; nothing outside it changed.
    func verify(forcedTool: String?, sourceLocation: SourceLocation = #_sourceLocation) {
        let label = "\(forcedTool ?? "required") sandbox=\(sandboxMode.isConfined)"
        if let failure {
            #expect(
                (failure as? EngineError)?.code == .turnLimitExceeded, "\(label): \(failure)",
                sourceLocation: sourceLocation)
        }
        let calls = messages.flatMap { $0.role == .assistant ? $0.toolCalls ?? [] : [] }
        let answers = messages.filter { $0.role == .tool }.compactMap(\.toolCallID)
        #expect(!calls.isEmpty, "\(label): the forced agent called no tool", sourceLocation: sourceLocation)
        #expect(
            answers.sorted() == calls.map(\.id).sorted(), "\(label): one tool message per call",
            sourceLocation: sourceLocation)
        #expect(
            results.map(\.call.id).sorted() == calls.map(\.id).sorted(), "\(label): one result per call",
            sourceLocation: sourceLocation)

        for (agent, call, result) in results {
            let name = call.function.name
            let shown = "\(label): \(name) \(call.function.arguments.prefix(300)) -> \(result.content.prefix(300))"
            if let forcedTool, agent == "coding" {
                #expect(name == forcedTool, "\(shown)", sourceLocation: sourceLocation)
            }
            if let tool = tools[name] {
                let arguments = try? JSONValue(parsing: call.function.arguments)
                #expect(arguments?.objectValue != nil, "\(shown)", sourceLocation: sourceLocation)
                if let arguments {
                    let violations = SchemaValidator.violations(of: arguments, against: tool.parametersSchema)
                    #expect(violations.isEmpty, "\(shown): \(violations)", sourceLocation: sourceLocation)
                }
                if Self.workspacePathTools.contains(name), let path = arguments?["path"]?.stringValue,
                    Self.leavesWorkspace(path, workspace: workspace)
                {
                    #expect(result.content.hasPrefix("refused: "), "\(shown)", sourceLocation: sourceLocation)
                }
            } else {
                #expect(name.hasPrefix("transfer_to_"), "\(shown)", sourceLocation: sourceLocation)
            }
            // A failed program (a Python traceback, a timed-out process) is reported as the program's
            // output; every other failure says what went wrong.
            if result.isError, !Self.processTools.contains(name) {
                let prefixes = ["error: ", "refused: "]
                #expect(prefixes.contains { result.content.hasPrefix($0) }, "\(shown)", sourceLocation: sourceLocation)
            }
            if result.content.hasPrefix("refused:") || Self.speaksOfConfinement(result.content) {
                #expect(
                    result.isError && result.content.hasPrefix("refused: "), "\(shown)", sourceLocation: sourceLocation)
            }
        }
        for change in changes {
            #expect(
                change.path.hasPrefix(workspace + "/"), "\(label): edit of \(change.path)",
                sourceLocation: sourceLocation)
        }
        #expect(escapes.isEmpty, "\(label): changed outside the workspace: \(escapes)", sourceLocation: sourceLocation)
    }

    /// Whether a tool's message says a path or link leaves the workspace.
    static func speaksOfConfinement(_ text: String) -> Bool {
        let head = text.prefix(200)
        return head.contains("is outside the workspace") || head.contains("leads outside the workspace")
    }

    /// Whether `path`, read lexically against the workspace, leaves it: an absolute path elsewhere,
    /// `..` above the root, or a component through one of the links the sandbox planted.
    static func leavesWorkspace(_ path: String, workspace: String) -> Bool {
        if path.hasPrefix("/") {
            return !(path == workspace || path.hasPrefix(workspace + "/"))
        }
        var depth = 0
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                depth -= 1
                if depth < 0 { return true }
            default:
                if depth == 0, component == "outside" || component == "secret-link.txt" { return true }
                depth += 1
            }
        }
        return false
    }
}
