/// How calls to an MCP server's tool are decided (`mcpServers.<name>.approval`, `mcpServers.<name>.tools.<tool>`):
/// the same three answers as `bash`.
public enum MCPApproval: String, Hashable, Sendable, CaseIterable {
    /// Ask the user through the front end's approval policy (the default).
    case ask
    /// Run without asking.
    case allow
    /// Refuse: the model gets a `refused:` result.
    case deny
}
