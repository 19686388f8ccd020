/// A work-done progress token: a number or a string.
public typealias ProgressToken = RequestID
