import SparkJSON

/// Server to client: `client/registerCapability`, registering capabilities dynamically (file watchers).
public struct RegisterCapabilityRequest: LSPRequest, Hashable {
    public static let method = "client/registerCapability"
    public typealias Response = VoidResponse

    /// One registration.
    public struct Registration: Codable, Hashable, Sendable {
        public var id: String
        public var method: String
        public var registerOptions: JSONValue?

        public init(id: String, method: String, registerOptions: JSONValue?) {
            self.id = id
            self.method = method
            self.registerOptions = registerOptions
        }
    }

    public var registrations: [Registration]

    public init(registrations: [Registration]) {
        self.registrations = registrations
    }
}
