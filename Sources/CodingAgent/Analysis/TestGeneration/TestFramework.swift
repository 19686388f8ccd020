import AgentCore

/// A test framework `generate_tests` writes skeletons for.
public enum TestFramework: String, CaseIterable, Sendable, Codable {
    case pytest
    case unittest
    case xctest
    case swiftTesting = "swift-testing"
    case jest
    case goTest = "go-test"
    case junit
    case cargoTest = "cargo-test"
    /// Plain `assert.h` tests for C and C++.
    case cAssert = "c-assert"

    /// Parses names as models write them (`go test`, `XCTest`, `Swift Testing`, `cargo`, `junit5`, `vitest`).
    public init?(name: String) {
        let key = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
        switch key {
        case "pytest", "py.test": self = .pytest
        case "unittest": self = .unittest
        case "xctest": self = .xctest
        case "swifttesting", "testing": self = .swiftTesting
        case "jest", "vitest", "mocha": self = .jest
        case "gotest", "go", "testing.t": self = .goTest
        case "junit", "junit5", "junit4", "jupiter": self = .junit
        case "cargotest", "cargo", "rusttest", "rust": self = .cargoTest
        case "cassert", "assert", "c", "cpp", "ctest": self = .cAssert
        default: return nil
        }
    }

    /// The framework used when the model names none.
    public static func defaultFramework(for language: SourceLanguage) -> TestFramework {
        switch language {
        case .python: .pytest
        case .swift: .swiftTesting
        case .javascript, .typescript: .jest
        case .go: .goTest
        case .rust: .cargoTest
        case .java: .junit
        case .c, .cpp: .cAssert
        }
    }

    /// Whether this framework tests code in `language`.
    public func supports(_ language: SourceLanguage) -> Bool {
        switch self {
        case .pytest, .unittest: language == .python
        case .xctest, .swiftTesting: language == .swift
        case .jest: language == .javascript || language == .typescript
        case .goTest: language == .go
        case .junit: language == .java
        case .cargoTest: language == .rust
        case .cAssert: language == .c || language == .cpp
        }
    }
}
