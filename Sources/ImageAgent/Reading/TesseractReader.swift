import AgentCore
import CodingAgent

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// OCR through Tesseract's command line (`tesseract-ocr`): the image is decoded by libvips first (limits,
/// formats, first frame, 8-bit grey) and written to a private temporary PNG that Tesseract reads, so Tesseract
/// never sees the workspace file itself nor a format it might mishandle.
struct TesseractReader: Sendable {
    /// Where `tesseract` is looked for (`PATH`).
    let searchPath: String
    let runner = ProcessRunner()

    /// The `tesseract` program, when installed: looked up when text is read, not when the agent is built (every
    /// run builds every agent).
    var executable: String? { ToolchainLocator(searchPath: searchPath).locate("tesseract") }

    /// A Tesseract language list (`eng`, `deu+eng`), or `nil` when `language` is not one.
    static func validLanguage(_ language: String) -> Bool {
        !language.isEmpty && language.count <= 64
            && language.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == "+" }
            && !language.hasPrefix("+")
    }

    /// Reads the text of the grey PNG `page` (bytes) in `language`.
    func read(page: [UInt8], language: String) async throws -> RecognizedText {
        guard let executable else { throw ImageError("tesseract is not installed") }
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(temporary)/spark-ocr-XXXXXX".utf8CString)
        guard let directory = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ImageError("cannot make a temporary folder for OCR")
        }
        let folder = String(cString: directory)
        let input = folder + "/page.png"
        defer {
            unlink(input)
            rmdir(folder)
        }
        do {
            try Data(page).write(to: URL(fileURLWithPath: input))
        } catch {
            throw ImageError("cannot write the page for OCR: \(error)")
        }
        let outcome = try await runner.run(
            ProcessSpec(
                executable: executable, arguments: [input, "stdout", "-l", language, "--psm", "3", "tsv"],
                workingDirectory: folder,
                environment: ["PATH": "/usr/bin:/bin", "OMP_THREAD_LIMIT": "1", "LC_ALL": "C"],
                timeout: .seconds(120), outputLimit: 4 * 1024 * 1024))
        guard outcome.termination.isSuccess else {
            let reason = outcome.standardError.text.split(whereSeparator: \.isNewline).prefix(3).joined(separator: "; ")
            throw ImageError("tesseract failed (\(outcome.termination)): \(reason)")
        }
        return RecognizedText.parsingTesseractTSV(outcome.standardOutput.text)
    }
}
