import CVips
import CodingAgent
import Synchronization

/// libvips, opened on first use (see `Sources/CVips/shim.h`) and used from one thread at a time: its error
/// text is one global buffer, and the image tools are too rare to need more.
enum Vips {
    /// Held around every libvips call sequence, so an error text belongs to the call that made it.
    private static let lock = Mutex<Void>(())

    /// Runs `body` off the cooperative pool with libvips loaded and the lock held.
    /// - Throws: `ImageError` when libvips cannot be loaded, or what `body` throws.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await BlockingFileWork.run { _ in
            try lock.withLock { _ in
                guard spark_vips_load() == 1 else {
                    throw ImageError("libvips is not available: \(String(cString: spark_vips_load_error()))")
                }
                return try body()
            }
        }
    }

    /// The last libvips error, cleared, as one line.
    static func takeError() -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        spark_vips_take_error(&buffer, buffer.count)
        let text = String(cString: buffer).split(whereSeparator: \.isNewline).joined(separator: "; ")
        return text.isEmpty ? "libvips gave no reason" : text
    }
}
