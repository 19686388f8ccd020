#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A temporary workspace directory, removed by the caller.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("spark-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/.spark", withIntermediateDirectories: true)
    }

    func write(_ text: String, to relative: String) throws -> String {
        let file = path + "/" + relative
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
