/// The routes of `ScriptedModelServer` that take scripted replies.
public enum ScriptedRoute: String, Sendable, Hashable {
    case chatCompletions = "/v1/chat/completions"
    case models = "/v1/models"
    case embeddings = "/v1/embeddings"
}
