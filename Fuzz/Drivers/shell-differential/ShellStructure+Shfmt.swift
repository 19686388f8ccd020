import SparkJSON

/// `shfmt --to-json`'s syntax tree read into a `ShellStructure`, normalised where the two grammars model the
/// same text differently:
/// - `time cmd` is a `TimeClause` in shfmt and the program `time` to us: read as the words `time [-p] cmd ...`;
/// - `export`, `local`, `declare`, `readonly`, `typeset` are `DeclClause`s in shfmt and programs to us: read
///   as words (`NAME=value` rebuilt when static);
/// - `+=x` at the start of a command is an assignment without a name in shfmt and a word to bash: a word.
/// Syntax we refuse (`case`, functions, `(( ))`, `coproc`, `select`, `let`) is reported by `Unsupported`.
struct ShfmtReader {
    struct Unsupported: Error {
        var what: String
    }

    /// shfmt's operator numbers, learnt from shfmt itself at start-up (they change between versions).
    var operators: [Int: String]

    func structure(ofStatements statements: [JSONValue]) throws -> ShellStructure {
        var pipelines: [[[ShellStructure.Command]]] = []
        for statement in statements { try appendPipelines(of: statement, to: &pipelines) }
        return ShellStructure(pipelines: pipelines)
    }

    private func appendPipelines(of statement: JSONValue, to pipelines: inout [[[ShellStructure.Command]]]) throws {
        if let command = statement["Cmd"], command["Type"] == "BinaryCmd",
            let op = command["Op"]?.intValue.flatMap({ operators[$0] }), op == "&&" || op == "||"
        {
            try appendPipelines(of: command["X"]!, to: &pipelines)
            try appendPipelines(of: command["Y"]!, to: &pipelines)
            return
        }
        pipelines.append(try stages(of: statement))
    }

    private func stages(of statement: JSONValue) throws -> [[ShellStructure.Command]] {
        if let command = statement["Cmd"], command["Type"] == "BinaryCmd",
            let op = command["Op"]?.intValue.flatMap({ operators[$0] }), op == "|" || op == "|&"
        {
            return try stages(of: command["X"]!) + stages(of: command["Y"]!)
        }
        if let command = statement["Cmd"], command["Type"] == "TimeClause" {
            // `time` covers a whole pipeline: its stages, `time` in front of the first command.
            var result = try command["Stmt"].map(stages(of:)) ?? [[]]
            let prefix: [ShellStructure.Word] =
                [.literal("time")] + (command["PosixFormat"] == true ? [.literal("-p")] : [])
            if result[0].first?.kind == "simple" {
                result[0][0].words = prefix + result[0][0].words
            } else {
                result[0].insert(.init(words: prefix), at: 0)
            }
            if let redirects = statement["Redirs"]?.arrayValue, !redirects.isEmpty {
                result[result.count - 1].append(try simple(assigns: [], args: [], redirects: redirects))
            }
            return result
        }
        return [try commands(of: statement)]
    }

    /// The simple commands inside a statement, flattened, then one for its trailing redirections.
    private func commands(of statement: JSONValue) throws -> [ShellStructure.Command] {
        let redirects = statement["Redirs"]?.arrayValue ?? []
        guard let command = statement["Cmd"] else {
            return [try simple(assigns: [], args: [], redirects: redirects)]
        }
        var inner: [ShellStructure.Command]
        switch command["Type"]?.stringValue ?? "" {
        case "CallExpr":
            return [
                try simple(
                    assigns: command["Assigns"]?.arrayValue ?? [], args: command["Args"]?.arrayValue ?? [],
                    redirects: redirects)
            ]
        case "DeclClause":
            var words = [ShellStructure.Word.literal(command["Variant"]?["Value"]?.stringValue ?? "")]
            words += (command["Args"]?.arrayValue ?? []).map(declaredWord)
            var result = try simple(assigns: [], args: [], redirects: redirects)
            result.words = words
            result.substitutions = try substitutions(in: command["Args"] ?? .null) + result.substitutions
            return [result]
        case "TimeClause":
            var timed = try command["Stmt"].map { try flattened(.array([$0])) } ?? []
            let prefix: [ShellStructure.Word] =
                [.literal("time")] + (command["PosixFormat"] == true ? [.literal("-p")] : [])
            if timed.first?.kind == "simple" {
                timed[0].words = prefix + timed[0].words
            } else {
                timed.insert(.init(words: prefix), at: 0)
            }
            inner = timed
        case "Block", "Subshell":
            inner = try flattened(command["Stmts"])
        case "IfClause":
            inner = try ifCommands(command)
        case "WhileClause":
            inner = try flattened(command["Cond"]) + flattened(command["Do"])
        case "ForClause":
            guard let loop = command["Loop"], loop["Type"] == "WordIter" else { throw Unsupported(what: "for ((;;))") }
            var listed = ShellStructure.Command(isInert: true)
            listed.substitutions = try substitutions(in: loop["Items"] ?? .null)
            inner = [listed] + (try flattened(command["Do"]))
        case "TestClause":
            var test = ShellStructure.Command(isInert: true)
            test.substitutions = try substitutions(in: command["X"] ?? .null)
            inner = [test]
        case let other:
            throw Unsupported(what: other)
        }
        if !redirects.isEmpty { inner.append(try simple(assigns: [], args: [], redirects: redirects)) }
        return inner
    }

