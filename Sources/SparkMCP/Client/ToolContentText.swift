import MCP

/// The text a model gets for an MCP tool result: text parts as they are, the others described.
enum ToolContentText {
    static func text(of content: [Tool.Content]) -> String {
        content.map { part in
            switch part {
            case .text(let text, _, _): return text
            case .image(let data, let mimeType, _, _): return "[image \(mimeType), \(data.count * 3 / 4) bytes]"
            case .audio(let data, let mimeType, _, _): return "[audio \(mimeType), \(data.count * 3 / 4) bytes]"
            case .resource(let resource, _, _):
                return resource.text ?? "[resource \(resource.uri)]"
            case .resourceLink(let uri, let name, _, _, _, _): return "[resource link \(name): \(uri)]"
            }
        }.joined(separator: "\n")
    }
}
