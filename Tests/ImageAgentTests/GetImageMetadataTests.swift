import AgentCore
import SparkJSON
import Testing

@testable import ImageAgent

#if canImport(Glibc)
    import Glibc
#endif

extension ImageAgentTests {
    /// `get_image_metadata`: what the headers say, for each format, with EXIF written by exiftool.
    @Suite struct GetImageMetadataTests {
        @Test func eachFormatReportsItsSizeAndColourSpace() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            let pixels = ImageWorkspace.pixels(width: 40, height: 30)
            let formats: [(String, String, String)] = [
                ("a.png", ".png", "png"), ("a.jpg", ".jpg[Q=90]", "jpeg"), ("a.gif", ".gif", "gif"),
                ("a.webp", ".webp", "webp"), ("a.tif", ".tif", "tiff"),
            ]
            for (name, suffix, format) in formats {
                try await workspace.writeImage(name, pixels: pixels, width: 40, height: 30, suffix: suffix)
                let result = try await workspace.call("get_image_metadata", ["image_path": .string(name)])
                #expect(!result.isError, "\(name): \(result.content)")
                #expect(result.value?["format"] == .string(format))
                #expect(result.value?["width"] == 40 && result.value?["height"] == 30)
                #expect(result.value?["frames"] == 1)
            }
            try workspace.write(ImageWorkspace.bmp(pixels, width: 40, height: 30), to: "a.bmp")
            let bmp = try await workspace.call("get_image_metadata", ["image_path": "a.bmp"])
            #expect(bmp.value?["format"] == "bmp" && bmp.value?["width"] == 40, "\(bmp.content)")
        }

        @Test func exifCameraLensDateOrientationAndGPS() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeImage(
                "photo.jpg", pixels: ImageWorkspace.pixels(width: 64, height: 48), width: 64, height: 48, suffix: ".jpg")
            try await workspace.run(
                "/usr/bin/exiftool",
                [
                    "-q", "-overwrite_original", "-Make=Canon", "-Model=Canon EOS R5", "-LensModel=RF24-105mm F4 L IS USM",
                    "-DateTimeOriginal=2024:05:06 07:08:09", "-Orientation#=6", "-GPSLatitude=48.85",
                    "-GPSLatitudeRef=N", "-GPSLongitude=2.35", "-GPSLongitudeRef=E", "photo.jpg",
                ])
            let result = try await workspace.call("get_image_metadata", ["image_path": "photo.jpg"])
            let exif = try #require(result.value?["exif"])
            #expect(exif["make"] == "Canon" && exif["model"] == "Canon EOS R5", "\(result.content)")
            #expect(exif["lens"] == "RF24-105mm F4 L IS USM")
            #expect(exif["date"] == "2024:05:06 07:08:09")
            #expect(exif["orientation"] == 6 && exif["gps"] == true)
            #expect(result.content.contains("GPS position: present"))

            try await workspace.writeImage(
                "plain.jpg", pixels: ImageWorkspace.pixels(width: 8, height: 8), width: 8, height: 8, suffix: ".jpg[strip]")
            let plain = try await workspace.call("get_image_metadata", ["image_path": "plain.jpg"])
            #expect(plain.value?["exif"]?["present"] == false && plain.content.contains("EXIF: none"))
        }

        @Test func framesBitDepthAndCMYKComeFromTheHeaders() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.run(
                ImageWorkspace.convert, ["-delay", "10", "-size", "16x16", "xc:red", "xc:blue", "xc:green", "anim.gif"])
            try await workspace.run(ImageWorkspace.convert, ["-size", "16x16", "gradient:red-blue", "-depth", "16", "PNG48:deep.png"])
            try await workspace.run(ImageWorkspace.convert, ["-size", "16x16", "xc:red", "-colorspace", "CMYK", "cmyk.jpg"])
            let gif = try await workspace.call("get_image_metadata", ["image_path": "anim.gif"])
            #expect(gif.value?["frames"] == 3, "\(gif.content)")
            let deep = try await workspace.call("get_image_metadata", ["image_path": "deep.png"])
            #expect(deep.value?["bitDepth"] == 16, "\(deep.content)")
            let cmyk = try await workspace.call("get_image_metadata", ["image_path": "cmyk.jpg"])
            #expect(cmyk.value?["colourSpace"] == "CMYK", "\(cmyk.content)")
        }

        @Test func aBombIsDescribedFromItsHeaderAsTooLargeToDecode() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeBomb("bomb.png", width: 100_000, height: 100_000)
            let result = try await workspace.call("get_image_metadata", ["image_path": "bomb.png"])
            #expect(result.value?["width"] == 100_000 && result.value?["decodable"] == false, "\(result.content)")
            #expect(result.content.contains("decompression bomb"))
        }

        @Test func pathsOutsideTheWorkspaceAreRefused() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            let outside = try ImageWorkspace()
            defer { outside.remove() }
            try await outside.writeImage(
                "secret.png", pixels: ImageWorkspace.pixels(width: 4, height: 4), width: 4, height: 4, suffix: ".png")
            #expect(symlink(outside.path + "/secret.png", workspace.path + "/link.png") == 0)
            for path in ["../\(outside.path.split(separator: "/").last!)/secret.png", outside.path + "/secret.png", "link.png"] {
                let result = try await workspace.call("get_image_metadata", ["image_path": .string(path)])
                #expect(result.isError && result.content.hasPrefix("refused:"), "\(path): \(result.content)")
            }
            let forged = try await workspace.call("get_image_metadata", ["image_path": "attachment:../../etc/passwd"])
            #expect(forged.content.hasPrefix("refused:"))
        }
    }
}
