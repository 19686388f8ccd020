import AgentCore

/// Builds a `CodeOutline` for brace languages (Swift, JavaScript/TypeScript, Go, Rust, Java, C/C++)
/// from careful regular expressions over scrubbed source and bracket matching.
struct BraceOutlineParser {
    let source: ScannedSource
    let patterns: DeclarationPatterns
    var language: SourceLanguage { source.language }

    init(_ code: String, language: SourceLanguage) {
        self.init(source: ScannedSource(code, language: language))
    }

    init(source: ScannedSource) {
        self.source = source
        patterns = DeclarationPatterns(language: source.language)
    }

    func parse() -> CodeOutline {
        let types = parseTypes()
        return CodeOutline(
            language: language,
            functions: parseFunctions(types: types),
            types: types,
            imports: parseImports(),
            lineCounts: LineCounter.count(source)
        )
    }

    // MARK: Imports

    func parseImports() -> [CodeImport] {
        var imports: [CodeImport] = []
        var inGoBlock = false
        for index in 0..<source.lineCount {
            let line = source.originalLine(index)
            guard DeclarationPatterns.mayMatch(line, patterns.importHints) else { continue }
            if language == .go {
                if line.hasPrefix("import (") { inGoBlock = true; continue }
                if inGoBlock, line.hasPrefix(")") { inGoBlock = false; continue }
            }
            for (number, pattern) in patterns.imports.enumerated() {
                if language == .go, number == 1, !inGoBlock { continue }
                if let match = line.firstMatch(of: pattern), let module = lastGroup(match) {
                    imports.append(CodeImport(module: module.trimmingWhitespace, line: index + 1))
                    break
                }
            }
        }
        return imports
    }

    // MARK: Types

    func parseTypes() -> [CodeType] {
        var types: [CodeType] = []
        for index in 0..<source.lineCount {
            let line = source.scrubbedLine(index)
            guard DeclarationPatterns.mayMatch(line, patterns.typeHints) else { continue }
            for pattern in patterns.types {
                guard let match = line.firstMatch(of: pattern) else { continue }
                var kind = group(match, 1) ?? "type"
                var name = group(match, 2) ?? ""
                var inherits = (group(match, 3) ?? "").split(separator: ",").map { $0.trimmingWhitespace }.filter {
                    !$0.isEmpty
                }
                if language == .go { swap(&kind, &name) }
                if language == .rust, kind == "impl", let target = group(match, 3) {
                    inherits = [name]
                    name = target
                }
                let matchEnd =
                    source.lineStarts[index] + line.utf8.distance(from: line.startIndex, to: match.range.upperBound)
                var endLine = index
                if let open = source.bodyOpen(after: max(source.lineStarts[index], matchEnd - 1), maxLines: 2),
                    let close = source.matchingClose(from: open)
                {
                    endLine = source.line(ofOffset: close)
                } else if ["struct", "class", "union", "enum"].contains(kind), language == .c || language == .cpp {
                    break  // a forward declaration or a variable of that type
                }
                types.append(
                    CodeType(name: name, kind: kind, startLine: index + 1, endLine: endLine + 1, inherits: inherits))
                break
            }
        }
        return types
    }

    // MARK: Functions

    func parseFunctions(types: [CodeType]) -> [CodeFunction] {
        var functions: [CodeFunction] = []
        var index = 0
        while index < source.lineCount {
            let line = source.scrubbedLine(index)
            guard DeclarationPatterns.mayMatch(line, patterns.functionHints) else {
                index += 1
                continue
            }
            let enclosing = types.last { $0.startLine - 1 < index && index <= $0.endLine - 1 }
            var candidates = patterns.functions
            if let enclosing, ["class"].contains(enclosing.kind),
                source.depthAtLineStart[index] == source.depthAtLineStart[enclosing.startLine - 1] + 1
            {
                candidates += patterns.methods
            }
            var found: CodeFunction?
            for pattern in candidates {
                if let match = line.firstMatch(of: pattern),
                    let function = function(from: match, line: line, index: index, enclosing: enclosing)
                {
                    found = function
                    break
                }
            }
            if let found {
                functions.append(found)
            }
            index += 1
        }
        return functions
    }

