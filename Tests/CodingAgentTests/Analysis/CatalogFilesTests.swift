import Testing

@testable import CodingAgent

/// The embedded data files: each decodes, and each regular expression in them compiles the way its
/// user compiles it.
@Suite struct CatalogFilesTests {
    @Test(arguments: PatternCatalog.files.map(\.name))
    func everyPatternFileDecodesAndEverySignalCompiles(name: String) throws {
        let file = try #require(PatternCatalog.files.first { $0.name == name })
        let patterns = try file.decode([CodePattern].self)
        #expect(!patterns.isEmpty)
        for pattern in patterns {
            #expect((try? Regex(pattern.signal)) != nil, "\(name): \(pattern.title)")
            #expect(!pattern.code.isEmpty, "\(name): \(pattern.title)")
        }
    }

    @Test func everyLineRuleDecodesAndCompiles() throws {
        let rules = try LineRuleCatalog.file.decode([LineRule].self)
        #expect(!rules.isEmpty)
        for rule in rules {
            #expect((try? Regex("(?m)" + rule.pattern)) != nil, "\(rule.id)")
            #expect(rule.hints == rule.hints.map { $0.lowercased() }, "\(rule.id)")
        }
    }

    @Test func thePatternCatalogueIsTheFilesInOrder() throws {
        let decoded = try PatternCatalog.files.flatMap { try $0.decode([CodePattern].self) }
        #expect(decoded == PatternCatalog.all)
    }

    @Test func thePythonDriversAreEmbedded() {
        #expect(PythonASTDriver.source.hasPrefix("import ast, json, sys"))
        #expect(PythonREPLDriver.source.contains("REQUESTS, RESPONSES, LIFELINE = 3, 4, 5"))
    }
}
