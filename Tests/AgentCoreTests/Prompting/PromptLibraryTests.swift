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

    @Test func supervisorPromptReceivesTheSpecialists() throws {
        let specialists =
            "- `coding`: reads and edits code (transfer_to_coding)\n- `rag`: answers from documents (transfer_to_rag)"
        let text = try bundled().render(.supervisorSystem, values: ["specialists": specialists])
        #expect(text.count > 400)
        #expect(text.contains(specialists))
        #expect(text.contains("transfer_to_<agent>"))
        #expect(throws: PromptLibraryError.self) { try bundled().render(.supervisorSystem, strict: true) }
    }

    @Test func overrideDirectoryWinsAndMissingOnesAreClearErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spark-prompts-\(UInt64.random(in: 0...UInt64.max))"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("Custom {{ specialists }} prompt".utf8).write(
            to: URL(fileURLWithPath: "\(directory)/supervisor_system.md"))
        try Data([0xFF, 0xFE]).write(to: URL(fileURLWithPath: "\(directory)/broken.md"))

        let library = try PromptLibrary.locate(environment: ["SPARK_PROMPTS_DIR": directory])
        #expect(try library.render(.supervisorSystem, values: ["specialists": "x"]) == "Custom x prompt")
        // A prompt the override directory lacks comes from the embedded copy.
        let other = EmbeddedPrompt(name: "other", bytes: Array("embedded {{a}}".utf8))
        #expect(try library.render(other, values: ["a": "1"]) == "embedded 1")
        // A broken override is an error, and `renderedOrEmbedded` falls back to the embedded text.
        let broken = EmbeddedPrompt(name: "broken", bytes: Array("fine".utf8))
        let unreadable = #expect(throws: PromptLibraryError.self) { try library.template(broken) }
        #expect(unreadable?.code == .unreadable)
        #expect(library.renderedOrEmbedded(broken) == "fine")

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
        #expect(PromptTemplate.render("é {{not a name!}} {{x}} ü}}", values: ["x": "ß"]) == "é {{not a name!}} ß ü}}")
        #expect(PromptTemplate.render("{{{x}}}", values: ["x": "1"]) == "{{{x}}}")
        #expect(PromptTemplate.render("{{ümlaut}}", values: ["ümlaut": "1"]) == "1")
    }

    @Test func embeddedRendersAreKeptPerValuesAndOverridesAreReadEachTime() throws {
        let prompt = EmbeddedPrompt(name: "kept_prompt", bytes: Array("work in {{workspace}}".utf8))
        let library = PromptLibrary()
        #expect(library.renderedOrEmbedded(prompt, values: ["workspace": "/a"]) == "work in /a")
        #expect(library.renderedOrEmbedded(prompt, values: ["workspace": "/b"]) == "work in /b")
        #expect(library.renderedOrEmbedded(prompt, values: ["workspace": "/a"]) == "work in /a")
        #expect(library.renderedOrEmbedded(prompt) == "work in {{workspace}}")
        // Another prompt of the same name has renders of its own.
        let other = EmbeddedPrompt(name: "kept_prompt", bytes: Array("other {{workspace}}".utf8))
        #expect(library.renderedOrEmbedded(other, values: ["workspace": "/a"]) == "other /a")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spark-prompts-\(UInt64.random(in: 0...UInt64.max))"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let overriding = PromptLibrary(directory: directory)
        #expect(overriding.renderedOrEmbedded(prompt, values: ["workspace": "/a"]) == "work in /a")
        let file = URL(fileURLWithPath: "\(directory)/kept_prompt.md")
        try Data("first {{workspace}}".utf8).write(to: file)
        #expect(overriding.renderedOrEmbedded(prompt, values: ["workspace": "/a"]) == "first /a")
        try Data("second {{workspace}}".utf8).write(to: file)
        #expect(overriding.renderedOrEmbedded(prompt, values: ["workspace": "/a"]) == "second /a")
    }
}
