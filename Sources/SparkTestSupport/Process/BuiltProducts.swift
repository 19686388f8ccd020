#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds executables built next to the running one (tests and benchmarks live in the same
/// `.build/<configuration>` directory as `spark-lsp`).
public enum BuiltProducts {
    /// The directory of the running executable (from `/proc/self/exe`).
    public static var directory: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return "." }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// The path of the executable `name` next to the running one.
    public static func executable(_ name: String) -> String { directory + "/" + name }
}
