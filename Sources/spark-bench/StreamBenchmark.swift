import AgentCore
import ArgumentParser
import Glibc
import Logging
import SparkTestSupport

/// `spark-bench stream`: a long scripted stream through `HTTPModelClient`, against the `curl` command.
///
/// The scripted server replays a prerendered vLLM stream of `--tokens` one-token chunks. Reported: tokens per
/// second through the client (median run), and the added latency per chunk, the median over runs of
/// (client time - curl's `time_total` for the same request) / chunks.
struct StreamBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream", abstract: "Stream throughput of the model client against the curl command.")

    @Option(help: "Tokens (content chunks) in the replayed stream.")
    var tokens = 100_000

    @Option(help: "Measured runs of each side.")
    var runs = 5

    func run() async throws {
        let server = try ScriptedModelServer()
        let body = ScriptedModelServer.renderTextStream(tokens: tokens)
        let client = HTTPModelClient(logger: Logger(label: "spark-bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let request = ChatRequest(model: "test-model", messages: [.user("stream")], maxTokens: tokens)
        let clock = ContinuousClock()

        var clientSeconds: [Double] = []
        for run in 0...runs {
            server.enqueue(.rawSSE(body))
            var deltas = 0
            let start = clock.now
            for try await event in client.streamChat(request, endpoint: server.endpoint) {
                if case .contentDelta = event { deltas += 1 }
            }
            let elapsed = seconds(clock.now - start)
            guard deltas == tokens else { throw ValidationError("received \(deltas) of \(tokens) deltas") }
            if run > 0 { clientSeconds.append(elapsed) }  // run 0 warms up
        }

        var parseSeconds: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            var parser = SSEParser()
            var decoder = ChatChunkDecoder()
            var deltas = 0
            try parser.feed(body) { event in
                try decoder.decode(event) { if case .contentDelta = $0 { deltas += 1 } }
            }
            parseSeconds.append(seconds(clock.now - start))
        }

        let requestFile = "/tmp/spark-bench-stream-\(getpid()).json"
        try write(request.wireBody.serialized(), to: requestFile)
        defer { unlink(requestFile) }
        var curlSeconds: [Double] = []
        for run in 0...runs {
            server.enqueue(.rawSSE(body))
            let output = try runCurl([
                "curl", "-sN", "-o", "/dev/null", "-w", "%{time_total}", "-H", "Content-Type: application/json",
                "--data-binary", "@" + requestFile, server.endpoint.baseURL + "/chat/completions",
            ])
            guard let elapsed = Double(output) else { throw ValidationError("curl printed '\(output)'") }
            if run > 0 { curlSeconds.append(elapsed) }
        }

        let clientMedian = median(clientSeconds)
        let curlMedian = median(curlSeconds)
        let added = median(zip(clientSeconds.sorted(), curlSeconds.sorted()).map { ($0 - $1) / Double(tokens) })
        print("stream: \(tokens) tokens, \(body.count) bytes of SSE, \(runs) runs")
        print("client: \(format(clientMedian * 1000)) ms median, \(Int(Double(tokens) / clientMedian)) tokens/s")
        let parseMedian = median(parseSeconds)
        print("parse only (SSE + chunk decoding): \(format(parseMedian * 1000)) ms, \(Int(Double(tokens) / parseMedian)) tokens/s")
        print("curl:   \(format(curlMedian * 1000)) ms median, \(Int(Double(tokens) / curlMedian)) tokens/s")
        print("added latency per chunk vs curl (median): \(format(added * 1_000_000)) µs")
    }

    private func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return "\(rounded)"
    }

    private func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "w") else { throw ValidationError("cannot write \(path)") }
        defer { fclose(file) }
        fputs(text, file)
    }

    /// Runs a command (found on `PATH`) and returns its standard output.
    private func runCurl(_ arguments: [String]) throws -> String {
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else { throw ValidationError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        close(pipeFDs[1])
        defer { close(pipeFDs[0]) }
        guard spawned == 0 else { throw ValidationError("cannot run \(arguments[0])") }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipeFDs[0], &buffer, buffer.count)
            if count <= 0 { break }
            output += buffer[..<count]
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: output, as: UTF8.self)
    }
}
