import AgentCore

/// Unused imports for Java and JavaScript/TypeScript (Python uses the AST driver; Go, Rust and C
/// compilers report their own).
enum UnusedImportCheck {
    static func findings(in source: ScannedSource) -> [AnalysisFinding] {
        guard [.java, .javascript, .typescript].contains(source.language) else { return [] }
        var bindings: [(name: String, line: Int)] = []
        var importLines: Set<Int> = []
        for index in 0..<source.lineCount {
            let names =
                source.language == .java
                ? javaNames(source.scrubbedLine(index)) : javaScriptNames(source.originalLine(index))
            guard let names else { continue }
            importLines.insert(index)
            bindings += names.map { ($0, index) }
        }
        guard !bindings.isEmpty else { return [] }
        var used: Set<String> = []
        for index in 0..<source.lineCount where !importLines.contains(index) {
            for word in source.originalLine(index).split(whereSeparator: {
                !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$")
            }) {
                used.insert(String(word))
            }
        }
        return bindings.filter { !used.contains($0.name) }.map { binding in
            AnalysisFinding(
                severity: .warning, line: binding.line + 1, rule: "unused-import",
                message: "`\(binding.name)` is imported but never used", category: .maintainability)
        }
    }

    /// `import java.util.List;` -> [List]; wildcard and static-member imports are skipped (`[]`).
    private static func javaNames(_ line: String) -> [String]? {
        let text = line.trimmingWhitespace
        guard text.hasPrefix("import "), text.hasSuffix(";") else { return nil }
        let path = text.dropFirst("import ".count).dropLast().trimmingWhitespace
        if path.hasPrefix("static ") || path.hasSuffix("*") { return [] }
        return path.split(separator: ".").last.map { [String($0)] } ?? []
    }

    /// `import a, { b, c as d } from "x"`, `import * as ns from "x"`, `const { e } = require("x")`.
    private static func javaScriptNames(_ line: String) -> [String]? {
        let text = line.trimmingWhitespace
        var clause: Substring
        if text.hasPrefix("import "), let from = text.firstRange(of: " from ") {
            clause = text[text.index(text.startIndex, offsetBy: 7)..<from.lowerBound]
            if clause.hasPrefix("type ") { clause = clause.dropFirst(5) }
        } else if (text.hasPrefix("const ") || text.hasPrefix("let ") || text.hasPrefix("var ")),
            text.contains("require("),
            let equals = text.firstIndex(of: "=")
        {
            clause = text[text.index(after: text.firstIndex(of: " ")!)..<equals]
        } else {
            return nil
        }
        var names: [String] = []
        for part in clause.split(whereSeparator: { $0 == "," || $0 == "{" || $0 == "}" }) {
            let words = part.split(separator: " ").map(String.init).filter { $0 != "type" }
            guard let last = words.last, last != "*" else { continue }
            names.append(last)
        }
        return names.filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" } }
    }
}
