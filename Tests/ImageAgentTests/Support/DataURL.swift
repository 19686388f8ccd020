import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The image parts of the user message a recorded vision request carried.
enum SentImages {
    /// The data URLs of every `image_url` part, in order.
    static func urls(in body: JSONValue?) -> [String] {
        guard case .array(let messages)? = body?["messages"] else { return [] }
        var urls: [String] = []
        for message in messages {
            guard case .array(let parts)? = message["content"] else { continue }
            for part in parts where part["type"] == "image_url" {
                if case .string(let url)? = part["image_url"]?["url"] { urls.append(url) }
            }
        }
        return urls
    }

    /// The bytes of the first image sent.
    static func firstImage(in body: JSONValue?) -> [UInt8]? {
        urls(in: body).first.flatMap { bytes(of: $0) }
    }

    /// The bytes a `data:<mime>;base64,` URL carries.
    static func bytes(of url: String) -> [UInt8]? {
        guard let comma = url.firstIndex(of: ",") else { return nil }
        return Data(base64Encoded: String(url[url.index(after: comma)...])).map(Array.init)
    }
}
