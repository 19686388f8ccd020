/// Options of a `DeleteFile` operation.
public struct DeleteFileOptions: Codable, Hashable, Sendable {
    public var recursive: Bool?
    public var ignoreIfNotExists: Bool?

    public init(recursive: Bool? = nil, ignoreIfNotExists: Bool? = nil) {
        self.recursive = recursive
        self.ignoreIfNotExists = ignoreIfNotExists
    }
}
