import AgentCore
import SparkTestSupport

extension ChatEnvironment {
    /// The environment with `server` as the shared endpoint and every agent configured with the model it serves
    /// (`test-model`), so the doctor's model checks pass.
    func variablesServingEveryAgent(_ server: ScriptedModelServer) -> [String: String] {
        var variables = variables(endpoint: server.endpoint)
        variables["SUPERVISOR_MODEL"] = "test-model"
        variables["CODING_MODEL"] = "test-model"
        return variables
    }
}
