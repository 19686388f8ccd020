import SparkJSON

/// LSP's `LSPAny`: any JSON value (SparkJSON's `JSONValue`).
public typealias LSPAny = JSONValue
