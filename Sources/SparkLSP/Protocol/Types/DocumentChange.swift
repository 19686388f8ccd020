/// One entry of `WorkspaceEdit.documentChanges`: a text edit or a file operation.
public enum DocumentChange: Codable, Hashable, Sendable {
    case textDocumentEdit(TextDocumentEdit)
    case createFile(CreateFile)
    case deleteFile(DeleteFile)

    private enum CodingKeys: String, CodingKey { case kind }

    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .kind)
        switch kind {
        case "create": self = .createFile(try CreateFile(from: decoder))
        case "delete": self = .deleteFile(try DeleteFile(from: decoder))
        case nil: self = .textDocumentEdit(try TextDocumentEdit(from: decoder))
        case let other?:
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unsupported kind \(other)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .textDocumentEdit(let edit): try edit.encode(to: encoder)
        case .createFile(let create): try create.encode(to: encoder)
        case .deleteFile(let delete): try delete.encode(to: encoder)
        }
    }
}
