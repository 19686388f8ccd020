import AgentCore

/// What `compare_images` measures between a first image and another: formats, sizes, the perceptual-hash
/// distance and the pixel difference (at the first image's size; the other is scaled to it when they differ).
struct ImageComparison: Sendable {
    /// The most pixels compared one by one; larger images are compared scaled down to this.
    static let comparedPixels = 16_000_000

    var first: ImageMetadata
    var other: ImageMetadata
    var hashDistance: Int
    var difference: PixelDifference
    /// The first image's pixels at the compared size (for the difference picture).
    var firstPixels: [UInt8]
    var notes: [String]

    /// Measures `other` against `first`. Runs inside `Vips.run`.
    static func measure(_ first: ImageFile, _ other: ImageFile) throws(ImageError) -> ImageComparison {
        let (a, aInfo) = try ImageDecoding.decodable(first)
        let (b, bInfo) = try ImageDecoding.decodable(other)
        var notes = ImageDecoding.notes(aInfo) + ImageDecoding.notes(bInfo)
        let distance = try hash(a).distance(to: hash(b))
        let scale = min(1, (Double(comparedPixels) / Double(max(aInfo.pixelCount, 1))).squareRoot())
        let width = max(Int(Double(a.width) * scale), 1)
        let height = max(Int(Double(a.height) * scale), 1)
        if scale < 1 { notes.append("the pixels were compared at \(width) x \(height)") }
        let firstPixels = try a.thumbnail(width: width, height: height, force: true).srgb8().pixels()
        if bInfo.width != aInfo.width || bInfo.height != aInfo.height {
            notes.append("\(bInfo.path) was scaled to \(aInfo.width) x \(aInfo.height) to compare its pixels")
        }
        let otherPixels = try b.thumbnail(width: width, height: height, force: true).srgb8().pixels()
        guard firstPixels.count == width * height * 3, otherPixels.count == firstPixels.count else {
            throw ImageError("the images could not be decoded to the same size")
        }
        return ImageComparison(
            first: aInfo, other: bInfo, hashDistance: distance,
            difference: PixelDifference(first: firstPixels, second: otherPixels, width: width, height: height),
            firstPixels: firstPixels, notes: notes)
    }

    private static func hash(_ image: VipsImage) throws(ImageError) -> PerceptualHash {
        PerceptualHash(grey: try image.thumbnail(width: 9, height: 8, force: true).srgb8(grey: true).pixels())
    }

    /// The measured lines.
    var text: String {
        var lines = [
            "\(first.path) vs \(other.path):",
            "- format: \(first.format.displayName) vs \(other.format.displayName)",
            "- dimensions: \(first.width) x \(first.height) vs \(other.width) x \(other.height)",
            "- perceptual-hash distance: \(hashDistance) of 64 bits (0-5: look alike, over 20: different images)",
            "- changed pixels: \(difference.changedPixels) of \(difference.width * difference.height) (\(Self.percent(difference.changedShare)))",
        ]
        if difference.regions.isEmpty {
            lines.append("- changed regions: none")
        } else {
            let shown = difference.regions.prefix(10)
            lines.append("- changed regions (x, y, width, height; largest first, \(difference.regions.count) in all):")
            lines += shown.map { "  - (\($0.x), \($0.y), \($0.width), \($0.height)): \($0.changedPixels) pixels" }
        }
        lines += notes.map { "- note: \($0)" }
        return lines.joined(separator: "\n")
    }

    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
