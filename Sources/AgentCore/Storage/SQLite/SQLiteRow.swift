/// One result row, its values in column order.
public struct SQLiteRow: Hashable, Sendable {
    /// The values, in the order of the query's columns.
    public var values: [SQLiteValue]
    /// The column names, in the same order.
    public var columns: [String]

    public init(values: [SQLiteValue], columns: [String]) {
        self.values = values
        self.columns = columns
    }

    /// The value of column `index`, or `.null` past the end.
    public subscript(index: Int) -> SQLiteValue {
        values.indices.contains(index) ? values[index] : .null
    }

    /// The value of the column named `name`, or `.null` when there is none.
    public subscript(name: String) -> SQLiteValue {
        columns.firstIndex(of: name).map { values[$0] } ?? .null
    }

    /// The text of column `index`; throws when it is not text.
    public func string(_ index: Int) throws -> String {
        guard let value = self[index].stringValue else { throw mismatch(index, "text") }
        return value
    }

    /// The integer of column `index`; throws when it is not an integer.
    public func int(_ index: Int) throws -> Int {
        guard let value = self[index].intValue else { throw mismatch(index, "an integer") }
        return value
    }

    /// The number of column `index` as a double; throws when it is not a number.
    public func double(_ index: Int) throws -> Double {
        guard let value = self[index].doubleValue else { throw mismatch(index, "a number") }
        return value
    }

    private func mismatch(_ index: Int, _ expected: String) -> StorageError {
        let name = columns.indices.contains(index) ? columns[index] : "#\(index)"
        return StorageError(code: .mismatch, message: "column \(name) is \(self[index]), not \(expected)")
    }
}
