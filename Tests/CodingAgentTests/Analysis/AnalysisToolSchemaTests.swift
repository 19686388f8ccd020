import AgentCore
import CodingAgent
import Testing

/// The model sees exactly these names and parameters, generated from the tools' argument types.
@Suite struct AnalysisToolSchemaTests {
    @Test func namesParametersAndRequiredFields() {
        let tools = AnalysisTools.make(workspaceRoot: nil)
        let expected: [(String, [String], [String])] = [
            ("analyze_code", ["code", "language"], ["code", "language"]),
            ("search_code_patterns", ["language", "query"], ["query"]),
            ("generate_tests", ["code", "framework", "language"], ["code", "language"]),
            ("explain_code", ["code", "language"], ["code", "language"]),
            ("suggest_improvements", ["code", "focus", "language"], ["code", "language"]),
        ]
        #expect(tools.map(\.name) == expected.map(\.0))
        for (tool, (name, properties, required)) in zip(tools, expected) {
            let schema = tool.parametersSchema
            #expect(schema["type"] == "object", "\(name)")
            #expect(schema["additionalProperties"] == false, "\(name)")
            #expect(schema["properties"]?.objectValue?.keys.sorted() == properties, "\(name)")
            #expect(schema["required"] == .array(required.map { .string($0) }), "\(name)")
            for (property, value) in schema["properties"]?.objectValue ?? [:] {
                #expect((value["description"]?.stringValue?.count ?? 0) > 20, "\(name).\(property) needs a description")
            }
            #expect(tool.description.count > 150, "\(name)")
            #expect(tool.definition.name == name)
        }
    }

    @Test func languageEnumsListEveryLanguage() {
        let schema = AnalyzeCodeTool().parametersSchema
        #expect(
            schema["properties"]?["language"]?["enum"] == [
                "python", "swift", "javascript", "typescript", "go", "rust", "java", "c", "cpp",
            ])
        #expect(SourceLanguage(name: "C++") == .cpp)
        #expect(SourceLanguage(name: " Py ") == .python)
        #expect(SourceLanguage(name: "golang") == .go)
    }
}
