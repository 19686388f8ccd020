import AgentCore

/// Sample and edge-case argument values for a parameter type, as literals of the test's language.
enum EdgeCaseHints {
    struct Value {
        var literal: String
        var label: String
    }

    enum Kind {
        case integer, float, string, list, map, boolean, optional, unknown
    }

    static func kind(of type: String?, language: SourceLanguage) -> Kind {
        guard let raw = type?.trimmingWhitespace, !raw.isEmpty else { return .unknown }
        let type = raw.lowercased()
        if type.hasPrefix("optional") || type.hasSuffix("?") || type.contains("| none") || type.contains("none |")
            || type.hasPrefix("option<")
        {
            return .optional
        }
        if [
            "int", "integer", "long", "short", "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize",
            "int32", "int64", "uint", "size_t", "number", "bigint", "unsigned", "unsigned int", "long long", "int8",
            "uint8", "uint32", "uint64",
        ].contains(type) {
            return language == .javascript || language == .typescript ? .float : .integer
        }
        if ["float", "double", "f32", "f64", "float32", "float64", "cgfloat", "decimal"].contains(type) {
            return .float
        }
        if [
            "str", "string", "&str", "char *", "const char *", "char*", "const char*", "std::string", "substring",
            "&string",
        ].contains(type) || type.hasPrefix("const std::string") {
            return .string
        }
        if ["bool", "boolean", "_bool"].contains(type) { return .boolean }
        if type.hasPrefix("list") || type.hasPrefix("[") || type.hasPrefix("vec<") || type.hasPrefix("&[")
            || type.hasPrefix("sequence") || type.hasSuffix("[]") || type.hasPrefix("array")
            || type.hasPrefix("std::vector") || type.hasPrefix("iterable") || type.hasPrefix("tuple")
            || type.hasPrefix("set")
        {
            return type.contains(":") ? .map : .list
        }
        if type.hasPrefix("dict") || type.hasPrefix("map") || type.hasPrefix("hashmap") || type.hasPrefix("record<")
            || type.hasPrefix("mapping")
        {
            return .map
        }
        return .unknown
    }

