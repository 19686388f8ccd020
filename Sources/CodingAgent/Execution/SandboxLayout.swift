import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a sandboxed process sees of the host: system directories, a minimal `/etc`, the install
/// directories of toolchains outside `/usr`, and the workspace with its protected paths.
public struct SandboxLayout: Sendable {
    /// Where the launcher is bound inside bwrap.
    public static let launcherMountPoint = "/run/spark-sandbox"
    /// `HOME` inside bwrap (a directory in its private `/tmp`).
    public static let home = "/tmp/home"
    /// The top-level links or directories programs need besides `/usr`.
    static let systemLinks = ["/bin", "/lib", "/lib64", "/lib32", "/libx32", "/sbin"]
    /// The `/etc` entries programs and toolchains read; `python3*` and `java*` directories are added.
    static let etcEntries = [
        "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives", "ssl", "ca-certificates", "localtime",
        "timezone", "nsswitch.conf", "passwd", "group", "hosts", "host.conf", "gai.conf", "mime.types",
    ]
    /// Devices the launcher lets programs read (bwrap's `--dev` makes them).
    static let readableDevices = ["/dev/urandom", "/dev/random", "/dev/zero", "/dev/full"]

    /// The toolchains' install directories outside `/usr` (read-only), e.g. `/opt/swift`, `~/.cargo`.
    public var toolchainDirectories: [String]
    /// The paths of the workspace that are mounted read-only, and those hidden.
    public var protectedPaths: ProtectedPaths
    /// The `/etc` paths bound (those that exist).
    public let etcPaths: [String]

    public init(toolchainDirectories: [String], protectedPaths: ProtectedPaths = ProtectedPaths()) {
        self.toolchainDirectories = toolchainDirectories
        self.protectedPaths = protectedPaths
        etcPaths = Self.listEtc()
    }

    private static func listEtc() -> [String] {
        var names = etcEntries
        if let directory = opendir("/etc") {
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix("python3") || name.hasPrefix("java") { names.append(name) }
            }
        }
        return names.map { "/etc/" + $0 }.filter { access($0, F_OK) == 0 }
    }

    /// Whether `path` is a symbolic link, and where it points.
    static func symlinkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}
