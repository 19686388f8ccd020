import AgentCore

/// Lists Spark's code actions for a `textDocument/codeAction` request, without calling a model:
/// a quick fix per diagnostic, and for a non-empty selection (or, at a cursor without a diagnostic, the
/// enclosing function or class) refactor, explain, generate tests and review. `context.only` filters by kind prefix; automatic triggers get only the quick fixes.
public enum CodeActionCatalog {
    /// The command every Spark code action carries.
    public static let command = "spark.codeAction"
    /// The kinds the server lists in `codeActionProvider`.
    public static let kinds: [CodeActionKind] = [
        .quickFix, .refactorRewrite, CodeActionKind(rawValue: "spark.explain"),
        CodeActionKind(rawValue: "spark.generateTests"), CodeActionKind(rawValue: "spark.review"),
    ]

    /// The actions for `request`, in a stable order. With an empty range and no diagnostic, the selection's
    /// actions apply to `declaration`, the function or class around the cursor, and name it in their titles.
    public static func actions(
        for request: SparkCodeActionRequest, declaration: CursorDeclaration? = nil
    ) -> [SparkCodeAction] {
        let uri = request.textDocument.uri
        let only = request.context.only
        var actions: [SparkCodeAction] = []
        if allows(.quickFix, only: only) {
            actions.reserveCapacity(request.context.diagnostics.count + 4)
            for diagnostic in request.context.diagnostics {
                let arguments = CodeActionArguments(
                    action: .fix, uri: uri, range: diagnostic.range, diagnostic: diagnostic)
                actions.append(
                    SparkCodeAction(
                        title: "Spark: fix — \(firstLine(of: diagnostic.message))", kind: .quickFix,
                        diagnostics: [diagnostic],
                        command: command(title: "Spark: fix", arguments)))
            }
        }
        guard request.context.triggerKind != .automatic else { return actions }
        let target: (range: LSPRange, declaration: CursorDeclaration?)
        if request.range.start != request.range.end {
            target = (request.range, nil)
        } else if let declaration, request.context.diagnostics.isEmpty {
            target = (declaration.range, declaration)
        } else {
            return actions
        }
        let name = target.declaration.map { " `\($0.name)`" } ?? ""
        let selection: [(CodeActionArguments.Action, String, CodeActionKind)] = [
            (.refactor, "Spark: refactor\(name)", .refactorRewrite),
            (.explain, "Spark: explain\(name)", CodeActionKind(rawValue: "spark.explain")),
            (
                .generateTests, "Spark: generate tests\(name.isEmpty ? "" : " for" + name)",
                CodeActionKind(rawValue: "spark.generateTests")
            ),
            (.review, "Spark: review\(name)", CodeActionKind(rawValue: "spark.review")),
        ]
        for (action, title, kind) in selection where allows(kind, only: only) {
            let arguments = CodeActionArguments(
                action: action, uri: uri, range: target.range, symbol: target.declaration?.name,
                symbolKind: target.declaration?.kind)
            actions.append(SparkCodeAction(title: title, kind: kind, command: command(title: title, arguments)))
        }
        return actions
    }

    /// Whether `kind` passes the `only` filter: equal to an entry or below it (`refactor` admits `refactor.rewrite`).
    static func allows(_ kind: CodeActionKind, only: [CodeActionKind]?) -> Bool {
        guard let only, !only.isEmpty else { return true }
        return only.contains { filter in
            filter.rawValue.isEmpty || kind.rawValue == filter.rawValue
                || kind.rawValue.hasPrefix(filter.rawValue + ".")
        }
    }

    private static func command(title: String, _ arguments: CodeActionArguments) -> SparkCodeActionCommand {
        SparkCodeActionCommand(title: title, command: command, arguments: [arguments])
    }

    private static func firstLine(of message: String) -> Substring {
        let line = message.prefix { $0 != "\n" && $0 != "\r" }
        return line.count > 100 ? Substring(line.prefix(99) + "…") : line
    }
}
