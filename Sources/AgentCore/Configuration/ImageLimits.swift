/// How large an image the vision model may receive (`image.maxPixels`, `image.maxBytes`;
/// `SPARK_IMAGE_MAX_PIXELS`, `SPARK_IMAGE_MAX_BYTES`): the image agent shrinks every image to fit both
/// before it is sent, and refuses one it cannot make fit.
public struct ImageLimits: Hashable, Sendable {
    /// The most pixels (width times height) of an image sent to the model; 1,048,576 (1024 x 1024) by default.
    public var maxPixels: Int
    /// The most bytes of an encoded image sent to the model (before base64); 4 MiB by default.
    public var maxBytes: Int

    public init(maxPixels: Int = 1_048_576, maxBytes: Int = 4 * 1024 * 1024) {
        self.maxPixels = maxPixels
        self.maxBytes = maxBytes
    }
}
