import AgentCore
import SparkJSON

/// `extract_text(image_path, language)`: OCR, lines in reading order with their confidence. Tesseract reads
/// the text when installed; otherwise the vision model transcribes it, and the answer says which did.
struct ExtractTextTool: TypedAgentTool {
    let toolkit: ImageToolkit

    var name: String { "extract_text" }

    var description: String {
        """
        Read the text in an image (OCR): lines in reading order, each with its confidence (0-100). Use it for \
        screenshots of errors, logs and terminals, scanned pages and photos of text. `language` takes Tesseract \
        codes (default `eng`).
        """
    }

    func run(_ arguments: ExtractTextArguments, context: ToolContext) async throws -> ToolResult {
        let language = arguments.language.flatMap { $0.isEmpty ? nil : $0 } ?? "eng"
        guard TesseractReader.validLanguage(language) else {
            return .error("language must be Tesseract codes joined by +, such as eng or deu+eng; got \(language)")
        }
        do {
            guard toolkit.tesseract.executable != nil else { return try await byVisionModel(arguments.imagePath) }
            let (page, notes) = try await grey(arguments.imagePath)
            let text = try await toolkit.tesseract.read(page: page, language: language)
            var lines = notes.map { "Note: \($0)." }
            lines.append(
                "Read by Tesseract (\(language)): \(text.lines.count) line\(text.lines.count == 1 ? "" : "s") in reading order, [confidence] text:")
            lines += text.lines.map { "[\(Int($0.confidence.rounded()))] \($0.text)" }
            if text.lines.isEmpty { lines.append("(no text found)") }
            let value: JSONValue = [
                "reader": "tesseract", "language": .string(language),
                "lines": .array(
                    text.lines.map { ["text": .string($0.text), "confidence": .double($0.confidence)] }),
            ]
            return ToolResult(lines.joined(separator: "\n"), value: value)
        } catch {
            return ImageToolkit.failure(error)
        }
    }

    /// The first frame as an 8-bit grey PNG, for Tesseract.
    private func grey(_ path: String) async throws -> (page: [UInt8], notes: [String]) {
        let locator = toolkit.locator
        return try await Vips.run {
            let file = try locator.open(path)
            return try ImageToolkit.naming(file.shownPath) { () throws(ImageError) in
                let (image, metadata) = try ImageDecoding.decodable(file)
                return (try image.srgb8(grey: true).encode(".png[compression=1]"), ImageDecoding.notes(metadata))
            }
        }
    }

    /// Tesseract is absent: the vision model transcribes the text.
    private func byVisionModel(_ path: String) async throws -> ToolResult {
        let question = """
            Transcribe every piece of text in this image exactly, line by line, in reading order (top to bottom, \
            left to right). Write nothing else. Mark a word you cannot read with [?].
            """
        let (answer, images) = try await toolkit.ask(question, about: [path])
        return ToolResult(
            ImageToolkit.notes(images)
                + "Read by the vision model (Tesseract is not installed; no confidence figures):\n" + answer,
            value: ["reader": "vision-model", "text": .string(answer)])
    }
}