    private func function(
        from match: Regex<AnyRegexOutput>.Match, line: String, index: Int, enclosing: CodeType?
    ) -> CodeFunction? {
        let hasDeclarationKeyword = [.swift, .rust, .go].contains(language)  // `func`/`fn` already anchor the match
        guard let name = lastGroup(match), hasDeclarationKeyword || !DeclarationPatterns.keywords.contains(name) else {
            return nil
        }
        let prefix = String(line[line.startIndex..<match.range.upperBound])
        let before = prefix.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "&" })
        if before.count >= 2,
            ["return", "new", "throw", "else", "await", "yield", "case", "delete", "goto"].contains(
                String(before[before.count - 2]))
        {
            return nil
        }
        let lineStart = source.lineStarts[index]
        let open = lineStart + line.utf8.distance(from: line.startIndex, to: match.range.upperBound) - 1
        guard open < source.scrubbed.count, source.scrubbed[open] == UInt8(ascii: "("),
            let close = source.matchingClose(from: open)
        else { return nil }
        let isArrow = language == .javascript || language == .typescript
        guard let bodyStart = source.bodyOpen(after: close + 1, maxLines: 3) ?? (isArrow ? arrowBodyLine(close) : nil)
        else {
            return nil
        }
        let bodyEnd: Int
        if source.scrubbed[bodyStart] == UInt8(ascii: "{") {
            guard let end = source.matchingClose(from: bodyStart) else { return nil }
            bodyEnd = end
        } else {
            bodyEnd = bodyStart
        }
        let header = source.scrubbedText(lineStart..<bodyStart)
        let signatureTail = source.scrubbedText(close + 1..<bodyStart).trimmingWhitespace
        let body = source.scrubbedText(min(bodyStart, bodyEnd)..<min(bodyEnd + 1, source.scrubbed.count))
        let parameterParts = source.splitTopLevel(open + 1..<close).map { source.originalText($0) }
        var container = enclosing?.name
        if language == .go, let receiver = group(match, 1) { container = receiver }
        if name.contains("::") { container = String(name.split(separator: ":").first ?? "") }
        let shortName = name.split(separator: ":").last.map(String.init) ?? name
        return CodeFunction(
            name: shortName,
            container: container,
            startLine: index + 1,
            endLine: source.line(ofOffset: bodyEnd) + 1,
            parameters: ParameterParser.parse(parameterParts, language: language),
            returnType: returnType(prefix: prefix, name: name, tail: signatureTail),
            isAsync: header.contains("async"),
            isPublic: isPublic(name: shortName, header: header, container: enclosing),
            canThrow: canThrow(header: header, tail: signatureTail),
            complexity: FunctionMetrics.complexity(of: body, language: language),
            maxNesting: FunctionMetrics.maxNesting(of: body),
            calls: FunctionMetrics.calls(in: body),
            isDocumented: isDocumented(line: index)
        )
    }

    /// For `const f = (a): T => a + 1;` the body is what follows `=>` on the same line (a `{` block
    /// or an expression).
    private func arrowBodyLine(_ close: Int) -> Int? {
        var index = close + 1
        let bytes = source.scrubbed
        while index + 1 < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: ";") {
            if bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: ">") {
                var body = index + 2
                while body < bytes.count, bytes[body] == UInt8(ascii: " ") { body += 1 }
                return body < bytes.count ? body : nil
            }
            index += 1
        }
        return nil
    }

    private func returnType(prefix: String, name: String, tail: String) -> String? {
        switch language {
        case .swift, .rust:
            guard let arrow = tail.firstRange(of: "->") else { return nil }
            let type = String(tail[arrow.upperBound...])
            let cleaned = type.split(separator: " where ").first.map { String($0) } ?? type
            return cleaned.trimmingWhitespace.isEmpty ? nil : cleaned.trimmingWhitespace
        case .go:
            return tail.isEmpty ? nil : tail
        case .typescript:
            return tail.hasPrefix(":") ? String(tail.dropFirst()).replacing("=>", with: "").trimmingWhitespace : nil
        case .java, .c, .cpp:
            let words = prefix.dropLast().split(separator: " ").map(String.init)
            let modifiers: Set<String> = [
                "public", "private", "protected", "static", "final", "abstract", "synchronized", "inline", "virtual",
                "extern", "constexpr", "explicit",
            ]
            let typeWords = words.dropLast().filter { !modifiers.contains($0) && !$0.hasPrefix("@") }
            let type = typeWords.joined(separator: " ")
            return type.isEmpty ? nil : type
        default:
            return nil
        }
    }

    private func isPublic(name: String, header: String, container: CodeType?) -> Bool {
        let words = Set(FunctionMetrics.identifiers(in: header).map(String.init))
        switch language {
        case .swift: return !words.contains("private") && !words.contains("fileprivate") && !name.hasPrefix("_")
        case .go: return name.first?.isUppercase ?? false
        case .rust:
            return words.contains("pub") || (container.map { $0.kind == "impl" && !$0.inherits.isEmpty } ?? false)
        case .java: return !words.contains("private")
        case .c, .cpp: return !words.contains("static") || container != nil
        case .javascript, .typescript: return !words.contains("private") && !name.hasPrefix("_") && !name.hasPrefix("#")
        case .python: return !name.hasPrefix("_")
        }
    }

    private func canThrow(header: String, tail: String) -> Bool {
        switch language {
        case .swift: return tail.contains("throws") || tail.contains("rethrows")
        case .java: return tail.contains("throws")
        case .rust: return tail.contains("Result")
        case .go: return tail.contains("error")
        default: return false
        }
    }

    private func isDocumented(line index: Int) -> Bool {
        var previous = index - 1
        while previous >= 0 {
            let text = source.originalLine(previous).trimmingWhitespace
            if text.hasPrefix("@") || text.hasPrefix("#[") || text.hasPrefix("template") {
                previous -= 1
                continue
            }
            return text.hasPrefix("///") || text.hasPrefix("/**") || text.hasPrefix("*") || text.hasPrefix("//")
        }
        return false
    }

    // MARK: Regex helpers

    private func group(_ match: Regex<AnyRegexOutput>.Match, _ index: Int) -> String? {
        guard index < match.output.count, let substring = match.output[index].substring else { return nil }
        return String(substring)
    }

    private func lastGroup(_ match: Regex<AnyRegexOutput>.Match) -> String? {
        for index in stride(from: match.output.count - 1, through: 1, by: -1) {
            if let value = group(match, index), !value.isEmpty { return value }
        }
        return nil
    }
}
