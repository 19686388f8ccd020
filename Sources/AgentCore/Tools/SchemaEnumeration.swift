/// A string enum whose cases appear in a generated JSON Schema as `"enum": [...]`.
///
/// ```swift
/// enum Operation: String, SchemaEnumeration { case create, overwrite, delete }
/// ```
public protocol SchemaEnumeration: Decodable, CaseIterable, RawRepresentable where RawValue == String {}
