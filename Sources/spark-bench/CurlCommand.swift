#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the `curl` command (found on `PATH`) for the stream benchmark, reading its standard output as it comes.
enum CurlCommand {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs curl with `arguments` and hands each read of its standard output to `onRead`, as it arrives.
    static func run(_ arguments: [String], onRead: ([UInt8]) -> Void) throws {
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else { throw Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        let command = ["curl"] + arguments
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "curl", &actions, nil, &argv, environ)
        close(pipeFDs[1])
        defer { close(pipeFDs[0]) }
        guard spawned == 0 else { throw Failure(description: "cannot run curl: \(String(cString: strerror(spawned)))") }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(pipeFDs[0], &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            onRead(Array(buffer[..<count]))
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard status == 0 else { throw Failure(description: "curl exited with status \(status)") }
    }

    /// Runs curl and returns its whole standard output.
    static func output(_ arguments: [String]) throws -> String {
        var output: [UInt8] = []
        try run(arguments) { output += $0 }
        return String(decoding: output, as: UTF8.self)
    }
}
