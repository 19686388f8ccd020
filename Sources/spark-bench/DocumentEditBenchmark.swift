import ArgumentParser
import SparkLSP

/// `spark-bench document-edit`: what one incremental `didChange` edit costs on a small and on a
/// large document, timed on ``DocumentBuffer`` (position conversion plus the replace).
///
/// Each document takes the same seeded mix of edits at random positions (typing a character,
/// deleting one, splitting and joining lines, pasting a line with an emoji, deleting across lines),
/// with UTF-16 positions, after a warm-up. It prints the median and 99th percentile per edit for
/// both documents and their ratio (an edit that costs in proportion to itself keeps the ratio near 1),
/// then the same for the large size as a single line, like a minified file.
struct DocumentEditBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document-edit",
        abstract: "Time incremental edits on a 10 KB and a 5 MB document."
    )

    @Option(help: "Edits timed on each document.")
    var edits = 5000

    @Option(help: "Size of the small document in bytes.")
    var smallBytes = 10_000

    @Option(help: "Size of the large document in bytes.")
    var largeBytes = 5_000_000

    /// Per-edit timings of one document, in nanoseconds.
    struct Figures {
        var bytes: Int
        var lines: Int
        var median: Double
        var p99: Double
    }

    func run() throws {
        let small = measure(bytes: smallBytes, singleLine: false)
        let large = measure(bytes: largeBytes, singleLine: false)
        let oneLine = measure(bytes: largeBytes, singleLine: true)
        print("document-edit: \(edits) edits per document, UTF-16 positions")
        for figures in [small, large, oneLine] {
            print(
                "  \(figures.bytes) bytes, \(figures.lines) lines: median \(Self.micro(figures.median)) µs, "
                    + "p99 \(Self.micro(figures.p99)) µs")
        }
        print(
            "  ratio large/small: median \(Self.ratio(large.median, small.median))x, "
                + "p99 \(Self.ratio(large.p99, small.p99))x")
    }

    /// Builds a document of about `bytes` bytes of code-like lines (or one long line) and times the
    /// edits on it.
    func measure(bytes: Int, singleLine: Bool) -> Figures {
        var text = ""
        text.reserveCapacity(bytes + 64)
        var lineNumber = 0
        while text.utf8.count < bytes {
            text += "    let value\(lineNumber) = compute(\(lineNumber)) /* 中文 😀 note */"
            text += singleLine ? " " : "\n"
            lineNumber += 1
        }
        var buffer = DocumentBuffer(text)
        let lines = buffer.lineCount
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
        let clock = ContinuousClock()
        var timings: [Double] = []
        timings.reserveCapacity(edits)
        for index in 0..<(edits + 200) {
            let line = next(buffer.lineCount - 1)
            let character = next(singleLine && line == 0 ? buffer.utf8Count : 40)
            let start = TextPoint(line: line, character: character)
            let (end, newText): (TextPoint, String)
            let pasted = "        let pasted = \"😀 中文\" // a pasted line"
            switch (index % 6, singleLine) {
            case (0, _): (end, newText) = (start, "x")
            case (1, _): (end, newText) = (TextPoint(line: line, character: character + 1), "")
            case (2, false): (end, newText) = (start, "\n")
            case (2, true): (end, newText) = (start, " ")
            case (3, false): (end, newText) = (TextPoint(line: line + 1, character: 0), "")
            case (3, true): (end, newText) = (TextPoint(line: line, character: character + 10), "")
            case (4, false): (end, newText) = (start, pasted + "\n")
            case (4, true): (end, newText) = (start, pasted)
            case (_, false): (end, newText) = (TextPoint(line: line + 1, character: 45), "")
            case (_, true): (end, newText) = (TextPoint(line: line, character: character + 45), "")
            }
            let began = clock.now
            buffer.replace(from: start, to: end, with: newText, encoding: .utf16)
            let elapsed = clock.now - began
            if index >= 200 {
                let (seconds, attoseconds) = elapsed.components
                timings.append(Double(seconds) * 1e9 + Double(attoseconds) / 1e9)
            }
        }
        timings.sort()
        return Figures(
            bytes: text.utf8.count,
            lines: lines,
            median: timings[timings.count / 2],
            p99: timings[min(timings.count - 1, timings.count * 99 / 100)]
        )
    }

    static func micro(_ nanoseconds: Double) -> String {
        let hundredths = Int((nanoseconds / 10).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func ratio(_ large: Double, _ small: Double) -> String {
        micro(large / max(small, 1) * 1000)
    }
}