    private func ifCommands(_ clause: JSONValue) throws -> [ShellStructure.Command] {
        var result = try flattened(clause["Cond"]) + flattened(clause["Then"])
        if let otherwise = clause["Else"], !otherwise.isNull { result += try ifCommands(otherwise) }
        return result
    }

    private func flattened(_ statements: JSONValue?) throws -> [ShellStructure.Command] {
        try structure(ofStatements: statements?.arrayValue ?? []).pipelines.flatMap { $0.flatMap { $0 } }
    }

    private func simple(assigns: [JSONValue], args: [JSONValue], redirects: [JSONValue]) throws
        -> ShellStructure.Command
    {
        var command = ShellStructure.Command()
        // shfmt reads `+=x` or `=x` at the start of a command as an assignment without a name; to bash (and
        // us) it is a word.
        let named = assigns.prefix { $0["Name"] != nil }
        command.assignments = named.map { $0["Name"]?["Value"]?.stringValue ?? "" }
        command.words = assigns.dropFirst(named.count).map { assign in
            guard case .literal(let value) = assign["Value"].map(Self.word) ?? .literal("") else { return .dynamic }
            return .literal((assign["Append"] == true ? "+=" : "=") + value)
        }
        command.words += args.map(Self.word)
        command.redirections = redirects.map { redirect in
            (redirect["N"]?["Value"]?.stringValue ?? "") + (redirect["Op"]?.intValue.flatMap { operators[$0] } ?? "?")
        }
        for assign in assigns { command.substitutions += try substitutions(in: assign) }
        for arg in args { command.substitutions += try substitutions(in: arg) }
        for redirect in redirects {
            command.substitutions += try substitutions(in: redirect["Word"] ?? .null)
            command.substitutions += try substitutions(in: redirect["Hdoc"] ?? .null)
        }
        return command
    }

    /// The command and process substitutions anywhere in `node`, in order, each read as a structure.
    private func substitutions(in node: JSONValue) throws -> [ShellStructure?] {
        switch node {
        case .object(let members):
            if node["Type"] == "CmdSubst" || node["Type"] == "ProcSubst" {
                return [try structure(ofStatements: node["Stmts"]?.arrayValue ?? [])]
            }
            var found: [ShellStructure?] = []
            // In source order: shfmt's member names do not say it, but every node holds its parts in arrays
            // or in a few named children, read here by position in the text.
            let children = members.values.sorted { Self.offset($0) < Self.offset($1) }
            for child in children { found += try substitutions(in: child) }
            return found
        case .array(let elements):
            return try elements.flatMap { try substitutions(in: $0) }
        default:
            return []
        }
    }

    private static func offset(_ node: JSONValue) -> Int {
        switch node {
        case .object: return node["Pos"]?["Offset"]?.intValue ?? Int.max
        case .array(let elements): return elements.first.map(offset) ?? Int.max
        default: return Int.max
        }
    }

    private func declaredWord(_ assign: JSONValue) -> ShellStructure.Word {
        if assign["Naked"] == true {
            if let name = assign["Name"]?["Value"]?.stringValue { return .literal(name) }
            return assign["Value"].map(Self.word) ?? .dynamic
        }
        guard let name = assign["Name"]?["Value"]?.stringValue, assign["Index"] == nil, assign["Array"] == nil else {
            return .dynamic
        }
        let value = assign["Value"].map(Self.word) ?? .literal("")
        guard case .literal(let text) = value else { return .dynamic }
        return .literal(name + (assign["Append"] == true ? "+=" : "=") + text)
    }

    /// A word's text after quote removal when it is static.
    static func word(_ word: JSONValue) -> ShellStructure.Word {
        var text = ""
        for part in word["Parts"]?.arrayValue ?? [] {
            switch part["Type"]?.stringValue {
            case "Lit":
                text += unescape(part["Value"]?.stringValue ?? "", quoted: false)
            case "SglQuoted":
                let value = part["Value"]?.stringValue ?? ""
                if part["Dollar"] == true {
                    guard let decoded = ansiDecoded(value) else { return .dynamic }
                    text += decoded
                } else {
                    text += value
                }
            case "DblQuoted":
                for inner in part["Parts"]?.arrayValue ?? [] {
                    guard inner["Type"] == "Lit" else { return .dynamic }
                    text += unescape(inner["Value"]?.stringValue ?? "", quoted: true)
                }
            default:
                return .dynamic
            }
        }
        return .literal(text)
    }

    /// Backslash removal as bash does it: outside quotes `\c` is `c`; inside double quotes only before `$`,
    /// a backquote, `"` and `\`; a backslash-newline disappears in both.
    private static func unescape(_ text: String, quoted: Bool) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            guard let next = scalars.next() else {
                result.append("\\")
                break
            }
            if next == "\n" { continue }
            if quoted, !"$`\"\\".unicodeScalars.contains(next) { result.append("\\") }
            result.unicodeScalars.append(next)
        }
        return result
    }

    /// `$'...'` decoded as our tokenizer decodes it (`\n`, `\t`, `\\`, `\'`, `\"`); `nil` for any other
    /// escape, which makes the word dynamic on our side too.
    private static func ansiDecoded(_ text: String) -> String? {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalars.next() {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case let escaped? where "\\'\"".unicodeScalars.contains(escaped): result.unicodeScalars.append(escaped)
            default: return nil
            }
        }
        return result
    }
}
