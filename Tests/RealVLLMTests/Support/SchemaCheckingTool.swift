import AgentCore
import SparkJSON
import Synchronization

/// A tool with a fixed JSON Schema that checks every call's arguments against it and records
/// the verdicts (`calls`), answering the model either way.
final class SchemaCheckingTool: AgentTool {
    /// One call: its arguments and what was wrong with them (empty when schema-valid).
    struct Call: Sendable {
        var arguments: JSONValue
        var violations: [String]
    }

    let name: String
    let description: String
    let parametersSchema: JSONValue
    /// The calls so far; behind a mutex because tools may run concurrently.
    private let recorded = Mutex<[Call]>([])

    init(name: String, description: String, schema: JSONValue) {
        self.name = name
        self.description = description
        self.parametersSchema = schema
    }

    var calls: [Call] { recorded.withLock { $0 } }

    func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        let violations = SchemaValidator.violations(of: arguments, against: parametersSchema)
        recorded.withLock { $0.append(Call(arguments: arguments, violations: violations)) }
        return violations.isEmpty ? ToolResult("ok") : .error(violations.joined(separator: "; "))
    }
}
