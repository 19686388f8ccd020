import AgentCore

/// Why an edit could not be made, worded for the model.
struct FileEditProblem: Error {
    var message: String

    init(_ message: String) { self.message = message }
}
