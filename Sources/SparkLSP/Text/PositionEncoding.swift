/// How the `character` of an LSP position counts (LSP 3.17 `PositionEncodingKind`).
///
/// The server negotiates one encoding per client in `initialize`; every position it then
/// receives or sends counts characters in that encoding's code units.
public enum PositionEncoding: String, Sendable, Hashable, Codable {
    /// Characters are UTF-8 code units (bytes).
    case utf8 = "utf-8"
    /// Characters are UTF-16 code units; a character outside the Basic Multilingual Plane counts 2.
    /// LSP's default, and what a client that does not negotiate expects.
    case utf16 = "utf-16"
    /// Characters are Unicode scalars (UTF-32 code units).
    case utf32 = "utf-32"
}
