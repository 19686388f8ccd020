extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, line breaks).
    package var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
