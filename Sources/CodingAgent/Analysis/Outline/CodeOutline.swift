import AgentCore

/// The structure of a piece of code: what `explain_code` reports and the other tools build on.
public struct CodeOutline: Hashable, Sendable, Codable {
    public var language: SourceLanguage
    public var functions: [CodeFunction]
    public var types: [CodeType]
    public var imports: [CodeImport]
    public var lineCounts: LineCounts

    public init(
        language: SourceLanguage, functions: [CodeFunction], types: [CodeType], imports: [CodeImport],
        lineCounts: LineCounts
    ) {
        self.language = language
        self.functions = functions
        self.types = types
        self.imports = imports
        self.lineCounts = lineCounts
    }

    /// Who calls whom among the functions defined in this code: caller name -> callee names, sorted.
    public var callGraph: [String: [String]] {
        let defined = Set(functions.map(\.name))
        var graph: [String: [String]] = [:]
        for function in functions {
            let callees = function.calls.filter { defined.contains($0) && $0 != function.name }
            if !callees.isEmpty {
                graph[function.qualifiedName, default: []].append(contentsOf: callees)
            }
        }
        return graph.mapValues { Array(Set($0)).sorted() }
    }

    /// The functions defined here that call `name`.
    public func callers(of name: String) -> [String] {
        functions.filter { $0.name != name && $0.calls.contains(name) }.map(\.qualifiedName).sorted()
    }

    /// Functions and methods meant to be called from outside (the ones tests should cover).
    public var publicFunctions: [CodeFunction] {
        functions.filter { $0.isPublic }
    }
}
