/// Options of a `CreateFile` operation.
public struct CreateFileOptions: Codable, Hashable, Sendable {
    public var overwrite: Bool?
    public var ignoreIfExists: Bool?

    public init(overwrite: Bool? = nil, ignoreIfExists: Bool? = nil) {
        self.overwrite = overwrite
        self.ignoreIfExists = ignoreIfExists
    }
}
