/// Folds streamed `ToolCallDelta`s into complete `ToolCall`s, by index.
///
/// The first delta of a call usually carries its `id` and function `name`; later deltas carry fragments of
/// the JSON `arguments`, which are concatenated as they come (never parsed here: the text may hold any JSON
/// whitespace). Deltas of several calls may interleave.
///
/// ```swift
/// var assembler = ToolCallAssembler()
/// for try await event in client.streamChat(request, endpoint: endpoint) {
///     if case .toolCallDelta(let delta) = event { assembler.add(delta) }
/// }
/// let calls = assembler.toolCalls
/// ```
public struct ToolCallAssembler: Hashable, Sendable {
    private struct Partial: Hashable, Sendable {
        var id: String?
        var name = ""
        var arguments = ""
    }

    private var partials: [Int: Partial] = [:]
    private let idPrefix: String

    /// Creates an empty assembler; a call whose server sent no id gets `<idPrefix>_<index>`.
    public init(idPrefix: String = "call") {
        self.idPrefix = idPrefix
    }

    /// Whether no delta has arrived yet.
    public var isEmpty: Bool { partials.isEmpty }

    /// Adds one delta. A later `id` replaces an earlier one; a `name` fragment is appended (servers send the
    /// whole name in one delta, but the wire format allows fragments). Returns the call's id as known now.
    @discardableResult
    public mutating func add(_ delta: ToolCallDelta) -> String {
        var partial = partials[delta.index] ?? Partial()
        if let id = delta.id, !id.isEmpty { partial.id = id }
        if let name = delta.name { partial.name += name }
        if let fragment = delta.argumentsFragment { partial.arguments += fragment }
        partials[delta.index] = partial
        return partial.id ?? defaultID(delta.index)
    }

    /// The calls assembled so far, in index order. A call whose server sent no id gets `<idPrefix>_<index>`;
    /// a call with no argument text gets `{}`.
    public var toolCalls: [ToolCall] {
        partials.sorted { $0.key < $1.key }.map { index, partial in
            ToolCall(
                id: partial.id ?? defaultID(index), name: partial.name,
                arguments: partial.arguments.isEmpty ? "{}" : partial.arguments)
        }
    }

    private func defaultID(_ index: Int) -> String { "\(idPrefix)_\(index)" }
}
