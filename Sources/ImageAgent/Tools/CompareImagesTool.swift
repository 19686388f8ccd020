import AgentCore
import CodingAgent
import SparkJSON

/// `compare_images(image_paths, difference_image)`: each image measured against the first (format,
/// dimensions, perceptual-hash distance, share of changed pixels, bounding boxes of the changed regions), a
/// difference picture written into the workspace when asked, and the vision model's account of what changed.
struct CompareImagesTool: TypedAgentTool {
    let toolkit: ImageToolkit
    /// Where the coding agent may not write; the difference picture obeys the same list.
    let protected: ProtectedPaths

    var name: String { "compare_images" }

    var description: String {
        """
        Compare two or more images (each against the first): measured differences (format, dimensions, \
        perceptual-hash distance, share of changed pixels, bounding boxes of changed regions) and the vision \
        model's account of what changed. Use it for before/after screenshots and visual regressions. Pass \
        `difference_image` (a .png path) to write a picture of the changes (in red) into the workspace.
        """
    }

    func run(_ arguments: CompareImagesArguments, context: ToolContext) async throws -> ToolResult {
        let paths = arguments.imagePaths
        guard paths.count >= 2 else { return .error("compare_images needs at least two images") }
        guard paths.count <= 8 else { return .error("compare_images compares at most 8 images") }
        let locator = toolkit.locator
        var comparisons: [ImageComparison] = []
        do {
            for other in paths.dropFirst() {
                let first = paths[0]
                comparisons.append(
                    try await Vips.run {
                        let a = try locator.open(first)
                        let b = try locator.open(other)
                        return try ImageComparison.measure(a, b)
                    })
            }
        } catch {
            return ImageToolkit.failure(error)
        }
        var text = comparisons.map(\.text).joined(separator: "\n")
        if let target = arguments.differenceImage, !target.isEmpty {
            do {
                text += "\n" + (try await writeDifference(comparisons[0], to: target))
            } catch {
                return ImageToolkit.failure(error)
            }
        }
        let question = """
            These images are versions of one picture. Say what changed from the first to the others: what was \
            added, removed, moved or restyled, and any text that differs, quoted. The measured difference:
            \(text)
            Say plainly what you cannot tell apart.
            """
        do {
            let (answer, _) = try await toolkit.ask(question, about: paths)
            text += "\n\nThe vision model's account:\n" + answer
        } catch {
            text += "\n\nThe vision model gave no account: \(error)"
        }
        let value: JSONValue = .array(
            comparisons.map { comparison in
                [
                    "first": .string(comparison.first.path), "other": .string(comparison.other.path),
                    "hashDistance": .int(comparison.hashDistance),
                    "changedPixels": .int(comparison.difference.changedPixels),
                    "changedShare": .double(comparison.difference.changedShare),
                    "regions": .array(
                        comparison.difference.regions.map {
                            ["x": .int($0.x), "y": .int($0.y), "width": .int($0.width), "height": .int($0.height)]
                        }),
                ]
            })
        return ToolResult(text, value: value)
    }

    /// Writes the picture of the first comparison's difference to the workspace path `target`.
    private func writeDifference(_ comparison: ImageComparison, to target: String) async throws -> String {
        guard target.lowercased().hasSuffix(".png") else { throw ImageError("difference_image must end in .png") }
        let workspace = try toolkit.locator.workspace()
        let destination = try toolkit.locator.resolve(target, in: workspace)
        if let refusal = protected.writeRefusal(for: destination.components) {
            throw ImageError(refusal, isRefusal: true)
        }
        let difference = comparison.difference
        let first = comparison.firstPixels
        let bytes = try await Vips.run {
            try VipsImage.fromPixels(
                difference.picture(over: first), width: difference.width, height: difference.height, bands: 3
            ).encode(".png")
        }
        let root = workspace.path
        do {
            try SecureFileSystem.writeAtomically(
                root: root, components: destination.components, bytes: bytes, exclusive: false)
        } catch {
            throw ImageError(error.reason, isRefusal: error.isRefusal)
        }
        return "Wrote the difference picture (changed pixels in red) to \(destination.relative)."
    }
}
