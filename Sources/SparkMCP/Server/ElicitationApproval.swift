import AgentCore
import MCP

/// Approvals as MCP elicitation: the host asks its user whether a command may run (`elicitation/create` with one
/// boolean field). A host that cannot elicit gets the service policy instead (`SparkMCPServer.approval`).
struct ElicitationApproval: ApprovalPolicy {
    let server: Server

    func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
        let schema = Elicitation.RequestSchema(
            title: "Run \(request.tool)?",
            properties: ["approve": .object(["type": "boolean", "title": "Run it", "default": false])],
            required: ["approve"])
        do {
            let answer = try await server.requestElicitation(
                message: "SparkLSP's agent wants to run \(request.tool):\n\(request.detail)", requestedSchema: schema)
            guard answer.action == .accept, answer.content?["approve"]?.boolValue == true else {
                return .deny(reason: "the user declined \(request.tool)")
            }
            return .allow
        } catch {
            return .deny(reason: "the host did not answer the approval request: \(error)")
        }
    }
}
