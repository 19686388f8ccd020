import Foundation
import MCP
import SparkJSON

extension MCP.Value {
    /// The SDK's value for one of ours (through their shared JSON text).
    init(json: JSONValue) throws {
        self = try JSONDecoder().decode(MCP.Value.self, from: Data(json.serialized().utf8))
    }
}

extension JSONValue {
    /// Our value for one of the SDK's (through their shared JSON text).
    init(mcp value: MCP.Value) throws {
        self = try JSONValue(parsing: JSONEncoder().encode(value))
    }
}
