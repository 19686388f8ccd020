import AgentCore
import Testing

@testable import CodingAgent

@Suite struct CodingPromptsTests {
    let library = PromptLibrary()

    @Test(arguments: CodingPrompts.all.map(\.name))
    func everyPromptLoadsAndUsesOnlyKnownPlaceholders(name: String) throws {
        let prompt = try #require(CodingPrompts.all.first { $0.name == name })
        let text = try library.template(prompt)
        #expect(text.count > 400, "\(name) is suspiciously short")
        #expect(Set(PromptTemplate.placeholders(in: text)).isSubset(of: ["workspace"]))
        let rendered = try library.render(prompt, values: ["workspace": "/work/project"], strict: true)
        #expect(!rendered.contains("{{"))
    }

    @Test func codingPromptFillsTheWorkspaceAndCoversTheEssentials() throws {
        let text = try library.render(CodingPrompts.system, values: ["workspace": "/home/ada/engine"])
        #expect(text.contains("in the workspace at `/home/ada/engine`"))
        for tool in [
            "file_read", "file_write", "glob", "grep", "bash", "execute_code", "python_repl", "memory", "analyze_code",
            "search_code_patterns", "generate_tests", "explain_code", "suggest_improvements",
        ] {
            #expect(text.contains("`\(tool)"), "coding prompt does not mention \(tool)")
        }
        #expect(text.contains("str_replace"))
        #expect(text.contains("Read before you write"))
        #expect(text.contains("refused because the file changed"))
        #expect(text.contains("refused:"))
    }

    @Test(arguments: PromptWorkflow.allCases)
    func eachWorkflowBuildsOnTheCodingPrompt(workflow: PromptWorkflow) throws {
        let text = library.codingInstructions(for: workflow, values: ["workspace": "/w"])
        #expect(text.hasPrefix(try library.render(CodingPrompts.system, values: ["workspace": "/w"])))
        if let prompt = workflow.prompt {
            #expect(text.hasSuffix(try library.template(prompt)))
            #expect(text.contains("# Workflow:"))
        } else {
            #expect(!text.contains("# Workflow:"))
        }
    }

    @Test func workflowNamesAcceptTheUsualSpellings() throws {
        #expect(PromptWorkflow(name: "codeReview") == .codeReview)
        #expect(PromptWorkflow(name: "code-review") == .codeReview)
        #expect(PromptWorkflow(name: "review") == .codeReview)
        #expect(PromptWorkflow(name: "Feature") == .featureDevelopment)
        #expect(PromptWorkflow(name: "architecture") == .codeArchitecture)
        #expect(PromptWorkflow(name: "debug") == .debugging)
        #expect(PromptWorkflow(name: "coding") == .coding)
        #expect(PromptWorkflow(name: "poetry") == nil)
        let error = #expect(throws: ChatError.self) { try CodingAgentModule.workflow(named: "poetry") }
        #expect(error?.code == .invalidRequest && error?.message.contains("code_review") == true)
    }
}
