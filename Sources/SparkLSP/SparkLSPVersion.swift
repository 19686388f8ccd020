import AgentCore

/// The version `spark-lsp --version` prints and `initialize` reports as `serverInfo.version`.
public let sparkLSPVersion = sparkVersion
