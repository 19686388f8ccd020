import Testing

@testable import CodingAgent
@testable import SparkDoctor

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The doctor's copy of what the coding agent looks for on `PATH` agrees with the agent's own code.
@Suite struct ToolchainCatalogTests {
    @Test func executeCodeLooksForWhatTheCatalogLists() throws {
        #expect(Set(ToolchainCatalog.executeCode.map(\.language)) == Set(CodeLanguage.allCases.map(\.rawValue)))
        for (language, alternatives) in ToolchainCatalog.executeCode {
            let code = try #require(CodeLanguage(rawValue: language))
            for programs in alternatives {
                let directory = try Self.directory(with: programs)
                defer { try? FileManager.default.removeItem(atPath: directory) }
                let plan = RunPlan.make(
                    language: code, sourceFile: "/tmp/main.x", scratch: "/tmp",
                    locator: ToolchainLocator(searchPath: directory))
                #expect((try? plan.get()) != nil, "\(language) runs with \(programs) alone")
                // With any one of them missing it does not.
                for missing in programs where programs.count > 1 {
                    let fewer = try Self.directory(with: programs.filter { $0 != missing })
                    defer { try? FileManager.default.removeItem(atPath: fewer) }
                    let partial = RunPlan.make(
                        language: code, sourceFile: "/tmp/main.x", scratch: "/tmp",
                        locator: ToolchainLocator(searchPath: fewer))
                    #expect((try? partial.get()) == nil, "\(language) needs \(missing)")
                }
            }
            let empty = try Self.directory(with: [])
            defer { try? FileManager.default.removeItem(atPath: empty) }
            let none = RunPlan.make(
                language: code, sourceFile: "/tmp/main.x", scratch: "/tmp", locator: ToolchainLocator(searchPath: empty)
            )
            #expect((try? none.get()) == nil, "\(language) needs one of \(alternatives)")
        }
    }

    @Test func theAnalysisCheckersAreTheCatalogs() {
        for (language, alternatives) in ToolchainCatalog.analysis where language != "python" {
            guard let source = SourceLanguage(rawValue: language) else {
                Issue.record("no analysis language \(language)")
                continue
            }
            #expect(CheckerCommand.candidates(for: source).map { [$0.executable] } == alternatives, "\(language)")
        }
        #expect(CheckerCommand.candidates(for: .python).isEmpty, "Python is checked by the AST driver on python3")
    }

    private static func directory(with programs: [String]) throws -> String {
        var template = Array("/tmp/spark-catalog-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw MakeDirectoryFailed() }
        let directory = String(cString: made)
        for program in programs {
            try "#!/bin/sh\n".write(toFile: directory + "/" + program, atomically: true, encoding: .utf8)
            chmod(directory + "/" + program, 0o755)
        }
        return directory
    }
}

private struct MakeDirectoryFailed: Error {}
