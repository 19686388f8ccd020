import AgentCore

extension PatternCatalog {
    static let swift: [CodePattern] = [
        CodePattern(
            .swift, .fileIO, "Read and write files with FileManager and Data",
            keywords: ["filemanager", "data", "url"], signal: #"FileManager|Data\(contentsOf|\.write\(to"#,
            code: """
                import FoundationEssentials

                let url = URL(filePath: "config.json")
                let data = try Data(contentsOf: url)
                try data.write(to: URL(filePath: "copy.json"), options: .atomic)
                let exists = FileManager.default.fileExists(atPath: url.path)
                """),
        CodePattern(
            .swift, .http, "HTTP with URLSession async/await", keywords: ["urlsession", "asynchttpclient"],
            signal: #"URLSession|HTTPClient|URLRequest"#,
            code: """
                var request = URLRequest(url: URL(string: "https://api.example.com/items")!)
                request.timeoutInterval = 10
                let (data, response) = try await URLSession.shared.data(for: request)
                guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
                    throw APIError.badStatus
                }
                let items = try JSONDecoder().decode([Item].self, from: data)
                """),
        CodePattern(
            .swift, .json, "Codable types with JSONEncoder/JSONDecoder",
            keywords: ["codable", "decodable", "encodable", "jsondecoder", "codingkeys"],
            signal: #"Codable|JSONDecoder|JSONEncoder"#,
            code: """
                struct User: Codable, Sendable {
                    var id: Int
                    var displayName: String
                    enum CodingKeys: String, CodingKey { case id, displayName = "display_name" }
                }
                let user = try JSONDecoder().decode(User.self, from: data)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                let json = try encoder.encode(user)
                """),
        CodePattern(
            .swift, .errorHandling, "Typed errors, do/catch and rethrowing with context",
            keywords: ["throws", "do", "localizederror"], signal: #"\bthrows\b|catch\s*(let|\{)"#,
            code: """
                struct ConfigError: Error, CustomStringConvertible {
                    var key: String
                    var underlying: (any Error)?
                    var description: String { "bad configuration value for \\(key)" }
                }

                func port(from settings: [String: String]) throws(ConfigError) -> Int {
                    guard let text = settings["port"], let port = Int(text) else { throw ConfigError(key: "port") }
                    return port
                }
                """),
        CodePattern(
            .swift, .concurrency, "Structured concurrency: task groups and actors",
            keywords: ["taskgroup", "actor", "sendable", "mutex"],
            signal: #"withTaskGroup|withThrowingTaskGroup|\bactor\b|Task \{"#,
            code: """
                actor Cache {
                    private var values: [String: Data] = [:]
                    func value(for key: String) -> Data? { values[key] }
                    func store(_ data: Data, for key: String) { values[key] = data }
                }

                let pages = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                    for (index, url) in urls.enumerated() { group.addTask { (index, try await fetch(url)) } }
                    var results = [String](repeating: "", count: urls.count)
                    for try await (index, page) in group { results[index] = page }
                    return results
                }
                """),
        CodePattern(
            .swift, .testing, "swift-testing suites, parameterised tests and #expect",
            keywords: ["swift-testing", "xctest", "expect"], signal: #"@Test|@Suite|XCTestCase|XCTAssert"#,
            code: """
                import Testing
                @testable import MyLibrary

                @Suite struct ParserTests {
                    @Test(arguments: [("1+2", 3), ("2*3", 6)])
                    func evaluates(expression: String, expected: Int) throws {
                        #expect(try Parser().evaluate(expression) == expected)
                    }

                    @Test func rejectsGarbage() {
                        #expect(throws: ParseError.self) { try Parser().evaluate("+") }
                    }
                }
                """),
        CodePattern(
            .swift, .cliArguments, "A command with swift-argument-parser",
            keywords: ["argumentparser", "parsablecommand"],
            signal: #"ParsableCommand|@Option|@Argument|CommandLine\.arguments"#,
            code: """
                import ArgumentParser

                @main struct Resize: AsyncParsableCommand {
                    @Argument(help: "Images to resize.") var paths: [String]
                    @Option(name: .shortAndLong, help: "Target width.") var width = 800
                    @Flag(name: .shortAndLong) var verbose = false

                    func run() async throws {
                        for path in paths { try await resize(path, width: width) }
                    }
                }
                """),
        CodePattern(
            .swift, .logging, "swift-log loggers passed in, not global", keywords: ["swift-log", "logger", "oslog"],
            signal: #"Logger\(|import Logging|logger\.(info|debug|error)"#,
            code: """
                import Logging

                struct Importer {
                    let logger: Logger
                    func run(_ files: [String]) {
                        logger.info("importing", metadata: ["count": "\\(files.count)"])
                    }
                }
                // In main only: LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
                """),
        CodePattern(
            .swift, .regex, "Swift Regex literals and builders", keywords: ["regex", "wholematch", "firstmatch"],
            signal: #"Regex|firstMatch\(|wholeMatch\(|NSRegularExpression"#,
            code: """
                let line = "ERROR disk full"
                if let match = line.wholeMatch(of: /(?<level>INFO|WARN|ERROR) (?<message>.+)/) {
                    print(match.level, match.message)
                }
                let cleaned = text.replacing(/\\s+/, with: " ")
                """),
        CodePattern(
            .swift, .dates, "Dates, durations and ISO 8601",
            keywords: ["date", "duration", "continuousclock", "iso8601"],
            signal: #"Date\(|ContinuousClock|ISO8601|\.formatted\("#,
            code: """
                let now = Date.now
                let stamp = now.formatted(.iso8601)                 // 2024-05-01T12:00:00Z
                let parsed = try Date("2024-05-01T12:00:00Z", strategy: .iso8601)
                let clock = ContinuousClock()
                let elapsed = clock.measure { work() }               // a Duration, monotonic
                """),
        CodePattern(
            .swift, .subprocess, "Run a program with swift-subprocess", keywords: ["subprocess", "process"],
            signal: #"Subprocess|Process\(\)|\.run\(\.name"#,
            code: """
                import Subprocess

                let result = try await run(
                    .name("git"), arguments: ["status", "--short"],
                    output: .string(limit: 1 << 20), error: .string(limit: 1 << 16)
                )
                guard result.terminationStatus.isSuccess else { throw GitError.failed(result.standardError) }
                let changed = (result.standardOutput ?? "").split(separator: "\\n")
                """),
    ]
}
