/// Why an image given with a chat request cannot be attached: it becomes `ChatError.invalidRequest`.
struct ImageAttachmentError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
