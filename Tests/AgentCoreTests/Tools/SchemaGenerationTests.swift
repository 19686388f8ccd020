import AgentCore
import SparkJSON
import Testing

@Suite struct SchemaGenerationTests {
    enum Operation: String, SchemaEnumeration { case create, overwrite, delete }

    struct Range: Decodable, DescribedArguments {
        var start: Int
        var end: Int?
        static let argumentDescriptions = ["start": "First line, 1-based."]
    }

    struct Arguments: Decodable, DescribedArguments {
        var path: String
        var operation: Operation
        var content: String?
        var limit: Int?
        var ratio: Double
        var force: Bool
        var tags: [String]
        var ranges: [Range]?
        var metadata: [String: Int]?
        var extra: JSONValue?
        static let argumentDescriptions = ["path": "Path relative to the workspace."]
    }

    @Test func recordsPropertiesTypesAndRequired() throws {
        let schema = try JSONSchemaGenerator.generate(for: Arguments.self)
        #expect(schema["type"] == "object")
        let properties = try #require(schema["properties"]?.objectValue)
        #expect(
            Set(properties.keys) == [
                "path", "operation", "content", "limit", "ratio", "force", "tags", "ranges", "metadata", "extra",
            ])
        #expect(properties["path"] == ["type": "string", "description": "Path relative to the workspace."])
        #expect(properties["limit"] == ["type": "integer"])
        #expect(properties["ratio"] == ["type": "number"])
        #expect(properties["force"] == ["type": "boolean"])
        #expect(properties["tags"] == ["type": "array", "items": ["type": "string"]])
        #expect(properties["metadata"] == ["type": "object", "additionalProperties": ["type": "integer"]])
        #expect(properties["extra"] == [:])
        #expect(schema["required"] == ["path", "operation", "ratio", "force", "tags"])
    }

    @Test func enumsListTheirCases() throws {
        let schema = try JSONSchemaGenerator.generate(for: Arguments.self)
        #expect(schema["properties"]?["operation"] == ["type": "string", "enum": ["create", "overwrite", "delete"]])
    }

    @Test func nestedTypesCarryTheirOwnDescriptionsAndRequired() throws {
        let schema = try JSONSchemaGenerator.generate(for: Arguments.self)
        let items = try #require(schema["properties"]?["ranges"]?["items"])
        #expect(
            items == [
                "type": "object",
                "properties": [
                    "start": ["type": "integer", "description": "First line, 1-based."], "end": ["type": "integer"],
                ],
                "required": ["start"],
            ])
    }

    @Test func explicitDescriptionsWinOverTheProtocol() throws {
        let schema = try JSONSchemaGenerator.generate(
            for: Arguments.self, descriptions: ["path": "Where.", "force": "Overwrite."])
        #expect(schema["properties"]?["path"]?["description"] == "Where.")
        #expect(schema["properties"]?["force"]?["description"] == "Overwrite.")
    }

    struct Node: Decodable {
        var name: String
        var children: [Node]
    }

    @Test func recursiveTypesFailInsteadOfLooping() {
        #expect(throws: DecodingError.self) { try JSONSchemaGenerator.generate(for: Node.self) }
    }

    struct Empty: Decodable {}

    @Test func anEmptyTypeIsAnObjectWithoutRequired() throws {
        #expect(try JSONSchemaGenerator.generate(for: Empty.self) == ["type": "object", "properties": [:]])
    }

    enum Language: String, Decodable, CaseIterable { case swift, python }
    enum Level: Int, Decodable, CaseIterable { case low = 1, high = 3 }
    struct Plain: Decodable {
        var language: Language
        var level: Level?
    }

    @Test func caseIterableRawValueEnumsNeedNoExtraProtocol() throws {
        let schema = try JSONSchemaGenerator.generate(for: Plain.self)
        #expect(schema["properties"]?["language"] == ["type": "string", "enum": ["swift", "python"]])
        #expect(schema["properties"]?["level"] == ["type": "integer", "enum": [1, 3]])
        #expect(schema["required"] == ["language"])
    }
}
