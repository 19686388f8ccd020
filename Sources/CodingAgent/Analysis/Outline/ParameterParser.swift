import AgentCore

/// Turns one parameter's source text into a `CodeParameter`, per language.
enum ParameterParser {
    static func parse(_ parts: [String], language: SourceLanguage) -> [CodeParameter] {
        var parameters: [CodeParameter] = []
        var pendingGoNames: [String] = []
        for raw in parts {
            let text = raw.trimmingWhitespace
            switch language {
            case .go:
                let words = text.split(separator: " ", maxSplits: 1).map(String.init)
                if words.count == 1 {
                    pendingGoNames.append(words[0])
                } else {
                    let type = words[1].trimmingWhitespace
                    for name in pendingGoNames + [words[0]] {
                        parameters.append(CodeParameter(name: name, type: type))
                    }
                    pendingGoNames = []
                }
            default:
                if let parameter = parseOne(text, language: language) {
                    parameters.append(parameter)
                }
            }
        }
        // Go: `func f(a, b)` cannot happen without types, but keep the names if it does.
        parameters += pendingGoNames.map { CodeParameter(name: $0) }
        return parameters
    }

    private static func parseOne(_ text: String, language: SourceLanguage) -> CodeParameter? {
        let (declaration, defaultValue) = splitDefault(text)
        switch language {
        case .swift:
            guard let colon = declaration.firstIndex(of: ":") else { return nil }
            let names = declaration[..<colon].split(separator: " ").map(String.init)
            let type = String(declaration[declaration.index(after: colon)...]).trimmingWhitespace
            guard let name = names.last else { return nil }
            let label = names.count > 1 ? names[0] : nil
            return CodeParameter(name: name, type: type, defaultValue: defaultValue, label: label)
        case .rust:
            guard let colon = declaration.firstIndex(of: ":") else { return nil }  // self, &self, &mut self
            let name = String(declaration[..<colon]).replacing("mut ", with: "").trimmingWhitespace
            let type = String(declaration[declaration.index(after: colon)...]).trimmingWhitespace
            return CodeParameter(name: name, type: type)
        case .javascript, .typescript:
            var name = declaration
            var type: String?
            if let colon = declaration.firstIndex(of: ":"), !declaration.hasPrefix("{") {
                name = String(declaration[..<colon]).trimmingWhitespace
                type = String(declaration[declaration.index(after: colon)...]).trimmingWhitespace
            }
            if name.hasPrefix("{") || name.hasPrefix("[") { name = "options" }
            name = name.replacing("...", with: "").replacing("?", with: "")
            for modifier in ["public ", "private ", "protected ", "readonly "] where name.hasPrefix(modifier) {
                name = String(name.dropFirst(modifier.count))
            }
            return CodeParameter(name: name.trimmingWhitespace, type: type, defaultValue: defaultValue)
        case .java, .c, .cpp:
            if declaration == "void" || declaration == "..." { return nil }
            let cleaned = declaration.replacing("final ", with: "")
            guard let pattern = try? Regex(#"[A-Za-z_]\w*(?:\s*\[\s*\w*\s*\])*\s*$"#),
                let nameRange = cleaned.firstMatch(of: pattern)?.range
            else {
                return nil
            }
            var name = String(cleaned[nameRange]).trimmingWhitespace
            var type = String(cleaned[..<nameRange.lowerBound]).trimmingWhitespace
            if let bracket = name.firstIndex(of: "[") {
                type += String(name[bracket...]).replacing(" ", with: "")
                name = String(name[..<bracket]).trimmingWhitespace
            }
            if type.isEmpty { return CodeParameter(name: "arg", type: name) }  // an unnamed C parameter
            return CodeParameter(name: name, type: type, defaultValue: defaultValue)
        case .python, .go:
            var name = declaration
            var type: String?
            if let colon = declaration.firstIndex(of: ":") {
                name = String(declaration[..<colon]).trimmingWhitespace
                type = String(declaration[declaration.index(after: colon)...]).trimmingWhitespace
            }
            var kind = "positional"
            if name.hasPrefix("**") {
                kind = "kwargs"
            } else if name.hasPrefix("*") {
                kind = "varargs"
            }
            name = name.replacing("*", with: "")
            if name.isEmpty || name == "/" { return nil }
            return CodeParameter(name: name, type: type, defaultValue: defaultValue, kind: kind)
        }
    }

    /// `x: Int = 3` -> (`x: Int`, `3`); `=>`, `==` and `<=`/`>=` are not defaults.
    private static func splitDefault(_ text: String) -> (String, String?) {
        let characters = Array(text)
        var depth = 0
        for (index, character) in characters.enumerated() {
            switch character {
            case "(", "[", "{", "<": depth += 1
            case ")", "]", "}", ">": depth -= 1
            case "=" where depth == 0:
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                let previous = index > 0 ? characters[index - 1] : " "
                if next == "=" || next == ">" || previous == "=" || previous == "!" || previous == "<"
                    || previous == ">"
                {
                    continue
                }
                let declaration = String(characters[..<index]).trimmingWhitespace
                let value = String(characters[(index + 1)...]).trimmingWhitespace
                return (declaration, value.isEmpty ? nil : value)
            default: break
            }
        }
        return (text, nil)
    }
}
