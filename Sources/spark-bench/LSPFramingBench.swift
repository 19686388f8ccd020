import ArgumentParser
import SparkLSP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Framing + decoding throughput: a stream of typical messages parsed in 64 KiB chunks, each body
/// classified and its params decoded.
struct LSPFramingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp-framing", abstract: "Framing + decoding throughput in MB/s.")

    @Option(help: "Megabytes of input.") var megabytes = 64

    func run() async throws {
        let small =
            #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.swift","version":1},"contentChanges":[{"range":{"start":{"line":10,"character":4},"end":{"line":10,"character":5}},"text":"x"}]}}"#
        let largeText = String(repeating: "func f() { print(\\\"héllo 😀\\\") }\\n", count: 2000)
        let large =
            #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.swift","version":2},"contentChanges":[{"text":"\#(largeText)"}]}}"#
        var unit: [UInt8] = []
        for _ in 0..<50 { unit += Array("Content-Length: \(small.utf8.count)\r\n\r\n\(small)".utf8) }
        unit += Array("Content-Length: \(large.utf8.count)\r\n\r\n\(large)".utf8)
        var stream: [UInt8] = []
        while stream.count < megabytes * 1_000_000 { stream += unit }

        for round in 1...3 {
            let clock = ContinuousClock()
            let start = clock.now
            var parser = FrameParser()
            var messages = 0
            var framingOnly = Duration.zero
            var classifying = Duration.zero
            try stream.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let end = min(bytes.count, offset + 65536)
                    let frameStart = clock.now
                    let events = parser.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                    framingOnly += clock.now - frameStart
                    for case .frame(let body) in events {
                        let classifyStart = clock.now
                        let message = IncomingMessage.parse(body)
                        classifying += clock.now - classifyStart
                        guard case .notification(let method, let params) = message else {
                            throw BenchError("unexpected message")
                        }
                        if method == DidChangeTextDocumentNotification.method {
                            _ = try MessageCoding.decodeParams(DidChangeTextDocumentNotification.self, from: params)
                        }
                        messages += 1
                    }
                    offset = end
                }
            }
            let seconds = Statistics.milliseconds(clock.now - start) / 1000
            let megabytesPerSecond = Double(stream.count) / 1_000_000 / seconds
            let framingMBs = Double(stream.count) / 1_000_000 / (Statistics.milliseconds(framingOnly) / 1000)
            print(
                "round \(round): \(messages) messages, \(stream.count / 1_000_000) MB: framing+decoding \(Statistics.format(megabytesPerSecond, digits: 1)) MB/s (framing alone \(Statistics.format(framingMBs, digits: 1)) MB/s, classifying \(Statistics.format(Statistics.milliseconds(classifying) / 1000 / seconds * 100, digits: 0))% of the time)"
            )
        }
    }
}
