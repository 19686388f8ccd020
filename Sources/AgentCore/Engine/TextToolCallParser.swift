import SparkJSON

/// Finds tool calls that a model wrote into its text instead of `tool_calls`, as local models
/// served without a tool parser often do.
///
/// Understood forms:
/// - hermes blocks: `<tool_call>{"name": "f", "arguments": {...}}</tool_call>` (any number,
///   the closing tag may be missing at the end of the text);
/// - a reply that is nothing but a JSON object (or an array of them, optionally in a ```json
///   fence or after Llama's `<|python_tag|>`) whose `name` is a known tool, with `arguments`
///   or `parameters`.
public struct TextToolCallParser: Sendable {
    /// One call found in text.
    public struct ParsedCall: Hashable, Sendable {
        public var name: String
        /// The arguments as JSON text.
        public var arguments: String

        public init(name: String, arguments: String) {
            self.name = name
            self.arguments = arguments
        }
    }

    /// The tool names a bare JSON object must name to count as a call.
    public var knownTools: Set<String>

    public init(knownTools: Set<String>) {
        self.knownTools = knownTools
    }

    /// The calls found and the text that remains once they are cut out (trimmed).
    public func parse(_ text: String) -> (calls: [ParsedCall], text: String) {
        let hermes = parseHermes(text)
        if !hermes.calls.isEmpty { return hermes }
        if let calls = parseBareJSON(text) { return (calls, "") }
        return ([], text)
    }

    private func parseHermes(_ text: String) -> (calls: [ParsedCall], text: String) {
        var rest = Substring(text)
        var remaining = ""
        var calls: [ParsedCall] = []
        while let open = rest.firstRange(of: "<tool_call>") {
            remaining += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            let body: Substring
            if let close = after.firstRange(of: "</tool_call>") {
                body = after[..<close.lowerBound]
                rest = after[close.upperBound...]
            } else {
                body = after
                rest = ""
            }
            if let value = try? JSONValue(parsing: String(body)), let call = Self.call(from: value) {
                calls.append(call)
            } else {
                remaining += "<tool_call>" + body + "</tool_call>"
            }
        }
        remaining += rest
        return (calls, Self.trimmed(remaining))
    }

    private func parseBareJSON(_ text: String) -> [ParsedCall]? {
        var body = Self.trimmed(text)
        if body.hasPrefix("<|python_tag|>") { body = Self.trimmed(String(body.dropFirst("<|python_tag|>".count))) }
        if body.hasPrefix("```") {
            guard body.hasSuffix("```"), body.count >= 6 else { return nil }
            body = String(body.dropFirst(3).dropLast(3))
            if body.hasPrefix("json") { body = String(body.dropFirst(4)) }
            body = Self.trimmed(body)
        }
        guard body.hasPrefix("{") || body.hasPrefix("["), let value = try? JSONValue(parsing: body) else { return nil }
        let candidates = value.arrayValue ?? [value]
        let calls = candidates.compactMap(Self.call(from:))
        guard !calls.isEmpty, calls.count == candidates.count,
            calls.allSatisfy({ knownTools.contains($0.name) })
        else { return nil }
        return calls
    }

    private static func call(from value: JSONValue) -> ParsedCall? {
        guard case .object(let object) = value else { return nil }
        let function = object["function"]?.objectValue
        guard
            let name = object["name"]?.stringValue ?? function?["name"]?.stringValue
                ?? object["function"]?.stringValue,
            !name.isEmpty
        else { return nil }
        let arguments = object["arguments"] ?? object["parameters"] ?? function?["arguments"]
        switch arguments {
        case .string(let text): return ParsedCall(name: name, arguments: text)
        case nil, .null?: return ParsedCall(name: name, arguments: "{}")
        case let value?: return ParsedCall(name: name, arguments: value.serialized())
        }
    }

    private static func trimmed(_ text: some StringProtocol) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
