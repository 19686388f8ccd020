import AgentCore
import SparkJSON

/// What an image's headers say, read without decoding a pixel (`get_image_metadata`).
struct ImageMetadata: Hashable, Sendable {
    var path: String
    var format: ImageFormat
    var width: Int
    var height: Int
    /// Channels, alpha included.
    var bands: Int
    var hasAlpha: Bool
    /// Bits per channel (8, 16, 32).
    var bitDepth: Int
    /// `sRGB`, `grey`, `CMYK`, `RGB16`, ...
    var colourSpace: String
    var hasICCProfile: Bool
    /// Frames or pages (an animated GIF's frames, a multi-page TIFF's pages).
    var frames: Int
    var fileSize: Int
    var exif: EXIFSummary

    /// Pixels of one frame.
    var pixelCount: Int { width * height }

    /// The lines the tool answers with.
    var text: String {
        var lines = [
            "\(path): \(format.displayName), \(width) x \(height) pixels, \(frames) frame\(frames == 1 ? "" : "s")",
            "colour space: \(colourSpace), \(bitDepth)-bit, \(bands) channel\(bands == 1 ? "" : "s")\(hasAlpha ? " (with alpha)" : "")\(hasICCProfile ? ", ICC profile embedded" : "")",
            "file size: \(fileSize) bytes",
        ]
        lines.append(contentsOf: exif.lines)
        if pixelCount > ImageDecoding.maximumPixels {
            lines.append(
                "too large to decode: \(pixelCount) pixels, over the limit of \(ImageDecoding.maximumPixels) (a possible decompression bomb)")
        }
        return lines.joined(separator: "\n")
    }

    var json: JSONValue {
        var object: [String: JSONValue] = [
            "path": .string(path), "format": .string(format.rawValue), "width": .int(width), "height": .int(height),
            "bands": .int(bands), "hasAlpha": .bool(hasAlpha), "bitDepth": .int(bitDepth),
            "colourSpace": .string(colourSpace), "iccProfile": .bool(hasICCProfile), "frames": .int(frames),
            "fileSize": .int(fileSize), "exif": exif.json,
        ]
        object["decodable"] = .bool(pixelCount <= ImageDecoding.maximumPixels)
        return .object(object)
    }
}

/// The EXIF fields the tool reports.
struct EXIFSummary: Hashable, Sendable {
    var present = false
    var make: String?
    var model: String?
    var lens: String?
    var date: String?
    var orientation: Int?
    var hasGPS = false

    var lines: [String] {
        guard present else { return ["EXIF: none"] }
        var lines: [String] = []
        let camera = [make, model].compactMap { $0 }.joined(separator: " ")
        lines.append("camera: \(camera.isEmpty ? "not recorded" : camera)")
        lines.append("lens: \(lens ?? "not recorded")")
        lines.append("date taken: \(date ?? "not recorded")")
        lines.append("orientation: \(orientation.map(String.init) ?? "not recorded")")
        lines.append("GPS position: \(hasGPS ? "present" : "absent")")
        return lines
    }

    var json: JSONValue {
        var object: [String: JSONValue] = ["present": .bool(present), "gps": .bool(hasGPS)]
        if let make { object["make"] = .string(make) }
        if let model { object["model"] = .string(model) }
        if let lens { object["lens"] = .string(lens) }
        if let date { object["date"] = .string(date) }
        if let orientation { object["orientation"] = .int(orientation) }
        return .object(object)
    }
}
