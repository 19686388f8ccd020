import AgentCore

/// Writes a test-file skeleton from a code outline: one test per public function or method, with
/// argument placeholders and edge-case hints, for the model to complete.
struct TestSkeletonGenerator {
    let outline: CodeOutline
    let framework: TestFramework

    /// The functions worth a test: public, not tests themselves, not constructors or `main`, not nested.
    var targets: [CodeFunction] {
        let constructors: Set<String> = [
            "__init__", "init", "constructor", "new", "main", "__new__", "setUp", "tearDown",
        ]
        return outline.publicFunctions.filter { function in
            if constructors.contains(function.name) || function.name == function.container { return false }
            if function.name.hasPrefix("test") || function.name.hasPrefix("Test") { return false }
            if function.name.hasPrefix("__") { return false }
            let nested = outline.functions.contains { other in
                other != function && other.startLine < function.startLine && function.endLine <= other.endLine
                    && other.container == function.container
            }
            return !nested
        }
    }

    /// The parameters of the type's constructor, when the code declares one.
    func constructorParameters(of type: String) -> [CodeParameter] {
        let names: Set<String> = ["__init__", "init", "constructor", "new", type]
        return outline.functions.first { $0.container == type && names.contains($0.name) }?.parameters ?? []
    }

    func generate() -> String {
        switch framework {
        case .pytest: pytest()
        case .unittest: unittest()
        case .swiftTesting: swiftTesting()
        case .xctest: xctest()
        case .jest: jest()
        case .goTest: goTest()
        case .junit: junit()
        case .cargoTest: cargoTest()
        case .cAssert: cAssert()
        }
    }

    /// The typical literal for each parameter.
    func typicalArguments(_ parameters: [CodeParameter], language: SourceLanguage) -> [String] {
        parameters.map { EdgeCaseHints.values(for: $0.type, language: language).first?.literal ?? "..." }
    }

    /// Rows of edge-case values: row `i` takes each parameter's `i`-th edge case (or its typical value).
    func edgeRows(_ parameters: [CodeParameter], language: SourceLanguage) -> [(values: [String], label: String)] {
        let hints = parameters.map { EdgeCaseHints.values(for: $0.type, language: language) }
        let depth = hints.map { $0.count - 1 }.max() ?? 0
        guard depth > 0 else { return [] }
        return (1...depth).map { row in
            var labels: [String] = []
            let values = zip(parameters, hints).map { parameter, options -> String in
                if row < options.count {
                    labels.append("\(parameter.name) \(options[row].label)")
                    return options[row].literal
                }
                return options.first?.literal ?? "..."
            }
            return (values, labels.joined(separator: ", "))
        }
    }

    /// `snake_case` and `camelCase` names for test functions.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase, !result.isEmpty, result.last != "_" { result.append("_") }
            result.append(character == "." ? "_" : Character(character.lowercased()))
        }
        return result
    }

    static func upperCamel(_ name: String) -> String {
        name.split(whereSeparator: { $0 == "_" || $0 == "." }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
