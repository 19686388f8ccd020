import AgentCore
import ArgumentParser
import CodingAgent
import ImageAgent
import Logging
import SparkJSON

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-bench image`: `get_image_metadata` over many images against `exiftool` and ImageMagick's `identify`
/// (each once over all of them), resize-and-encode of a 24-megapixel JPEG to the model limit against
/// `vipsthumbnail`, and OCR time per page, in the same run.
struct ImageBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Time image metadata, resizing for the model and OCR against exiftool, identify and vipsthumbnail.")

    @Option(help: "How many images get_image_metadata reads.")
    var images = 1_000

    @Option(help: "How many timed runs of each step (the median is reported).")
    var runs = 5

    mutating func run() async throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let tools = try Self.tools(workspace: base)
        let context = ToolContext(sessionID: "bench", agentName: "image", toolCallID: "bench")
        guard let metadataTool = tools["get_image_metadata"], let textTool = tools["extract_text"] else {
            throw ValidationError("the image agent has no get_image_metadata or extract_text tool")
        }
        try await metadata(base: base, tool: metadataTool, context: context)
        try await resize(base: base)
        try await ocr(base: base, tool: textTool, context: context)
    }

    private func metadata(base: String, tool: any AgentTool, context: ToolContext) async throws {
        let photo = try await ImagePipeline.encode(
            rgb: Self.pixels(width: 640, height: 480), width: 640, height: 480, suffix: ".jpg[Q=85]")
        try Data(photo).write(to: URL(fileURLWithPath: base + "/photo.jpg"))
        _ = SearchBenchmark.spawn([
            "/usr/bin/exiftool", "-q", "-overwrite_original", "-Make=Canon", "-Model=EOS R5", "-GPSLatitude=1",
            base + "/photo.jpg",
        ])
        let tagged = try Data(contentsOf: URL(fileURLWithPath: base + "/photo.jpg"))
        let screenshot = Data(
            try await ImagePipeline.encode(
                rgb: Self.pixels(width: 800, height: 600), width: 800, height: 600, suffix: ".png"))
        try FileManager.default.createDirectory(atPath: base + "/many", withIntermediateDirectories: true)
        var names: [String] = []
        for index in 0..<images {
            let name = index % 2 == 0 ? "many/\(index).jpg" : "many/\(index).png"
            try (index % 2 == 0 ? tagged : screenshot).write(to: URL(fileURLWithPath: base + "/" + name))
            names.append(name)
        }
        print("image benchmark in \(base), median of \(runs) runs")
        let ours = try await Self.median(runs) {
            for name in names {
                let result = try await tool.call(["image_path": .string(name)], context: context)
                guard !result.isError else { throw ValidationError(result.content) }
            }
        }
        let files = names.map { base + "/" + $0 }
        let exiftool = try await Self.median(runs) {
            _ = SearchBenchmark.spawn(["/usr/bin/exiftool", "-fast", "-q", "-json"] + files)
        }
        let identify = try await Self.median(runs) {
            _ = SearchBenchmark.spawn(["/usr/bin/identify", "-ping", "-format", "%m %w %h %[EXIF:Make]\\n"] + files)
        }
        print(
            "get_image_metadata over \(images) images: \(SearchBenchmark.format(ours)) ms (\(SearchBenchmark.format(ours / Double(images))) ms each) vs `exiftool -fast -json` \(SearchBenchmark.format(exiftool)) ms, `identify -ping` \(SearchBenchmark.format(identify)) ms (one process over all)"
        )
    }

    private func resize(base: String) async throws {
        let (width, height) = (6000, 4000)
        let jpeg = try await ImagePipeline.encode(
            rgb: Self.pixels(width: width, height: height), width: width, height: height, suffix: ".jpg[Q=90]")
        try Data(jpeg).write(to: URL(fileURLWithPath: base + "/big.jpg"))
        let limits = ImageLimits()
        var sent = (width: 0, height: 0, bytes: 0, mimeType: "")
        let ours = try await Self.median(runs) {
            sent = try await ImagePipeline.prepareForModel(workspace: base, path: "big.jpg", limits: limits)
        }
        let size = "\(sent.width)x\(sent.height)"
        let suffix = sent.mimeType == "image/png" ? "png[strip,compression=6]" : "jpg[Q=85,strip]"
        let reference = try await Self.median(runs) {
            _ = SearchBenchmark.spawn([
                "/usr/bin/vipsthumbnail", base + "/big.jpg", "--size", size, "-o", base + "/thumb.\(suffix)",
            ])
        }
        print(
            "resize and encode a \(width)x\(height) JPEG (\(jpeg.count) bytes) to \(size) \(sent.mimeType) (\(sent.bytes) bytes, limit \(limits.maxPixels) pixels): \(SearchBenchmark.format(ours)) ms vs `vipsthumbnail --size \(size)` \(SearchBenchmark.format(reference)) ms"
        )
    }

    private func ocr(base: String, tool: any AgentTool, context: ToolContext) async throws {
        let lines = (1...30).map { "Line \($0): the quick brown fox jumps over the lazy dog, error code E\($0 * 37)" }
        let page = try await ImagePipeline.renderText(lines.joined(separator: "\n"), dpi: 300)
        try Data(page).write(to: URL(fileURLWithPath: base + "/page.png"))
        var read = 0
        let time = try await Self.median(max(runs / 2, 1)) {
            let result = try await tool.call(["image_path": "page.png"], context: context)
            guard case .array(let found)? = result.value?["lines"] else { throw ValidationError(result.content) }
            read = found.count
        }
        print("OCR of a 30-line page at 300 dpi (\(page.count) bytes): \(SearchBenchmark.format(time)) ms per page, \(read) lines read")
    }

    static func median(_ runs: Int, _ body: () async throws -> Void) async throws -> Double {
        try await body()
        var times: [Double] = []
        for _ in 0..<runs { times.append(try await SearchBenchmark.time(body)) }
        return SearchBenchmark.median(times)
    }

    static func tools(workspace: String) throws -> [String: any AgentTool] {
        let configuration = try SparkConfiguration.load(environment: ["WORKSPACE_DIR": workspace])
        let run = AgentRunContext(
            configuration: configuration, editor: DiskWorkspaceEditor(root: try WorkspaceRoot(path: workspace)),
            documents: nil, approval: DenyAllPolicy(reason: "benchmark"),
            environment: ["PATH": "/usr/bin:/bin", "SPARK_DATA_DIR": workspace + "/.spark"],
            logger: Logger(label: "spark-bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let tools = try ImageAgentModule.tools(for: run)
        return Dictionary(uniqueKeysWithValues: tools.map { ($0.name, $0) })
    }

    /// A photo-like RGB picture: gradients and a little noise, so that encoders do real work.
    static func pixels(width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        var state: UInt32 = 7
        for y in 0..<height {
            for x in 0..<width {
                state = state &* 1_664_525 &+ 1_013_904_223
                let noise = Int(state >> 28)
                let offset = (y * width + x) * 3
                pixels[offset] = UInt8((x * 255 / width + noise) & 0xFF)
                pixels[offset + 1] = UInt8((y * 255 / height + noise) & 0xFF)
                pixels[offset + 2] = UInt8(((x + y) * 127 / (width + height) + noise) & 0xFF)
            }
        }
        return pixels
    }

    static func temporaryDirectory() throws -> String {
        var template = Array("/tmp/spark-bench-image-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ValidationError("cannot create a temporary directory")
        }
        return String(cString: made)
    }
}
