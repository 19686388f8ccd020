import AgentCore
import CodingAgent
import ImageAgent

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A throwaway workspace with images made by libvips, and the image tools over it with a given model.
struct RealImageWorkspace {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("spark-image-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A `width` x `height` PNG of a diagonal gradient at `name`; returns its bytes.
    @discardableResult
    func writePNG(_ name: String, width: Int, height: Int) async throws -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let offset = (y * width + x) * 3
                pixels[offset] = UInt8(x * 255 / max(width - 1, 1))
                pixels[offset + 1] = UInt8(y * 255 / max(height - 1, 1))
                pixels[offset + 2] = 128
            }
        }
        let png = try await ImagePipeline.encode(rgb: pixels, width: width, height: height, suffix: ".png")
        try Data(png).write(to: URL(fileURLWithPath: path + "/" + name))
        return png
    }

    /// The image agent's tools by name, its model `model` at `endpoint`.
    func tools(model: String, endpoint: ModelEndpoint) throws -> [String: any AgentTool] {
        let configuration = try SparkConfiguration.load(
            environment: ["WORKSPACE_DIR": path, "IMAGE_ENDPOINT": endpoint.baseURL, "IMAGE_MODEL": model])
        let run = AgentRunContext(
            configuration: configuration, editor: DiskWorkspaceEditor(root: try WorkspaceRoot(path: path)),
            documents: nil, approval: DenyAllPolicy(reason: "test"),
            environment: ["SPARK_DATA_DIR": path + "/.spark"], logger: RealVLLM.logger, client: RealVLLM.client())
        return Dictionary(uniqueKeysWithValues: try ImageAgentModule.tools(for: run).map { ($0.name, $0) })
    }
}
