import AgentCore
import SparkJSON
import Testing

@testable import ImageAgent

extension ImageAgentTests {
    /// `compare_images`: two images differing in a known rectangle.
    @Suite struct CompareImagesTests {
        @Test func theChangedRectangleIsFoundMeasuredAndDrawn() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            let (width, height) = (200, 120)
            try await workspace.writeImage(
                "before.png", pixels: ImageWorkspace.pixels(width: width, height: height), width: width, height: height,
                suffix: ".png")
            try await workspace.writeImage(
                "after.png",
                pixels: ImageWorkspace.pixels(width: width, height: height, rectangle: (x: 50, y: 30, width: 40, height: 20)),
                width: width, height: height, suffix: ".png")
            workspace.model.enqueue(.text("A blue box appeared."))
            let result = try await workspace.call(
                "compare_images", ["image_paths": ["before.png", "after.png"], "difference_image": "out/diff.png"])
            #expect(!result.isError, "\(result.content)")
            guard case .array(let comparisons)? = result.value, let comparison = comparisons.first else {
                Issue.record("no value: \(result.content)")
                return
            }
            #expect(comparison["changedPixels"] == 800)
            #expect(comparison["regions"] == [["x": 50, "y": 30, "width": 40, "height": 20]])
            #expect(result.content.contains("changed pixels: 800 of 24000 (3.3%)"))
            #expect(result.content.contains("The vision model's account:\nA blue box appeared."))
            #expect(SentImages.urls(in: workspace.model.requests.last?.body).count == 2)
            let picture = try workspace.bytes(of: "out/diff.png")
            #expect(ImageFormat(sniffing: picture) == .png)
            let metadata = try await workspace.call("get_image_metadata", ["image_path": "out/diff.png"])
            #expect(metadata.value?["width"] == 200 && metadata.value?["height"] == 120)
        }

        @Test func identicalImagesInTwoFormatsAreAlike() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            let pixels = ImageWorkspace.pixels(width: 64, height: 64, rectangle: (x: 10, y: 10, width: 20, height: 30))
            try await workspace.writeImage("a.png", pixels: pixels, width: 64, height: 64, suffix: ".png")
            try await workspace.writeImage("b.jpg", pixels: pixels, width: 64, height: 64, suffix: ".jpg[Q=95]")
            workspace.model.enqueue(.text("Nothing changed."))
            let result = try await workspace.call("compare_images", ["image_paths": ["a.png", "b.jpg"]])
            guard case .array(let comparisons)? = result.value else {
                Issue.record("no value: \(result.content)")
                return
            }
            #expect((comparisons[0]["hashDistance"]?.intValue ?? 64) <= 5, "\(result.content)")
            #expect(comparisons[0]["changedPixels"] == 0, "\(result.content)")
            #expect(result.content.contains("format: PNG vs JPEG"))
        }

        @Test func theDifferencePictureStaysInsideTheWorkspaceAndOffProtectedPaths() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            let pixels = ImageWorkspace.pixels(width: 8, height: 8)
            try await workspace.writeImage("a.png", pixels: pixels, width: 8, height: 8, suffix: ".png")
            try await workspace.writeImage("b.png", pixels: pixels, width: 8, height: 8, suffix: ".png")
            for target in ["../diff.png", ".git/hooks/diff.png"] {
                let result = try await workspace.call(
                    "compare_images", ["image_paths": ["a.png", "b.png"], "difference_image": .string(target)])
                #expect(result.content.hasPrefix("refused:"), "\(target): \(result.content)")
            }
        }
    }
}
