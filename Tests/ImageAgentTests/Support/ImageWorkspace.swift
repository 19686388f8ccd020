import AgentCore
import CodingAgent
import Logging
import SparkJSON
import SparkTestSupport
import Testing
import Synchronization

@testable import ImageAgent

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A throwaway workspace with images the tests make themselves (libvips, ImageMagick, exiftool), the
/// scripted model server as the vision model, and the image tools over both.
final class ImageWorkspace: Sendable {
    let path: String
    let dataDirectory: String
    let model: ScriptedModelServer

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("spark-image-\(UUID().uuidString)").path
        dataDirectory = path + "/.spark"
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        model = try ScriptedModelServer(models: ["vision"])
    }

    func remove() {
        model.stop()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The configuration the tools run under: `vision` at the scripted server, the given limits.
    func configuration(limits: ImageLimits = ImageLimits()) throws -> SparkConfiguration {
        var configuration = try SparkConfiguration.load(
            environment: ["WORKSPACE_DIR": path, "VLLM_ENDPOINT": model.endpoint.baseURL, "IMAGE_MODEL": "vision"])
        configuration.imageLimits = limits
        return configuration
    }

    /// The image tools by name, as the image agent gets them; `path` is the `PATH` they search (for Tesseract).
    func tools(limits: ImageLimits = ImageLimits(), searchPath: String = "/usr/local/bin:/usr/bin:/bin") throws
        -> [String: any AgentTool]
    {
        let run = AgentRunContext(
            configuration: try configuration(limits: limits), editor: RecordingWorkspaceEditor(), documents: nil,
            approval: AllowAllPolicy(), environment: ["PATH": searchPath, "SPARK_DATA_DIR": dataDirectory],
            logger: .silent, client: HTTPModelClient(logger: .silent, options: HTTPModelClient.Options(maxRetries: 0)))
        let tools = try ImageAgentModule.tools(for: run)
        return Dictionary(uniqueKeysWithValues: tools.map { ($0.name, $0) })
    }

    /// Calls the tool `name` with `arguments`.
    func call(_ name: String, _ arguments: JSONValue, limits: ImageLimits = ImageLimits(), searchPath: String? = nil)
        async throws -> ToolResult
    {
        let tools = try searchPath.map { try self.tools(limits: limits, searchPath: $0) } ?? self.tools(limits: limits)
        let tool = try #require(tools[name])
        return try await tool.call(
            arguments, context: ToolContext(sessionID: "s", agentName: "image", toolCallID: "call-1"))
    }

    // MARK: Making images

    func write(_ bytes: [UInt8], to relative: String) throws {
        let file = path + "/" + relative
        let folder = String(file[..<file.lastIndex(of: "/")!])
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    func bytes(of relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative)))
    }

    /// An RGB image `width` x `height` of `background`, with `rectangle` (x, y, w, h) painted `ink`.
    static func pixels(
        width: Int, height: Int, background: (UInt8, UInt8, UInt8) = (240, 240, 240),
        rectangle: (x: Int, y: Int, width: Int, height: Int)? = nil, ink: (UInt8, UInt8, UInt8) = (20, 60, 200)
    ) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                var colour = background
                if let r = rectangle, x >= r.x, x < r.x + r.width, y >= r.y, y < r.y + r.height { colour = ink }
                // A gentle gradient so that the perceptual hash has something to see.
                let shade = UInt8((x * 30) / max(width, 1))
                let offset = (y * width + x) * 3
                (pixels[offset], pixels[offset + 1], pixels[offset + 2]) =
                    (colour.0 &- min(shade, colour.0), colour.1, colour.2)
            }
        }
        return pixels
    }

    /// Encodes RGB pixels with libvips (`.png`, `.jpg[Q=90]`, `.webp`, `.tif`, `.gif`) and writes them.
    func writeImage(_ relative: String, pixels: [UInt8], width: Int, height: Int, suffix: String) async throws {
        let bytes = try await Vips.run {
            try VipsImage.fromPixels(pixels, width: width, height: height, bands: 3).encode(suffix)
        }
        try write(bytes, to: relative)
    }

    /// Text rendered into a PNG by libvips (Pango), for OCR.
    func writeText(_ text: String, to relative: String, dpi: Int = 300) async throws {
        let bytes = try await Vips.run { try VipsImage.renderText(text, dpi: dpi).encode(".png") }
        try write(bytes, to: relative)
    }

    /// Runs a program (ImageMagick, exiftool) and fails the test when it fails.
    func run(_ program: String, _ arguments: [String]) async throws {
        let outcome = try await ProcessRunner().run(
            ProcessSpec(
                executable: program, arguments: arguments, workingDirectory: path,
                environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"], timeout: .seconds(60)))
        guard outcome.termination.isSuccess else {
            throw ImageError("\(program) \(arguments.joined(separator: " ")) failed: \(outcome.standardError.text)")
        }
    }

    /// A 24-bit BMP of RGB pixels (written by hand: libvips saves no BMP).
    static func bmp(_ pixels: [UInt8], width: Int, height: Int) -> [UInt8] {
        let row = (width * 3 + 3) / 4 * 4
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        var bytes: [UInt8] = Array("BM".utf8) + le32(54 + row * height) + le32(0) + le32(54)
        bytes += le32(40) + le32(width) + le32(height) + [1, 0, 24, 0] + le32(0) + le32(row * height)
        bytes += le32(2835) + le32(2835) + le32(0) + le32(0)
        for y in (0..<height).reversed() {
            for x in 0..<width {
                let offset = (y * width + x) * 3
                bytes += [pixels[offset + 2], pixels[offset + 1], pixels[offset]]
            }
            bytes += [UInt8](repeating: 0, count: row - width * 3)
        }
        return bytes
    }

    /// ImageMagick's own `convert` (the Debian package's).
    static let convert = "/usr/bin/convert"

    /// A PNG whose header declares `width` x `height` (a decompression bomb: a few hundred bytes claiming a
    /// canvas far over the decoding limit).
    func writeBomb(_ relative: String, width: UInt32, height: UInt32) async throws {
        var bytes = try await Vips.run {
            try VipsImage.fromPixels([0, 0, 0], width: 1, height: 1, bands: 3).encode(".png")
        }
        // IHDR's data starts at byte 16: width, height (big-endian); its CRC follows the 13 data bytes.
        for (index, value) in [width, height].enumerated() {
            for byte in 0..<4 { bytes[16 + index * 4 + byte] = UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32(byte))) }
        }
        let crc = CRC32.checksum(bytes[12..<29])
        for byte in 0..<4 { bytes[29 + byte] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * UInt32(byte))) }
        try write(bytes, to: relative)
    }
}

/// PNG's CRC-32 (for the hand-made bomb header).
enum CRC32 {
    static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
