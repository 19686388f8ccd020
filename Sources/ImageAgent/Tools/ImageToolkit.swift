import AgentCore
import CodingAgent

/// What the image tools share for one run: where images are found, the limits of what the vision model
/// receives, the vision model itself (absent when the front end has no model client) and Tesseract.
struct ImageToolkit: Sendable {
    let locator: ImageLocator
    let limits: ImageLimits
    let vision: VisionModel?
    let tesseract: TesseractReader

    /// Reads `path`'s header (no pixel decoded).
    func metadata(_ path: String) async throws -> ImageMetadata {
        let locator = locator
        return try await Vips.run {
            let file = try locator.open(path)
            return try ImageDecoding.metadata(of: file)
        }
    }

    /// `path` made ready for the vision model.
    func modelImage(_ path: String) async throws -> ModelImage {
        let (locator, limits) = (locator, limits)
        return try await Vips.run {
            let file = try locator.open(path)
            return try Self.naming(file.shownPath) { () throws(ImageError) in try ModelImage.prepare(file, limits: limits) }
        }
    }

    /// Runs `body`, its errors naming the image (a decoder's message says nothing of which file failed).
    static func naming<T>(_ path: String, _ body: () throws(ImageError) -> T) throws(ImageError) -> T {
        do {
            return try body()
        } catch where !error.message.contains(path) {
            throw ImageError("\(path) cannot be read: \(error.message)", isRefusal: error.isRefusal)
        }
    }

    /// Asks the vision model about the images at `paths`.
    func ask(_ question: String, about paths: [String]) async throws -> (answer: String, images: [ModelImage]) {
        guard let vision else { throw ImageError("no vision model is available to this front end") }
        var images: [ModelImage] = []
        for path in paths { images.append(try await modelImage(path)) }
        return (try await vision.ask(question, images: images), images)
    }

    /// A failed image call as the tool's result: `refused:` for a path that leads outside.
    static func failure(_ error: any Error) -> ToolResult {
        if let error = error as? ImageError {
            return error.isRefusal ? .refused(error.message) : .error(error.message)
        }
        if error is CancellationError { return .error("cancelled") }
        return .error("\(error)")
    }

    /// The notes on how the images were read, as lines to prepend to an answer.
    static func notes(_ images: [ModelImage]) -> String {
        let notes = images.flatMap(\.notes)
        return notes.isEmpty ? "" : notes.map { "Note: \($0)." }.joined(separator: "\n") + "\n"
    }
}
