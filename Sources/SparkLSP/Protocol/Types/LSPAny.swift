@_exported import enum AgentCore.JSONValue

/// LSP's `LSPAny`: any JSON value (the one JSON value type of AgentCore, re-exported).
public typealias LSPAny = JSONValue
