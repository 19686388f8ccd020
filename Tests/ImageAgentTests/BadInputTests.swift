import AgentCore
import SparkJSON
import Testing

@testable import ImageAgent

extension ImageAgentTests {
    /// Every bad input is a clear error or a handled case; nothing crashes and nothing over the limits reaches
    /// the model.
    @Suite struct BadInputTests {
        /// Calls `describe_image` on `path` and returns the result and how many requests the model received.
        func describe(_ workspace: ImageWorkspace, _ path: String) async throws -> (ToolResult, Int) {
            let before = workspace.model.requests.count
            let result = try await workspace.call("describe_image", ["image_path": .string(path)])
            return (result, workspace.model.requests.count - before)
        }

        @Test func truncatedAndCorruptFilesFailClearlyAndReachNoModel() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeImage(
                "whole.jpg", pixels: ImageWorkspace.pixels(width: 300, height: 200), width: 300, height: 200, suffix: ".jpg")
            let whole = try workspace.bytes(of: "whole.jpg")
            try workspace.write(Array(whole.prefix(whole.count / 2)), to: "truncated.jpg")
            try await workspace.writeImage(
                "whole.png", pixels: ImageWorkspace.pixels(width: 300, height: 200), width: 300, height: 200, suffix: ".png")
            var png = try workspace.bytes(of: "whole.png")
            for index in 60..<png.count - 20 { png[index] = UInt8(truncatingIfNeeded: index * 7) }
            try workspace.write(png, to: "corrupt.png")
            for path in ["truncated.jpg", "corrupt.png"] {
                let (result, requests) = try await describe(workspace, path)
                #expect(result.isError && result.content.contains(path), "\(path): \(result.content)")
                #expect(requests == 0)
            }
        }

        @Test func filesThatAreNotImagesOrInAnotherFormatAreNamedAsSuch() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try workspace.write(Array("just some notes\n".utf8), to: "notes.png")
            try workspace.write(Array("P6\n2 2\n255\n".utf8) + [UInt8](repeating: 9, count: 12), to: "picture.ppm")
            try workspace.write([], to: "empty.png")
            for path in ["notes.png", "picture.ppm"] {
                let (result, requests) = try await describe(workspace, path)
                #expect(
                    result.content == "error: \(path) is not an image in a supported format (PNG, JPEG, GIF, WebP, TIFF, BMP)",
                    "\(result.content)")
                #expect(requests == 0)
            }
            #expect(try await describe(workspace, "empty.png").0.content == "error: empty.png is empty")
            #expect(try await describe(workspace, "missing.png").0.content.contains("cannot open missing.png"))
        }

        @Test func aDecompressionBombIsRefusedFromItsHeader() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeBomb("bomb.png", width: 60_000, height: 60_000)
            let (result, requests) = try await describe(workspace, "bomb.png")
            #expect(result.content.contains("declares 60000 x 60000 pixels, over the decoding limit"), "\(result.content)")
            #expect(result.content.contains("decompression bomb"))
            #expect(requests == 0)
            let compared = try await workspace.call("compare_images", ["image_paths": ["bomb.png", "bomb.png"]])
            #expect(compared.isError && compared.content.contains("decompression bomb"))
            let read = try await workspace.call("extract_text", ["image_path": "bomb.png"])
            #expect(read.isError && read.content.contains("decompression bomb"))
        }

        @Test func anAnimatedGIFSendsItsFirstFrameAndSaysSo() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.run(
                ImageWorkspace.convert, ["-delay", "10", "-size", "32x32", "xc:red", "xc:blue", "anim.gif"])
            workspace.model.enqueue(.text("A red square."))
            let (result, requests) = try await describe(workspace, "anim.gif")
            #expect(result.content.hasPrefix("Note: anim.gif has 2 frames (an animated GIF); only the first was read."))
            #expect(result.content.hasSuffix("A red square."))
            #expect(requests == 1)
            #expect(SentImages.urls(in: workspace.model.requests.last?.body).count == 1)
        }

        @Test func sixteenBitAndCMYKImagesAreSentAsEightBitSRGB() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.run(ImageWorkspace.convert, ["-size", "48x32", "gradient:red-blue", "-depth", "16", "PNG48:deep.png"])
            try await workspace.run(ImageWorkspace.convert, ["-size", "48x32", "xc:red", "-colorspace", "CMYK", "cmyk.jpg"])
            for (path, note) in [("deep.png", "is 16-bit; it was reduced to 8-bit"), ("cmyk.jpg", "is CMYK; it was converted to sRGB")] {
                workspace.model.enqueue(.text("Seen."))
                let (result, _) = try await describe(workspace, path)
                #expect(result.content.contains(note), "\(result.content)")
                let sent = try #require(SentImages.firstImage(in: workspace.model.requests.last?.body))
                try workspace.write(sent, to: "sent-\(path).bin")
                let metadata = try await workspace.call("get_image_metadata", ["image_path": .string("sent-\(path).bin")])
                #expect(metadata.value?["colourSpace"] == "sRGB" && metadata.value?["bitDepth"] == 8, "\(metadata.content)")
            }
        }

        @Test func noiseThatDoesNotFitTheByteLimitIsShrunkUntilItDoes() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            var noise = [UInt8](repeating: 0, count: 256 * 256 * 3)
            var state: UInt32 = 12345
            for index in noise.indices {
                state = state &* 1_103_515_245 &+ 12345
                noise[index] = UInt8(truncatingIfNeeded: state >> 16)
            }
            try await workspace.writeImage("noise.png", pixels: noise, width: 256, height: 256, suffix: ".png")
            workspace.model.enqueue(.text("Noise."))
            let result = try await workspace.call(
                "describe_image", ["image_path": "noise.png"], limits: ImageLimits(maxPixels: 65536, maxBytes: 16384))
            #expect(!result.isError, "\(result.content)")
            let sent = try #require(SentImages.firstImage(in: workspace.model.requests.last?.body))
            #expect(sent.count <= 16384 && ImageFormat(sniffing: sent) == .jpeg)
        }
    }
}
