import AgentCore

/// A regex and indentation outline for Python, used only when `python3` is missing.
struct IndentOutlineParser {
    let source: ScannedSource
    let patterns = DeclarationPatterns(language: .python)

    init(source: ScannedSource) {
        self.source = source
    }

    func parse() -> CodeOutline {
        var functions: [CodeFunction] = []
        var types: [CodeType] = []
        var imports: [CodeImport] = []
        for index in 0..<source.lineCount {
            let line = source.scrubbedLine(index)
            let indent = line.indentationWidth
            if let match = line.firstMatch(of: patterns.imports[0]) {
                let names = String(match.output[2].substring ?? "").split(separator: ",").map { $0.trimmingWhitespace }
                imports.append(
                    CodeImport(module: String(match.output[1].substring ?? ""), names: names, line: index + 1))
            } else if let match = line.firstMatch(of: patterns.imports[1]) {
                imports.append(
                    CodeImport(module: String(match.output[1].substring ?? "").trimmingWhitespace, line: index + 1))
            } else if let match = line.firstMatch(of: patterns.types[0]) {
                let bases = String(match.output[3].substring ?? "").split(separator: ",").map { $0.trimmingWhitespace }
                types.append(
                    CodeType(
                        name: String(match.output[2].substring ?? ""), kind: "class", startLine: index + 1,
                        endLine: blockEnd(index, indent), inherits: bases))
            } else if let match = line.firstMatch(of: patterns.functions[0]) {
                let name = String(match.output[1].substring ?? "")
                let open =
                    source.lineStarts[index] + line.utf8.distance(from: line.startIndex, to: match.range.upperBound) - 1
                let close = max(open + 1, source.matchingClose(from: open) ?? open + 1)
                let end = blockEnd(index, indent)
                let bodyRange = source.lineStarts[index]..<source.range(ofLine: end - 1).upperBound
                let body = source.scrubbedText(bodyRange)
                let container = types.last { $0.startLine - 1 < index && index < $0.endLine && indent > 0 }?.name
                var parameters = ParameterParser.parse(
                    source.splitTopLevel(open + 1..<close).map { source.originalText($0) }, language: .python)
                parameters.removeAll { $0.name == "self" || $0.name == "cls" }
                functions.append(
                    CodeFunction(
                        name: name, container: container, startLine: index + 1, endLine: end, parameters: parameters,
                        isAsync: line.trimmingWhitespace.hasPrefix("async"), isPublic: !name.hasPrefix("_"),
                        complexity: pythonComplexity(body), maxNesting: 0,
                        calls: FunctionMetrics.calls(in: body).filter { $0 != name }
                    ))
            }
        }
        return CodeOutline(
            language: .python, functions: functions, types: types, imports: imports,
            lineCounts: LineCounter.count(source))
    }

    /// The 1-based last line of the block opened on `index` (by indentation).
    private func blockEnd(_ index: Int, _ indent: Int) -> Int {
        var last = index
        var next = index + 1
        while next < source.lineCount {
            let text = source.scrubbedLine(next)
            if !text.trimmingWhitespace.isEmpty {
                if text.indentationWidth <= indent { break }
                last = next
            }
            next += 1
        }
        return last + 1
    }

    private func pythonComplexity(_ body: String) -> Int {
        let words = FunctionMetrics.identifiers(in: body)
        return 1
            + words.filter { ["if", "elif", "for", "while", "except", "and", "or", "with", "assert"].contains($0) }
            .count
    }
}
