import AgentCore

/// A bad argument to an analysis tool; its message goes back to the model.
struct AnalysisArgumentError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
