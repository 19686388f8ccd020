#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AgentCore

extension AgentService {
    /// The agents as configured now (tools built against a read-only editor view).
    func agents(_ context: ServerContext) throws -> AgentsResult {
        let (configuration, settings) = try resolve(context)
        let environment = CodingToolsEnvironment(
            workspaceRoot: configuration.workspaceDir ?? FileManager.default.currentDirectoryPath,
            editor: LSPWorkspaceEditor(context: context), documents: context.documents,
            approval: LSPApprovalPolicy(context: context, mode: settings.approval, memory: approvals),
            enableCodeExecution: configuration.enableCodeExecution)
        let agents = registry(configuration, tools: environment, workflow: .coding).agents.map { agent in
            AgentDescription(
                name: agent.name, description: agent.description, model: agent.model, endpoint: agent.endpoint.baseURL,
                tools: agent.tools.map(\.name))
        }
        return AgentsResult(agents: agents)
    }
}
