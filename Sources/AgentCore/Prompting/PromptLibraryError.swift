/// Why a prompt could not be loaded or rendered.
public struct PromptLibraryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// No prompts directory was found.
        public static let directoryNotFound = Code(rawValue: "directoryNotFound")
        /// The file exists but could not be read as UTF-8 text.
        public static let unreadable = Code(rawValue: "unreadable")
        /// A strict render found placeholders without values.
        public static let missingValues = Code(rawValue: "missingValues")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
