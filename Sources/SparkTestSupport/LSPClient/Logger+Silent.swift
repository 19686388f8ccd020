import Logging

extension Logger {
    /// A logger that drops everything (tests that do not look at logs).
    public static var silent: Logger { Logger(label: "silent") { _ in SwiftLogNoOpLogHandler() } }
}
