import ArgumentParser
import MCPTools

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
    /// Executes `spark-service arguments...` (or another `program` beside this one); returns only by throwing.
    static func replaceProcess(program: String = "spark-service", arguments: [String]) throws -> Never {
        let path = HelperExecutable.path(named: program)
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, &argv)
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        throw ValidationError(
            "cannot start \(path): \(reason) (build it with `swift build --product \(program)`)")
    }
}
