import AgentCore

extension ChatFrontEnd {
    /// The answers of the trust question.
    static let trustWorkspace = "Trust this workspace"
    static let keepIgnoring = "Not now"

    /// When the workspace's own configuration file sets settings that apply only in a trusted workspace
    /// (`endpoint`, `apiKey`, ...), asks the user once per version of the file, with
    /// `window/showMessageRequest`, whether to trust the workspace. Trusting applies them from this run on;
    /// otherwise they stay ignored and the user is told which.
    func confirmTrust(_ surface: ChatSurface, context: ServerContext) async {
        guard let untrusted = try? service.configuration(on: surface).untrusted,
            markAsked(untrusted.file + "\u{0}" + untrusted.text)
        else { return }
        let question =
            "Spark: \(untrusted.file) sets \(untrusted.ignored.joined(separator: ", ")). A workspace's own settings may change where your requests and API key go, so they apply only once you trust the workspace."
        let answer: String?
        do {
            answer = try await context.send(
                ShowMessageRequest(
                    type: .warning, message: question,
                    actions: [
                        MessageActionItem(title: Self.trustWorkspace), MessageActionItem(title: Self.keepIgnoring),
                    ]),
                timeout: LSPApprovalPolicy.answerTimeout)?.title
        } catch {
            answer = nil
        }
        guard answer == Self.trustWorkspace else {
            context.showMessage(.warning, "Spark: \(untrusted.message)")
            return
        }
        do {
            try service.configurations.trust(untrusted)
            context.showMessage(.info, "Spark: trusted \(untrusted.workspace); its settings apply")
        } catch {
            context.showMessage(.error, "Spark: \(error.message)")
        }
    }
}
