/// A tool-arguments type (or a type nested in one) that describes its properties for the model.
///
/// The descriptions become each property's `description` in the generated JSON Schema.
public protocol DescribedArguments {
    /// Descriptions by property name (the coding key's string value).
    static var argumentDescriptions: [String: String] { get }
}
