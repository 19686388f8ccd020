extension DocumentBuffer {
    /// The smallest single replacement that turns this text into `newText`: the range left after
    /// removing the longest common prefix and suffix, with its positions in `encoding`.
    ///
    /// The range never splits a scalar or a `\r\n` pair, in either text, so applying it as an LSP
    /// `TextEdit` (or through ``replace(from:to:with:encoding:)``) yields exactly `newText`. When the
    /// texts are equal the result is an empty range at the end of the document with empty text.
    /// Costs the size of both texts.
    public func minimalEdit(
        to newText: String, encoding: PositionEncoding
    ) -> (start: TextPoint, end: TextPoint, newText: String) {
        var old: [UInt8] = []
        old.reserveCapacity(utf8Count)
        for chunk in chunks { old.append(contentsOf: chunk.bytes) }
        let new = Array(newText.utf8)
        let (prefix, suffix) = old.withUnsafeBufferPointer { oldBytes in
            new.withUnsafeBufferPointer { newBytes in
                Self.commonEnds(oldBytes, newBytes)
            }
        }
        let start = point(atUTF8Offset: prefix, encoding: encoding)
        let end = point(atUTF8Offset: old.count - suffix, encoding: encoding)
        let inserted = String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self)
        return (start, end, inserted)
    }

    /// The lengths of the longest common prefix and suffix of two UTF-8 texts, shortened so that
    /// both ends are boundaries (see ``UTF8Scan/isBoundary(_:in:)``) in both texts and the two do
    /// not overlap.
    static func commonEnds(
        _ old: UnsafeBufferPointer<UInt8>, _ new: UnsafeBufferPointer<UInt8>
    ) -> (prefix: Int, suffix: Int) {
        let shorter = min(old.count, new.count)
        var prefix = 0
        while prefix < shorter, old[prefix] == new[prefix] { prefix += 1 }
        while !UTF8Scan.isBoundary(prefix, in: old) || !UTF8Scan.isBoundary(prefix, in: new) {
            prefix -= 1
        }
        var suffix = 0
        let room = shorter - prefix
        while suffix < room, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        while !UTF8Scan.isBoundary(old.count - suffix, in: old)
            || !UTF8Scan.isBoundary(new.count - suffix, in: new)
        {
            suffix -= 1
        }
        return (prefix, suffix)
    }
}
