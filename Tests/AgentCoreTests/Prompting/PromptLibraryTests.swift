import AgentCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct PromptLibraryTests {
    /// The library `spark-lsp` uses with no override: the prompts embedded in the binary.
    func bundled() throws -> PromptLibrary {
        try PromptLibrary.locate(environment: [:])
    }

    @Test func everyBundledPromptIsEmbedded() throws {
        let library = try bundled()
        #expect(library.directory == nil)
        #expect(Set(library.availablePrompts()).isSuperset(of: PromptName.bundled))
    }

    @Test(arguments: PromptName.bundled)
    func everyPromptLoadsAndUsesOnlyKnownPlaceholders(name: PromptName) throws {
        let text = try bundled().template(name)
        #expect(text.count > 400, "\(name) is suspiciously short")
        #expect(Set(PromptTemplate.placeholders(in: text)).isSubset(of: ["workspace", "specialists"]))
        let rendered = try bundled().render(
            name, values: ["workspace": "/work/project", "specialists": "- coding: writes code"], strict: true)
        #expect(!rendered.contains("{{"))
    }

    @Test func codingPromptFillsTheWorkspaceAndCoversTheEssentials() throws {
        let text = try bundled().render(.codingSystem, values: ["workspace": "/home/ada/engine"])
        #expect(text.contains("in the workspace at `/home/ada/engine`"))
        for tool in [
            "file_read", "file_write", "glob", "grep", "bash", "execute_code", "python_repl", "memory", "analyze_code",
            "search_code_patterns", "generate_tests", "explain_code", "suggest_improvements",
        ] {
            #expect(text.contains("`\(tool)"), "coding prompt does not mention \(tool)")
        }
        #expect(text.contains("str_replace"))
        #expect(text.contains("refused because the document changed"))
        #expect(text.contains("refused:"))
    }

    @Test func supervisorPromptReceivesTheSpecialists() throws {
        let specialists =
            "- `coding`: reads and edits code (transfer_to_coding)\n- `rag`: answers from documents (transfer_to_rag)"
        let text = try bundled().render(.supervisorSystem, values: ["specialists": specialists])
        #expect(text.contains(specialists))
        #expect(text.contains("transfer_to_<agent>"))
        #expect(throws: PromptLibraryError.self) { try bundled().render(.supervisorSystem, strict: true) }
    }

    @Test(arguments: PromptWorkflow.allCases)
    func eachWorkflowBuildsOnTheCodingPrompt(workflow: PromptWorkflow) throws {
        let library = try bundled()
        let text = try library.codingInstructions(for: workflow, values: ["workspace": "/w"])
        #expect(text.hasPrefix(try library.render(.codingSystem, values: ["workspace": "/w"])))
        if let name = workflow.promptName {
            #expect(text.hasSuffix(try library.template(name)))
            #expect(text.contains("# Workflow:"))
        } else {
            #expect(!text.contains("# Workflow:"))
        }
    }

    @Test func workflowNamesAcceptTheUsualSpellings() {
        #expect(PromptWorkflow(name: "codeReview") == .codeReview)
        #expect(PromptWorkflow(name: "code-review") == .codeReview)
        #expect(PromptWorkflow(name: "review") == .codeReview)
        #expect(PromptWorkflow(name: "Feature") == .featureDevelopment)
        #expect(PromptWorkflow(name: "architecture") == .codeArchitecture)
        #expect(PromptWorkflow(name: "debug") == .debugging)
        #expect(PromptWorkflow(name: "coding") == .coding)
        #expect(PromptWorkflow(name: "poetry") == nil)
    }

    @Test func overrideDirectoryWinsAndMissingOnesAreClearErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spark-prompts-\(UInt64.random(in: 0...UInt64.max))"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("Custom {{ workspace }} prompt".utf8).write(to: URL(fileURLWithPath: "\(directory)/coding_system.md"))

        let library = try PromptLibrary.locate(environment: ["SPARK_PROMPTS_DIR": directory])
        #expect(try library.render(.codingSystem, values: ["workspace": "/x"]) == "Custom /x prompt")
        // A prompt the override directory lacks comes from the embedded copy.
        #expect(try library.template(.debugging) == bundled().template(.debugging))
        let unknown = #expect(throws: PromptLibraryError.self) { try library.template("no_such_prompt") }
        #expect(unknown?.code == .promptNotFound)

        let badOverride = #expect(throws: PromptLibraryError.self) {
            try PromptLibrary.locate(environment: ["SPARK_PROMPTS_DIR": directory + "/nope"])
        }
        #expect(badOverride?.code == .directoryNotFound)
        #expect(badOverride?.message.contains("SPARK_PROMPTS_DIR") == true)
    }

    @Test func templatesFillKnownPlaceholdersAndKeepTheRest() {
        #expect(PromptTemplate.render("a {{x}} b {{ y }} c {{z}}", values: ["x": "1", "y": "2"]) == "a 1 b 2 c {{z}}")
        #expect(PromptTemplate.render("open {{x", values: ["x": "1"]) == "open {{x")
        #expect(PromptTemplate.render("{{x}}{{x}}", values: ["x": "{{x}}"]) == "{{x}}{{x}}")
        #expect(PromptTemplate.placeholders(in: "{{a}} {{ b }} {{a}} {{not a name!}}") == ["a", "b"])
    }
}
