import AgentCore

/// The image agent's model (`IMAGE_MODEL`, `agents.image`), asked about images directly: one non-streamed
/// request whose user message holds the question and `image_url` parts with data URLs.
struct VisionModel: Sendable {
    let client: any ModelClient
    let model: String
    let endpoint: ModelEndpoint
    /// The most tokens of an answer.
    var maxTokens: Int = 1024

    /// The model's answer about `images`.
    /// - Throws: `ImageError`; a model that refuses images gets the actionable message (`IMAGE_MODEL ...
    ///   does not accept images: set IMAGE_MODEL to a vision model`).
    func ask(_ question: String, images: [ModelImage]) async throws -> String {
        var parts: [ContentPart] = [.text(question)]
        for (index, image) in images.enumerated() {
            if images.count > 1 { parts.append(.text("Image \(index + 1): \(image.path)")) }
            parts.append(image.part)
        }
        let request = ChatRequest(
            model: model, messages: [ChatMessage(role: .user, content: .parts(parts))], maxTokens: maxTokens,
            temperature: 0, stream: false, includeUsage: false)
        do {
            let completion = try await client.chat(request, endpoint: endpoint)
            let text = completion.message.text
            guard !text.isEmpty else { throw ImageError("the vision model \(model) answered with no text") }
            return text
        } catch let error as LLMError {
            throw Self.explain(error, model: model)
        }
    }

    /// A text-only model answers an image with HTTP 400 (vLLM: `<model> is not a multimodal model`).
    static func explain(_ error: LLMError, model: String) -> ImageError {
        let message = error.message.lowercased()
        if error.httpStatus == 400,
            ["multimodal", "image", "vision"].contains(where: { message.contains($0) })
        {
            return ImageError(
                "IMAGE_MODEL \(model) does not accept images: set IMAGE_MODEL to a vision model (the server said: \(error.message))")
        }
        return ImageError("the vision model \(model) failed: \(error)")
    }
}
