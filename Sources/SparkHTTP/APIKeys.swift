/// The bearer tokens the service accepts (`SPARK_API_KEYS`), each with the owner its sessions belong to.
///
/// `SPARK_API_KEYS` is a comma-separated list of `owner:token` or bare `token` entries; a bare token's owner
/// is `key<N>` by its position in the list (name the keys to keep their sessions when the list changes). The
/// owner, never the token, is what the sessions database records.
public struct APIKeys: Sendable {
    public struct Key: Sendable {
        public var owner: String
        var token: [UInt8]
    }

    public let keys: [Key]

    public var isEmpty: Bool { keys.isEmpty }

    /// No keys: only a loopback address may be used.
    public static let none = APIKeys(keys: [])

    private init(keys: [Key]) { self.keys = keys }

    /// Parses `SPARK_API_KEYS`.
    /// - Throws: `ServiceSettings.Invalid` for an empty entry, a repeated owner or a token shorter than 16
    ///   characters.
    public init(parsing text: String?) throws(ServiceSettings.Invalid) {
        var keys: [Key] = []
        let entries = (text ?? "").split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces() }
        if entries == [""] {
            self.keys = []
            return
        }
        for (index, entry) in entries.enumerated() {
            let owner: String
            let token: Substring
            if let colon = entry.firstIndex(of: ":") {
                owner = String(entry[..<colon])
                token = entry[entry.index(after: colon)...]
            } else {
                owner = "key\(index + 1)"
                token = entry[...]
            }
            guard !owner.isEmpty, !token.isEmpty else {
                throw ServiceSettings.Invalid("SPARK_API_KEYS: entry \(index + 1) is empty (owner:token or token)")
            }
            guard token.utf8.count >= 16 else {
                throw ServiceSettings.Invalid("SPARK_API_KEYS: the key of \(owner) is shorter than 16 characters")
            }
            guard !keys.contains(where: { $0.owner == owner }) else {
                throw ServiceSettings.Invalid("SPARK_API_KEYS: the owner \(owner) is named twice")
            }
            keys.append(Key(owner: owner, token: Array(token.utf8)))
        }
        self.keys = keys
    }

    /// The owner of the key in an `Authorization: Bearer <token>` header, or `nil`. Every key is compared, each
    /// in time that depends only on the lengths, so the answer's timing says nothing about which bytes matched.
    func owner(authorization: String?) -> String? {
        guard let authorization else { return nil }
        let prefix = "bearer "
        guard authorization.utf8.count > prefix.utf8.count,
            authorization.prefix(prefix.count).lowercased() == prefix
        else { return nil }
        let presented = Array(authorization.utf8.dropFirst(prefix.utf8.count))
        var found: String?
        for key in keys where Self.constantTimeEqual(presented, key.token) {
            found = key.owner
        }
        return found
    }

    /// Compares every byte of the longer input, whatever differs first.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count) | (lhs.count == rhs.count ? 0 : 1)
        let length = max(lhs.count, rhs.count)
        for index in 0..<length {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
