import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `spark-lsp serve --http` runs the HTTP service, which is the `spark-service` program beside this one.
///
/// The service is a binary of its own so that the language server links none of SwiftNIO, Hummingbird and
/// swift-prometheus: an editor's `spark-lsp --stdio` starts and idles exactly as before (the README's bench
/// table has the numbers). This process replaces itself with the service (same pid, environment and stdio),
/// so signals reach the service directly.
enum ServiceExecutable {
    /// The path of `spark-service` beside the running executable.
    static var path: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return "spark-service" }
        let executable = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = executable.lastIndex(of: "/") else { return "spark-service" }
        return executable[..<slash] + "/spark-service"
    }

    /// Executes `spark-service arguments...`; returns only by throwing.
    static func replaceProcess(arguments: [String]) throws -> Never {
        let path = self.path
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, &argv)
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        throw ValidationError(
            "cannot start the HTTP service \(path): \(reason) (build it with `swift build --product spark-service`)")
    }
}
