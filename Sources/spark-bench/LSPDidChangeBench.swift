import ArgumentParser
import Logging
import SparkLSP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `didChange` cost (decode the notification + apply it to the store) on a 10 KB and a 5 MB document.
struct LSPDidChangeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp-didchange", abstract: "didChange decode+apply cost: 10 KB vs 5 MB document (median, p99).")

    @Option(help: "Edits per document size.") var edits = 500

    func run() async throws {
        var medians: [Double] = []
        for size in [10 * 1024, 5 * 1024 * 1024] {
            let (median, p99) = try await measure(documentBytes: size)
            medians.append(median)
            print(
                "didChange on \(size / 1024) KB: median \(Statistics.format(median * 1000)) µs, p99 \(Statistics.format(p99 * 1000)) µs"
            )
        }
        print(
            "5 MB / 10 KB median ratio: \(Statistics.format(medians[1] / medians[0], digits: 2))x (target: 5 MB under 1 ms)"
        )
    }

    private func measure(documentBytes: Int) async throws -> (Double, Double) {
        let line = "let value = \"ascii and ü 😀 世界\" // a typical line of code......\n"
        let lineCount = max(1, documentBytes / line.utf8.count)
        let text = String(repeating: line, count: lineCount)
        let store = DocumentStore(logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })
        let uri = "file:///bench.swift"
        await store.open(TextDocumentItem(uri: uri, languageId: "swift", version: 0, text: text))
        let clock = ContinuousClock()
        var times: [Double] = []
        for version in 1...edits {
            let lineNumber = (version * 7919) % lineCount
            let body = Data(
                #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":\#(version)},"contentChanges":[{"range":{"start":{"line":\#(lineNumber),"character":17},"end":{"line":\#(lineNumber),"character":18}},"text":"é"}]}}"#
                    .utf8)
            let start = clock.now
            guard case .notification(_, let params) = IncomingMessage.parse(body) else {
                throw BenchError("not a notification")
            }
            let change = try MessageCoding.decodeParams(DidChangeTextDocumentNotification.self, from: params)
            let outcome = await store.change(change)
            times.append(Statistics.milliseconds(clock.now - start))
            guard outcome == .applied else { throw BenchError("edit \(version) was not applied: \(outcome)") }
        }
        return (Statistics.median(times), Statistics.percentile(times, 0.99))
    }
}
