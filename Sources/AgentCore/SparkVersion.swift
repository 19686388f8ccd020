/// The version of every SparkLSP program (`spark-lsp --version`, `initialize`'s `serverInfo`, the HTTP service,
/// the model client's `User-Agent`).
public let sparkVersion = "0.1.0"
