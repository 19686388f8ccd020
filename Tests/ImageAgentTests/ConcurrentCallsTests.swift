import AgentCore
import SparkJSON
import Testing

@testable import ImageAgent

extension ImageAgentTests {
    /// Image tools called at once from many workspaces, each making its image with ImageMagick, reading it
    /// with Tesseract and libvips and stopping its scripted server while the others still run children and
    /// write files: a descriptor closed twice anywhere (it once was, by the scripted server's second `stop`)
    /// lands on another call's pipe or file and fails it (SIGPIPE, a truncated image).
    @Suite struct ConcurrentCallsTests {
        @Test func manyWorkspacesCallTheToolsAtOnce() async throws {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<6 {
                    group.addTask { try await Self.roundTrip(index) }
                }
                try await group.waitForAll()
            }
        }

        /// ImageMagick makes a CMYK JPEG and a text page; metadata, OCR and a comparison read them back.
        private static func roundTrip(_ index: Int) async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.run(
                ImageWorkspace.convert, ["-size", "48x32", "xc:#3060c0", "-colorspace", "CMYK", "cmyk.jpg"])
            try await workspace.run(ImageWorkspace.convert, ["-size", "48x32", "xc:#3060c0", "rgb.png"])
            let metadata = try await workspace.call("get_image_metadata", ["image_path": "cmyk.jpg"])
            #expect(metadata.value?["colourSpace"] == "CMYK", "\(index): \(metadata.content)")
            workspace.model.enqueue(.text("The same blue."))
            let compared = try await workspace.call("compare_images", ["image_paths": ["rgb.png", "cmyk.jpg"]])
            #expect(!compared.isError, "\(index): \(compared.content)")
            let word = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"][index]
            try await workspace.writeText("Build \(word) failed", to: "page.png")
            let text = try await workspace.call("extract_text", ["image_path": "page.png"])
            #expect(!text.isError && text.value?["reader"] == "tesseract", "\(index): \(text.content)")
            #expect(text.content.contains("Build \(word) failed"), "\(index): \(text.content)")
        }
    }
}
