import AgentCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An image made ready for the vision model: shrunk to fit `image.maxPixels` and `image.maxBytes`, in 8-bit
/// sRGB, re-encoded without metadata (EXIF, GPS, ICC, comments are never sent), as a data URL.
struct ModelImage: Hashable, Sendable {
    var path: String
    var width: Int
    var height: Int
    var mimeType: String
    var bytes: [UInt8]
    /// What the model should know about how it was read (first frame of an animation, converted colours).
    var notes: [String]

    /// `data:image/png;base64,...`.
    var dataURL: String { "data:\(mimeType);base64,\(Data(bytes).base64EncodedString())" }

    /// The content part the model receives.
    var part: ContentPart { .imageURL(url: dataURL) }

    /// Prepares `file` within `limits`. Runs inside `Vips.run`.
    /// - Throws: `ImageError` for an image that cannot be decoded or made to fit.
    static func prepare(_ file: ImageFile, limits: ImageLimits) throws(ImageError) -> ModelImage {
        let metadata = try ImageDecoding.decodable(file).metadata
        var scale = min(1, (Double(limits.maxPixels) / Double(max(metadata.pixelCount, 1))).squareRoot())
        // The thumbnail is turned upright: EXIF orientations 5-8 swap width and height.
        let upright = (metadata.exif.orientation ?? 1) >= 5 ? (metadata.height, metadata.width) : (metadata.width, metadata.height)
        // PNG keeps screenshots' text sharp; a photo that does not fit as PNG is sent as JPEG, and an image
        // that fits neither way is shrunk further. Each try decodes with shrink-on-load, from the file.
        for _ in 0..<8 {
            let width = max(Int((Double(upright.0) * scale).rounded(.down)), 1)
            let height = max(Int((Double(upright.1) * scale).rounded(.down)), 1)
            let pixels = try VipsImage.thumbnail(
                descriptor: file.descriptor, width: width, height: height, strict: true, shownAs: file.shownPath
            ).srgb8()
            for (suffix, mime) in [(".png[strip,compression=6]", "image/png"), (".jpg[Q=85,strip]", "image/jpeg")] {
                let bytes = try pixels.encode(suffix)
                if bytes.count <= limits.maxBytes {
                    return ModelImage(
                        path: file.shownPath, width: pixels.width, height: pixels.height, mimeType: mime, bytes: bytes,
                        notes: ImageDecoding.notes(metadata))
                }
            }
            scale *= 0.7
        }
        throw ImageError("\(file.shownPath) cannot be made smaller than image.maxBytes (\(limits.maxBytes) bytes)")
    }
}
