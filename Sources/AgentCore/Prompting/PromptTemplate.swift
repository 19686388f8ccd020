/// `{{name}}` placeholders in prompt text.
public enum PromptTemplate {
    /// Replaces every `{{name}}` (spaces inside the braces allowed) that has a value; others stay as written.
    public static func render(_ template: String, values: [String: String]) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let name = afterOpen[..<close.lowerBound].trimmingWhitespace
            if let value = values[name], isName(name) {
                output += value
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = afterOpen[close.upperBound...]
        }
        output += rest
        return output
    }

    /// The placeholder names in a template, in order of first appearance.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else { break }
            let name = afterOpen[..<close.lowerBound].trimmingWhitespace
            if isName(name), !names.contains(name) { names.append(name) }
            rest = afterOpen[close.upperBound...]
        }
        return names
    }

    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }
}