    /// A typical value first, then edge cases.
    static func values(for type: String?, language: SourceLanguage) -> [Value] {
        switch (kind(of: type, language: language), language) {
        case (.integer, .python):
            [
                Value(literal: "1", label: "typical"), Value(literal: "0", label: "zero"),
                Value(literal: "-1", label: "negative"), Value(literal: "2**63", label: "very large"),
            ]
        case (.integer, .swift):
            [
                Value(literal: "1", label: "typical"), Value(literal: "0", label: "zero"),
                Value(literal: "-1", label: "negative"), Value(literal: ".max", label: "maximum"),
            ]
        case (.integer, .java):
            [
                Value(literal: "1", label: "typical"), Value(literal: "0", label: "zero"),
                Value(literal: "-1", label: "negative"), Value(literal: "Integer.MAX_VALUE", label: "maximum"),
            ]
        case (.integer, _):
            [
                Value(literal: "1", label: "typical"), Value(literal: "0", label: "zero"),
                Value(
                    literal: language == .rust && (type ?? "").hasPrefix("u") ? "u32::MAX as _" : "-1",
                    label: language == .rust && (type ?? "").hasPrefix("u") ? "maximum" : "negative"),
            ]
        case (.float, .python):
            [
                Value(literal: "1.5", label: "typical"), Value(literal: "0.0", label: "zero"),
                Value(literal: "-1.5", label: "negative"), Value(literal: "float('nan')", label: "NaN"),
            ]
        case (.float, .javascript), (.float, .typescript):
            [
                Value(literal: "1", label: "typical"), Value(literal: "0", label: "zero"),
                Value(literal: "-1", label: "negative"), Value(literal: "NaN", label: "NaN"),
            ]
        case (.float, .swift):
            [
                Value(literal: "1.5", label: "typical"), Value(literal: "0", label: "zero"),
                Value(literal: ".nan", label: "NaN"),
            ]
        case (.float, _):
            [
                Value(literal: "1.5", label: "typical"), Value(literal: "0.0", label: "zero"),
                Value(literal: "-1.5", label: "negative"),
            ]
        case (.string, .python), (.string, .javascript), (.string, .typescript), (.string, .swift), (.string, .java),
            (.string, .go):
            [
                Value(literal: "\"hello\"", label: "typical"), Value(literal: "\"\"", label: "empty"),
                Value(literal: "\"héllo wörld ✓\"", label: "non-ASCII"),
            ]
        case (.string, .rust):
            [
                Value(literal: "\"hello\"", label: "typical"), Value(literal: "\"\"", label: "empty"),
                Value(literal: "\"héllo ✓\"", label: "non-ASCII"),
            ]
        case (.string, _): [Value(literal: "\"hello\"", label: "typical"), Value(literal: "\"\"", label: "empty")]
        case (.list, .python):
            [
                Value(literal: "[1, 2, 3]", label: "typical"), Value(literal: "[]", label: "empty"),
                Value(literal: "[1]", label: "one element"),
            ]
        case (.list, .javascript), (.list, .typescript), (.list, .swift):
            [
                Value(literal: "[1, 2, 3]", label: "typical"), Value(literal: "[]", label: "empty"),
                Value(literal: "[1]", label: "one element"),
            ]
        case (.list, .rust): [Value(literal: "&[1, 2, 3]", label: "typical"), Value(literal: "&[]", label: "empty")]
        case (.list, .java):
            [Value(literal: "List.of(1, 2, 3)", label: "typical"), Value(literal: "List.of()", label: "empty")]
        case (.map, .python): [Value(literal: "{\"key\": 1}", label: "typical"), Value(literal: "{}", label: "empty")]
        case (.map, .javascript), (.map, .typescript):
            [Value(literal: "{ key: 1 }", label: "typical"), Value(literal: "{}", label: "empty")]
        case (.map, .swift): [Value(literal: "[\"key\": 1]", label: "typical"), Value(literal: "[:]", label: "empty")]
        case (.boolean, .python): [Value(literal: "True", label: "true"), Value(literal: "False", label: "false")]
        case (.boolean, _): [Value(literal: "true", label: "true"), Value(literal: "false", label: "false")]
        case (.optional, .python): [Value(literal: "...", label: "a value"), Value(literal: "None", label: "None")]
        case (.optional, .swift): [Value(literal: "nil", label: "nil")]
        case (.optional, .javascript), (.optional, .typescript), (.optional, .java):
            [Value(literal: "null", label: "null")]
        case (.optional, .rust): [Value(literal: "None", label: "None")]
        case (_, .python): [Value(literal: "...", label: "TODO value"), Value(literal: "None", label: "None")]
        case (_, .javascript), (_, .typescript):
            [Value(literal: "undefined /* TODO */", label: "TODO value"), Value(literal: "null", label: "null")]
        case (_, .java): [Value(literal: "null /* TODO */", label: "TODO value")]
        case (_, .rust): [Value(literal: "todo!(\"argument\")", label: "TODO value")]
        case (_, .swift): [Value(literal: "<#\(type ?? "value")#>", label: "TODO value")]
        case (_, .go): [Value(literal: "*new(\(type ?? "any"))", label: "zero value")]
        default: [Value(literal: "0 /* TODO */", label: "TODO value")]
        }
    }

    /// A line describing the edge cases worth testing for these parameters.
    static func summary(_ parameters: [CodeParameter], language: SourceLanguage) -> String {
        let parts = parameters.map { parameter -> String in
            let edges = values(for: parameter.type, language: language).dropFirst().map(\.label)
            return edges.isEmpty
                ? "\(parameter.name): invalid values" : "\(parameter.name): \(edges.joined(separator: ", "))"
        }
        return parts.isEmpty ? "no parameters: test the result and any side effects" : parts.joined(separator: "; ")
    }
}
