/// Folds streamed `ToolCallDelta`s into complete tool calls, by index.
///
/// The engine's own small assembler (internal); ids missing from the stream are made up as
/// `call_<turn>_<index>` so every call can be answered.
struct StreamedToolCalls {
    private struct Partial {
        var id: String
        var name: String
        var arguments: String
    }

    private var partials: [Int: Partial] = [:]
    private var order: [Int] = []
    private let idPrefix: String

    init(idPrefix: String) {
        self.idPrefix = idPrefix
    }

    var isEmpty: Bool { order.isEmpty }

    /// Adds a delta; returns `true` when it started a new call.
    mutating func add(_ delta: ToolCallDelta) -> (isNew: Bool, id: String) {
        if var partial = partials[delta.index] {
            if let name = delta.name, partial.name.isEmpty { partial.name = name }
            if let fragment = delta.argumentsFragment { partial.arguments += fragment }
            partials[delta.index] = partial
            return (false, partial.id)
        }
        let id = (delta.id?.isEmpty == false ? delta.id : nil) ?? "\(idPrefix)_\(delta.index)"
        partials[delta.index] = Partial(id: id, name: delta.name ?? "", arguments: delta.argumentsFragment ?? "")
        order.append(delta.index)
        return (true, id)
    }

    /// The calls in index order.
    var calls: [ToolCall] {
        order.sorted().compactMap { index in
            partials[index].map { ToolCall(id: $0.id, name: $0.name, arguments: $0.arguments) }
        }
    }
}
