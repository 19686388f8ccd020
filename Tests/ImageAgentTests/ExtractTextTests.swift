import AgentCore
import SparkJSON
import Testing

@testable import ImageAgent

extension ImageAgentTests {
    /// `extract_text`: Tesseract reads text rendered by libvips, in reading order with confidence; without
    /// Tesseract the vision model transcribes, and the answer says so.
    @Suite struct ExtractTextTests {
        @Test func tesseractReadsTheLinesInOrderWithTheirConfidence() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeText("TypeError: value is undefined\nat parseConfig line 42", to: "error.png")
            let result = try await workspace.call("extract_text", ["image_path": "error.png"])
            #expect(!result.isError, "\(result.content)")
            #expect(result.value?["reader"] == "tesseract")
            guard case .array(let lines)? = result.value?["lines"] else {
                Issue.record("no lines: \(result.content)")
                return
            }
            #expect(lines.count == 2, "\(result.content)")
            #expect(lines.first?["text"] == "TypeError: value is undefined", "\(result.content)")
            #expect(lines.last?["text"] == "at parseConfig line 42", "\(result.content)")
            #expect(lines.allSatisfy { ($0["confidence"]?.doubleValue ?? 0) > 60 })
            #expect(result.content.contains("Read by Tesseract (eng)"))
            #expect(workspace.model.requests.isEmpty)
        }

        @Test func aBadLanguageIsRejectedBeforeTesseractRuns() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeText("hello", to: "a.png")
            let result = try await workspace.call("extract_text", ["image_path": "a.png", "language": "--psm 0"])
            #expect(result.isError && result.content.contains("language must be"))
            let missing = try await workspace.call("extract_text", ["image_path": "a.png", "language": "xyz"])
            #expect(missing.isError && missing.content.contains("tesseract failed"), "\(missing.content)")
        }

        @Test func withoutTesseractTheVisionModelReadsAndTheAnswerSaysSo() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeText("hello", to: "a.png")
            workspace.model.enqueue(.text("hello"))
            let result = try await workspace.call("extract_text", ["image_path": "a.png"], searchPath: "/nonexistent")
            #expect(result.value?["reader"] == "vision-model")
            #expect(result.content.contains("Read by the vision model (Tesseract is not installed"))
            let body = workspace.model.requests.last?.body
            #expect(SentImages.urls(in: body).count == 1)
        }
    }
}
