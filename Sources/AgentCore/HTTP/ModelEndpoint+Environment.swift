extension ModelEndpoint {
    /// The API key from the environment: `VLLM_API_KEY`, else `OPENAI_API_KEY`; empty values count as unset.
    public static func apiKey(fromEnvironment environment: [String: String]) -> String? {
        for name in ["VLLM_API_KEY", "OPENAI_API_KEY"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return nil
    }
}
