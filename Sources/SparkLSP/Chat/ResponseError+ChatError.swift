import AgentCore

extension ResponseError {
    /// The JSON-RPC error of a failed chat request; a bad configuration, a storage failure or a failed run is
    /// also shown to the user with `window/showMessage` (a request the client itself got wrong is not).
    init(_ error: ChatError, context: ServerContext) {
        switch error.code {
        case .invalidRequest, .invalidAttachment:
            self = .invalidParams(error.message)
        case .configuration:
            let text = "Spark: \(error.message)"
            context.showMessage(.error, text)
            self.init(code: .invalidParams, message: text)
        default:
            let text = "Spark: \(error.message)"
            context.showMessage(.error, text)
            self.init(code: .internalError, message: text)
        }
    }
}
