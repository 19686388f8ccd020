/// The value of a `$/progress` notification for work-done progress.
public enum WorkDoneProgressValue: Codable, Hashable, Sendable {
    case begin(title: String, message: String?, percentage: Int?, cancellable: Bool?)
    case report(message: String?, percentage: Int?, cancellable: Bool?)
    case end(message: String?)

    private enum CodingKeys: String, CodingKey { case kind, title, message, percentage, cancellable }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let message = try container.decodeIfPresent(String.self, forKey: .message)
        let percentage = try container.decodeIfPresent(Int.self, forKey: .percentage)
        let cancellable = try container.decodeIfPresent(Bool.self, forKey: .cancellable)
        switch try container.decode(String.self, forKey: .kind) {
        case "begin":
            self = .begin(
                title: try container.decode(String.self, forKey: .title), message: message, percentage: percentage,
                cancellable: cancellable)
        case "report": self = .report(message: message, percentage: percentage, cancellable: cancellable)
        case "end": self = .end(message: message)
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown kind \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .begin(let title, let message, let percentage, let cancellable):
            try container.encode("begin", forKey: .kind)
            try container.encode(title, forKey: .title)
            try container.encodeIfPresent(message, forKey: .message)
            try container.encodeIfPresent(percentage, forKey: .percentage)
            try container.encodeIfPresent(cancellable, forKey: .cancellable)
        case .report(let message, let percentage, let cancellable):
            try container.encode("report", forKey: .kind)
            try container.encodeIfPresent(message, forKey: .message)
            try container.encodeIfPresent(percentage, forKey: .percentage)
            try container.encodeIfPresent(cancellable, forKey: .cancellable)
        case .end(let message):
            try container.encode("end", forKey: .kind)
            try container.encodeIfPresent(message, forKey: .message)
        }
    }
}
