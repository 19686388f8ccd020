import AgentCore
import CVips

/// Reading images with libvips: headers only for metadata, pixels (checked against the decoding limit first)
/// for everything else. Every function runs inside `Vips.run`.
enum ImageDecoding {
    /// The most pixels of one frame decoded (100 megapixels: a 24-megapixel photo and a 8K screenshot pass,
    /// a file declaring a huge canvas, a decompression bomb, is refused from its header before decoding).
    static let maximumPixels = 100_000_000

    // libvips's VipsInterpretation and VipsBandFormat values (vips/image.h).
    private static let colourSpaces: [Int: String] = [
        0: "multiband", 1: "grey", 10: "histogram", 12: "XYZ", 13: "Lab", 15: "CMYK", 16: "LabQ", 17: "RGB",
        18: "CMC", 19: "LCh", 21: "LabS", 22: "sRGB", 23: "Yxy", 24: "Fourier", 25: "RGB16", 26: "grey16",
        27: "matrix", 28: "scRGB", 29: "HSV",
    ]
    private static let bitDepths: [Int: Int] = [0: 8, 1: 8, 2: 16, 3: 16, 4: 32, 5: 32, 6: 32, 7: 64, 8: 64, 9: 128]

    /// The header of `file` (no pixel decoded).
    static func metadata(of file: ImageFile) throws(ImageError) -> ImageMetadata {
        metadata(of: try VipsImage.open(descriptor: file.descriptor, strict: false, shownAs: file.shownPath), file)
    }

    private static func metadata(of image: VipsImage, _ file: ImageFile) -> ImageMetadata {
        let fields = image.fieldNames
        var exif = EXIFSummary()
        exif.present = fields.contains("exif-data")
        exif.make = exifText(image, "exif-ifd0-Make")
        exif.model = exifText(image, "exif-ifd0-Model")
        exif.lens = exifText(image, "exif-ifd2-LensModel")
        exif.date = exifText(image, "exif-ifd2-DateTimeOriginal") ?? exifText(image, "exif-ifd0-DateTime")
        exif.orientation = fields.contains("orientation") ? image.int("orientation") : nil
        exif.hasGPS = fields.contains { $0.hasPrefix("exif-ifd3-") }
        return ImageMetadata(
            path: file.shownPath, format: file.format, width: image.width, height: image.height, bands: image.bands,
            hasAlpha: image.hasAlpha, bitDepth: bitDepths[image.bandFormat] ?? 8,
            colourSpace: colourSpaces[image.interpretation] ?? "unknown",
            hasICCProfile: fields.contains("icc-profile-data"), frames: max(image.pages, 1),
            fileSize: file.byteCount, exif: exif)
    }

    /// The image in `file`, refused when its header declares more pixels than `maximumPixels`; its pixels
    /// are decoded (strictly: a truncated or corrupt file fails) when first used. Only the first frame.
    static func decodable(_ file: ImageFile) throws(ImageError) -> (image: VipsImage, metadata: ImageMetadata) {
        let image = try VipsImage.open(descriptor: file.descriptor, strict: true, shownAs: file.shownPath)
        let metadata = metadata(of: image, file)
        guard metadata.pixelCount <= maximumPixels else {
            throw ImageError(
                "\(file.shownPath) declares \(metadata.width) x \(metadata.height) pixels, over the decoding limit of \(maximumPixels) (a possible decompression bomb); it was not decoded")
        }
        return (image, metadata)
    }

    /// What the reader should know about how the pixels were read (first frame, converted colours).
    static func notes(_ metadata: ImageMetadata) -> [String] {
        var notes: [String] = []
        if metadata.frames > 1 {
            notes.append(
                "\(metadata.path) has \(metadata.frames) frames (\(metadata.format == .gif ? "an animated GIF" : "pages")); only the first was read")
        }
        if metadata.colourSpace == "CMYK" { notes.append("\(metadata.path) is CMYK; it was converted to sRGB") }
        if metadata.bitDepth > 8 {
            notes.append("\(metadata.path) is \(metadata.bitDepth)-bit; it was reduced to 8-bit")
        }
        return notes
    }

    /// An EXIF string field's value: libvips writes `value (value, ASCII, 6 components, 6 bytes)`.
    private static func exifText(_ image: VipsImage, _ name: String) -> String? {
        guard let raw = image.string(name) else { return nil }
        // The value ends where libvips's description begins.
        var value = Substring(raw)
        if let open = raw.firstRange(of: " (") { value = raw[..<open.lowerBound] }
        let trimmed = value.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }
}
