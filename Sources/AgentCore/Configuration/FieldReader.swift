import SparkJSON

/// Reads typed fields from one JSON object, naming the source and field in every error.
struct FieldReader {
    let object: [String: JSONValue]
    let source: String
    let path: String

    init(_ value: JSONValue, source: String, path: String, strict: Bool, known: Set<String>) throws {
        guard case .object(let object) = value else {
            throw ConfigurationError(
                source: source, field: path.isEmpty ? "(root)" : String(path.dropLast()), message: "expected an object")
        }
        self.object = object
        self.source = source
        self.path = path
        if strict, let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw ConfigurationError(
                source: source, field: path + unknown,
                message: "unknown field (known: \(known.sorted().joined(separator: ", ")))")
        }
    }

    private func fail(_ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(source: source, field: path + key, message: message)
    }

    private func value(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw fail(key, "expected a string, got \(value.serialized())") }
        return text
    }

    func url(_ key: String) throws -> String? {
        guard let text = try string(key) else { return nil }
        guard text.hasPrefix("http://") || text.hasPrefix("https://") else {
            throw fail(key, "expected an http:// or https:// URL, got \"\(text)\"")
        }
        return text
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value.boolValue else { throw fail(key, "expected true or false, got \(value.serialized())") }
        return flag
    }

    func int(_ key: String, minimum: Int) throws -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value.intValue else { throw fail(key, "expected an integer, got \(value.serialized())") }
        guard number >= minimum else { throw fail(key, "must be at least \(minimum), got \(number)") }
        return number
    }

    func double(_ key: String, range: ClosedRange<Double>) throws -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.doubleValue else { throw fail(key, "expected a number, got \(value.serialized())") }
        guard range.contains(number) else {
            throw fail(key, "must be between \(range.lowerBound) and \(range.upperBound), got \(number)")
        }
        return number
    }

    /// A timeout in seconds (fractions allowed), above zero and at most a day.
    func seconds(_ key: String) throws -> Duration? {
        guard let seconds = try double(key, range: 0...86_400) else { return nil }
        guard seconds > 0 else { throw fail(key, "must be more than 0 seconds") }
        return .milliseconds(Int((seconds * 1000).rounded()))
    }

    /// An array of strings.
    func strings(_ key: String) throws -> [String]? {
        guard let value = value(key) else { return nil }
        let items = value.arrayValue ?? []
        let texts = items.compactMap(\.stringValue)
        guard value.arrayValue != nil, texts.count == items.count else {
            throw fail(key, "expected an array of strings, got \(value.serialized())")
        }
        return texts
    }

    /// An object of strings (`env`, `headers`).
    func stringMap(_ key: String) throws -> [String: String]? {
        guard let members = try object(key) else { return nil }
        let texts = members.compactMapValues(\.stringValue)
        guard texts.count == members.count else {
            throw fail(key, "expected an object of strings")
        }
        return texts
    }

    func object(_ key: String) throws -> [String: JSONValue]? {
        guard let value = value(key) else { return nil }
        guard let members = value.objectValue else { throw fail(key, "expected an object, got \(value.serialized())") }
        return members
    }

    /// One of an enumeration's raw values.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _ type: Choice.Type) throws -> Choice?
    where Choice.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            let names = Choice.allCases.map { "\($0.rawValue)" }.joined(separator: " or ")
            throw fail(key, "expected \(names), got \"\(text)\"")
        }
        return choice
    }
}
