import AgentCore

/// What a `file_write` call does.
enum FileWriteOperation: String, SchemaEnumeration, Sendable {
    case create
    case overwrite
    case strReplace = "str_replace"
    case insert
    case append
    case delete
}
