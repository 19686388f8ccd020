import AgentCore

/// What a `memory` call does.
enum MemoryCommand: String, SchemaEnumeration, Sendable {
    case view
    case create
    case strReplace = "str_replace"
    case insert
    case delete
    case rename
}
