import SparkJSON
import SparkTestSupport

/// One operation of the soak: a chat (answering in text, or reading a file and then writing it) or a code action,
/// with the model's script, the fault injected and when.
struct SoakOperation: Sendable {
    enum Kind: Sendable, Hashable {
        /// `spark/chat` answered with text.
        case chat
        /// `spark/chat` whose agent reads a file with `file_read`, then writes it with `file_write`.
        case editChat
        /// `textDocument/codeAction`, then `workspace/executeCommand` `spark.codeAction` of the action picked.
        case codeAction(String)
    }

    /// How the agent writes the file it read.
    enum Write: String, CaseIterable, Sendable {
        case overwrite, strReplace, append, insert
    }

    let number: Int
    let kind: Kind
    let fault: SoakFault
    /// The session (`spark/chat` only; code actions make their own).
    let session: String
    /// The workspace file the operation works on.
    let file: String
    let write: Write
    /// Whether the user types into the file between the agent's read and its write.
    let types: Bool
    /// The model step (a chat completion request of this run) that gets a model fault or the kill.
    let faultStep: Int
    /// When a cancel or disconnect comes, after the request was sent; when the kill comes after the fault step's
    /// reply started.
    let delay: Duration
    /// The model's replies, one per step.
    let steps: [ScriptedReply]

    var id: String { "op-\(number)" }
    var message: String { "soak \(id): \(kind == .chat ? "say something" : "edit \(file)")" }

    /// The tool call ids of this operation's writes.
    var writeCall: String { "\(id)-write" }

    var edits: Bool {
        switch kind {
        case .chat: false
        case .editChat: true
        case .codeAction(let action): action == "fix" || action == "refactor"
        }
    }

    /// The step at which the agent writes (the user types just before it), when it edits.
    var writeStep: Int? {
        guard edits else { return nil }
        return steps.firstIndex {
            if case .toolCalls(let calls, _, _) = $0 { calls.first?.id == writeCall } else { false }
        }
    }

    static let files = ["alpha.py", "beta.py", "gamma.py", "delta.py"]
    static let actions = ["fix", "refactor", "explain", "review", "generateTests"]

    /// The text each file starts with.
    static func initialText(_ file: String) -> String { "# \(file)\nx = 1\ny = 2\n" }

    /// A random operation; `sessions` are the chat sessions so far (an operation may continue one).
    static func random(
        number: Int, using generator: inout SplitMix64, restarts: Bool, sessions: inout [String]
    ) -> SoakOperation {
        let kindPick = generator.next(below: 10)
        let kind: Kind =
            kindPick < 3 ? .chat : kindPick < 8 ? .editChat : .codeAction(actions[generator.next(below: actions.count)])
        var fault = SoakFault.random(using: &generator, restarts: restarts)
        let file = files[generator.next(below: files.count)]
        let write = Write.allCases[generator.next(below: Write.allCases.count)]
        let session: String
        if sessions.isEmpty || generator.next(below: 3) == 0 {
            session = "soak-session-\(number)"
            sessions.append(session)
        } else {
            session = sessions[generator.next(below: sessions.count)]
        }
        let id = "op-\(number)"
        let edits = kind == .editChat || kind == .codeAction("fix") || kind == .codeAction("refactor")
        if fault == .cancelAtEdit, !edits { fault = .cancel }
        var steps: [ScriptedReply] = []
        if edits {
            steps.append(
                .toolCalls([ScriptedToolCall(id: "\(id)-read", name: "file_read", arguments: ["path": .string(file)])]))
            steps.append(
                .toolCalls(
                    [ScriptedToolCall(id: "\(id)-write", name: "file_write", arguments: arguments(write, file, id))],
                    fragments: 1 + generator.next(below: 4)))
        }
        steps.append(.text("\(id) is done: all good.", chunks: 1 + generator.next(below: 8)))
        if fault == .invalidToolArguments {
            let at = generator.next(below: steps.count)
            let broken = ScriptedToolCall(
                id: "\(id)-broken", name: edits ? "file_write" : "file_read",
                arguments: #"{"path": "\#(file)", "operation": "overwr"#)
            steps.insert(.toolCalls([broken], fragments: 2), at: at)
        }
        return SoakOperation(
            number: number, kind: kind, fault: fault, session: session, file: file, write: write,
            types: edits && generator.next(below: 3) == 0, faultStep: generator.next(below: steps.count),
            delay: .milliseconds(generator.next(below: fault == .kill ? 8 : 60)), steps: steps)
    }

    private static func arguments(_ write: Write, _ file: String, _ id: String) -> JSONValue {
        switch write {
        case .overwrite:
            [
                "path": .string(file), "operation": "overwrite",
                "content": .string("# \(file) rewritten by \(id)\nx = 1\ny = 2\n"),
            ]
        case .strReplace:
            [
                "path": .string(file), "operation": "str_replace", "old_text": "x = 1",
                "new_text": .string("x = 1  # \(id)"),
            ]
        case .append:
            ["path": .string(file), "operation": "append", "content": .string("# appended by \(id)\n")]
        case .insert:
            ["path": .string(file), "operation": "insert", "insert_line": 1, "content": .string("# inserted by \(id)")]
        }
    }
}
