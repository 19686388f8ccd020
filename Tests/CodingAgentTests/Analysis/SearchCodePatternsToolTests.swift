import AgentCore
import CodingAgent
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct SearchCodePatternsToolTests {
    @Test func catalogueCoversEveryLanguageAndTopic() {
        for language in [SourceLanguage.python, .swift, .javascript, .go, .rust, .java, .c] {
            let topics = Set(PatternCatalog.all.filter { $0.language == language }.map(\.topic))
            #expect(topics.count >= (language == .c ? 10 : 11), "\(language): \(topics)")
        }
    }

    @Test func keywordsPickTheRightPattern() {
        #expect(PatternCatalog.search("read a json file", language: .python).first?.topic == .json)
        #expect(PatternCatalog.search("concurrent http requests", language: .go).map(\.topic).contains(.concurrency))
        #expect(PatternCatalog.search("parse command line arguments", language: .rust).first?.topic == .cliArguments)
        #expect(PatternCatalog.search("run a subprocess", language: .swift).first?.topic == .subprocess)
        // TypeScript sees its own patterns first, then JavaScript's.
        let typescript = PatternCatalog.search("json parse", language: .typescript)
        #expect(typescript.first?.language == .typescript)
        #expect(PatternCatalog.search("zzz qqq", language: nil).isEmpty)
    }

    @Test func workspaceExamplesAreFoundAndIgnoredFoldersSkipped() async throws {
        let root = try AnalysisTestSupport.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "app/io.py": "import json\n\ndef load(p):\n    return json.loads(open(p).read())\n",
            "node_modules/lib/x.py": "json.loads('{}')\n",
            ".git/hooks/y.py": "json.loads('{}')\n",
            "notes.txt": "json.loads",
        ]
        for (path, text) in files {
            let url = URL(fileURLWithPath: "\(root)/\(path)")
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let tool = SearchCodePatternsTool(workspaceRoot: root)
        let result = try await AnalysisTestSupport.run(tool, ["query": "parse json", "language": "python"])
        #expect(!result.isError)
        #expect(result.content.contains("## Load and dump JSON (python, JSON)"))
        #expect(result.content.contains("In this workspace:\n- app/io.py:4: return json.loads(open(p).read())"))
        #expect(!result.content.contains("node_modules"))
        #expect(!result.content.contains(".git/"))
        #expect(!result.content.contains("notes.txt"))
    }

    @Test func scanIsBoundedByFilesAndHitsPerFile() throws {
        let root = try AnalysisTestSupport.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for index in 0..<10 {
            try Data(String(repeating: "json.loads(x)\n", count: 5).utf8).write(
                to: URL(fileURLWithPath: "\(root)/m\(index).py"))
        }
        var scanner = WorkspacePatternScanner(root: root, maxFiles: 3, maxExamples: 100)
        let limited = scanner.examples(signal: #"json\.loads"#, extensions: ["py"])
        #expect(Set(limited.map(\.path)).count == 3)
        #expect(limited.count == 6)  // two per file
        scanner.maxPerFile = 5
        let two = scanner.examples(for: [(#"json\.loads"#, ["py"]), (#"nothing-here"#, ["py"])])
        #expect(two.map(\.count) == [15, 0])
    }

    @Test func noMatchListsTheTopics() async throws {
        let result = try await AnalysisTestSupport.run(
            SearchCodePatternsTool(workspaceRoot: nil), ["query": "quantum teleportation"])
        #expect(result.content.contains("Topics covered: file I/O, HTTP, JSON"))
        let missing = try await AnalysisTestSupport.run(SearchCodePatternsTool(workspaceRoot: nil), [:])
        #expect(missing.isError)
    }
}
