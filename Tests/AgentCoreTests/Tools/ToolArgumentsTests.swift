import AgentCore
import SparkJSON
import Testing

/// The tool-argument contract: the schema and the lenient decoding come from one type, and every
/// rejection is one `ArgumentsError` the model can act on.
@Suite struct ToolArgumentsTests {
    enum Mode: String, SchemaEnumeration, Sendable { case fast, careful }

    struct Search: ToolArguments {
        var pattern: String
        var maxResults: Int?
        var caseSensitive: Bool?
        var ratio: Double?
        var label: String?
        var mode: Mode?

        enum CodingKeys: String, CodingKey {
            case pattern, ratio, label, mode
            case maxResults = "max_results"
            case caseSensitive = "case_sensitive"
        }

        static let argumentDescriptions = [
            "pattern": "What to find.", "max_results": "The most results.", "case_sensitive": "Match case.",
            "ratio": "A ratio.", "label": "A label.", "mode": "How hard to look.",
        ]
        static let argumentConstraints: [String: JSONValue] = ["max_results": ["minimum": 1, "maximum": 100]]
    }

    struct SearchTool: TypedAgentTool {
        var name: String { "search" }
        var description: String { "Searches." }
        var argumentDescriptions: [String: String] { ["label": "A label (default `none`)."] }

        func run(_ arguments: Search, context: ToolContext) async throws -> ToolResult {
            if arguments.pattern.isEmpty { throw ArgumentsError(tool: name, "`pattern` must not be empty") }
            return ToolResult(
                "\(arguments.pattern)|\(arguments.maxResults ?? -1)|\(arguments.caseSensitive.map(String.init) ?? "nil")|\(arguments.ratio ?? -1)|\(arguments.label ?? "nil")|\(arguments.mode?.rawValue ?? "nil")"
            )
        }
    }

    static let context = ToolContext(sessionID: "s", agentName: "a", toolCallID: "c")

    func call(_ json: String) async throws -> ToolResult {
        try await SearchTool().call(try JSONValue(parsing: json), context: Self.context)
    }

    @Test func theSchemaComesFromTheType() {
        #expect(
            SearchTool().parametersSchema == [
                "type": "object",
                "properties": [
                    "pattern": ["type": "string", "description": "What to find."],
                    "max_results": [
                        "type": "integer", "description": "The most results.", "minimum": 1, "maximum": 100,
                    ],
                    "case_sensitive": ["type": "boolean", "description": "Match case."],
                    "ratio": ["type": "number", "description": "A ratio."],
                    "label": ["type": "string", "description": "A label (default `none`)."],
                    "mode": ["type": "string", "enum": ["fast", "careful"], "description": "How hard to look."],
                ],
                "required": ["pattern"],
                "additionalProperties": false,
            ])
    }

    @Test func whatLocalModelsWriteIsAccepted() async throws {
        #expect(try await call(#"{"pattern": "x"}"#).content == "x|-1|nil|-1.0|nil|nil")
        #expect(
            try await call(#"{"pattern": "x", "max_results": "20", "case_sensitive": "true", "ratio": " 0.5 ",}"#)
                .content
                == "x|20|true|0.5|nil|nil")
        #expect(
            try await call(#"{"pattern": "x", "case_sensitive": "False", "max_results": 20.0}"#).content
                == "x|20|false|-1.0|nil|nil")
        #expect(try await call(#"{"pattern": 42, "label": 7}"#).content == "42|-1|nil|-1.0|7|nil")
        #expect(
            try await call(
                #"{"pattern": "x", "max_results": null, "case_sensitive": null, "label": null, "mode": null}"#
            )
            .content == "x|-1|nil|-1.0|nil|nil")
        #expect(try await call(#"{"pattern": "x", "max_results": "", "mode": ""}"#).content == "x|-1|nil|-1.0|nil|nil")
        #expect(try await call(#"{"pattern": "x", "mode": " Careful"}"#).content == "x|-1|nil|-1.0|nil|careful")
        #expect(try await call(#"{"pattern": "x", "extra": 1}"#).content == "x|-1|nil|-1.0|nil|nil")
        #expect(try await SearchTool().call(.null, context: Self.context).isError)
    }

    @Test func rejectionsSayWhatToFix() async throws {
        let cases: [(String, String)] = [
            (#"{}"#, "missing required argument 'pattern'"),
            (#"{"pattern": null}"#, "argument 'pattern' must be a string, not null"),
            (#"{"pattern": "x", "max_results": "lots"}"#, #"argument 'max_results' must be an integer, got "lots""#),
            (
                #"{"pattern": "x", "max_results": 2.5}"#,
                "argument 'max_results' is invalid: Parsed JSON number <2.5> does not fit in Int."
            ),
            (#"{"pattern": "x", "case_sensitive": "yes"}"#, #"argument 'case_sensitive' must be a boolean, got "yes""#),
            (#"{"pattern": ["x"]}"#, #"argument 'pattern' must be a string, got ["x"]"#),
            (
                #"{"pattern": "x", "mode": "slow"}"#,
                #"argument 'mode' is invalid: unknown value "slow"; use one of: fast, careful"#
            ),
            (#"{"pattern": ""}"#, "`pattern` must not be empty"),
        ]
        for (json, problem) in cases {
            let result = try await call(json)
            #expect(result.isError, "\(json)")
            #expect(result.content == "error: invalid arguments for `search`: " + problem, "\(json)")
        }
        let notAnObject = try await SearchTool().call([1, 2], context: Self.context)
        #expect(
            notAnObject.content
                == "error: invalid arguments for `search`: the arguments must be a JSON object, got [1,2]")
    }

    @Test func decodingAloneThrowsTheSameError() throws {
        #expect(throws: ArgumentsError(tool: "search", "missing required argument 'pattern'")) {
            try Search.decode([:], tool: "search")
        }
        #expect(try Search.decode(["pattern": "p", "max_results": "3"], tool: "search").maxResults == 3)
    }

    @Test func theStrictDecoderStaysStrict() {
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Search.self, from: ["pattern": 1]) }
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder().decode(Search.self, from: ["pattern": "x", "max_results": "3"])
        }
    }
}
