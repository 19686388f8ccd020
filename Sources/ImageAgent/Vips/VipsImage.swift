import CVips

/// One libvips image, released when the last reference goes. Use only inside `Vips.run`.
final class VipsImage {
    let pointer: OpaquePointer

    private init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { spark_vips_unref(UnsafeMutableRawPointer(pointer)) }

    /// Wraps what a libvips call returned, or throws its error.
    static func made(_ pointer: OpaquePointer?, _ what: String) throws(ImageError) -> VipsImage {
        guard let pointer else { throw ImageError("\(what): \(Vips.takeError())") }
        return VipsImage(pointer)
    }

    /// The image in an open file, its header read and no pixel decoded; `strict` makes decoding fail on a
    /// truncated or corrupt file instead of filling in grey.
    static func open(descriptor: Int32, strict: Bool, shownAs path: String) throws(ImageError) -> VipsImage {
        try made(spark_vips_open_descriptor(descriptor, strict ? 1 : 0), "cannot read \(path) as an image")
    }

    /// The image in an open file shrunk (never enlarged) to fit `width` x `height` and turned upright, decoded
    /// with shrink-on-load (a JPEG is never decoded at full size); `strict` as for `open`.
    static func thumbnail(
        descriptor: Int32, width: Int, height: Int, strict: Bool, shownAs path: String
    ) throws(ImageError) -> VipsImage {
        try made(
            spark_vips_thumbnail_descriptor(descriptor, Int32(max(width, 1)), Int32(max(height, 1)), strict ? 1 : 0),
            "cannot read \(path) as an image")
    }

    /// An image from 8-bit pixels, `bands` per pixel, row by row.
    static func fromPixels(_ pixels: [UInt8], width: Int, height: Int, bands: Int) throws(ImageError) -> VipsImage {
        try made(
            pixels.withUnsafeBytes {
                spark_vips_from_pixels($0.baseAddress, $0.count, Int32(width), Int32(height), Int32(bands))
            }, "cannot make an image")
    }

    /// `text` rendered dark on light at `dpi` (for tests and the benchmark).
    static func renderText(_ text: String, dpi: Int) throws(ImageError) -> VipsImage {
        try made(spark_vips_render_text(text, Int32(dpi)), "cannot render text")
    }

    var width: Int { Int(spark_vips_width(pointer)) }
    var height: Int { Int(spark_vips_height(pointer)) }
    var bands: Int { Int(spark_vips_bands(pointer)) }
    var bandFormat: Int { Int(spark_vips_format(pointer)) }
    var interpretation: Int { Int(spark_vips_interpretation(pointer)) }
    var pages: Int { Int(spark_vips_pages(pointer)) }
    var hasAlpha: Bool { spark_vips_has_alpha(pointer) != 0 }

    /// A header field as text, or `nil`.
    func string(_ name: String) -> String? { spark_vips_string_field(pointer, name).map { String(cString: $0) } }

    /// A header field as an integer, or `nil`.
    func int(_ name: String) -> Int? {
        var value: Int32 = 0
        return spark_vips_int_field(pointer, name, &value) == 0 ? Int(value) : nil
    }

    /// Every header field's name.
    var fieldNames: [String] {
        guard let fields = spark_vips_fields(pointer) else { return [] }
        defer { spark_vips_strfreev(fields) }
        var names: [String] = []
        var index = 0
        while let name = fields[index] {
            names.append(String(cString: name))
            index += 1
        }
        return names
    }

    /// Shrunk (never enlarged) to fit `width` x `height`, or forced to exactly that size.
    func thumbnail(width: Int, height: Int, force: Bool = false) throws(ImageError) -> VipsImage {
        try Self.made(
            spark_vips_thumbnail(pointer, Int32(max(width, 1)), Int32(max(height, 1)), force ? 1 : 0),
            "cannot resize the image")
    }

    /// 8-bit sRGB (or grey), alpha flattened onto white: 16-bit, CMYK and palette images become plain pixels.
    func srgb8(grey: Bool = false) throws(ImageError) -> VipsImage {
        try Self.made(spark_vips_to_srgb8(pointer, grey ? 1 : 0), "cannot convert the image to sRGB")
    }

    /// Encoded by the saver `suffix` names (`.png[strip]`, `.jpg[Q=85,strip]`).
    func encode(_ suffix: String) throws(ImageError) -> [UInt8] {
        var size = 0
        guard let bytes = spark_vips_encode(pointer, suffix, &size) else {
            throw ImageError("cannot encode the image: \(Vips.takeError())")
        }
        defer { spark_vips_free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: size))
    }

    /// Every pixel decoded, in the image's own format and bands.
    func pixels() throws(ImageError) -> [UInt8] {
        var size = 0
        guard let bytes = spark_vips_pixels(pointer, &size) else {
            throw ImageError("cannot decode the image: \(Vips.takeError())")
        }
        defer { spark_vips_free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: size))
    }
}
