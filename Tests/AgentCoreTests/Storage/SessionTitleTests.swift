import AgentCore
import Testing

/// The title a session takes from its first user message.
@Suite struct SessionTitleTests {
    @Test func theFirstLineWithTextTrimmed() {
        #expect(SessionSummary.title(for: .user("\n  \t\n   Reverse a string  \nin Python")) == "Reverse a string")
        #expect(SessionSummary.title(for: .user("one line")) == "one line")
    }

    @Test func aLongLineIsShortenedWithAnEllipsis() {
        let title = SessionSummary.title(for: .user(String(repeating: "é", count: 200) + "\nnext"))
        #expect(title == String(repeating: "é", count: SessionSummary.maxTitleLength - 1) + "…")
        let exact = String(repeating: "a", count: SessionSummary.maxTitleLength)
        #expect(SessionSummary.title(for: .user(exact)) == exact)
    }

    @Test func nothingFromABlankMessageOrAnotherRole() {
        #expect(SessionSummary.title(for: .user(" \n\t\n ")) == nil)
        #expect(SessionSummary.title(for: .user("")) == nil)
        #expect(SessionSummary.title(for: .assistant("An answer")) == nil)
    }
}
