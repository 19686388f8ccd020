import Foundation

/// The inputs a differential driver replays.
enum CorpusFiles {
    /// The files named by the arguments (files, or directories of them); `--limit N` before them keeps at
    /// most N files of each directory, evenly spread (the smoke run's time bound).
    static func named(by arguments: ArraySlice<String>) -> [URL] {
        var arguments = arguments
        var limit = Int.max
        if arguments.first == "--limit", arguments.count > 1, let value = Int(arguments[arguments.startIndex + 1]) {
            limit = value
            arguments = arguments.dropFirst(2)
        }
        return arguments.flatMap { argument -> [URL] in
            let url = URL(fileURLWithPath: argument)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
            guard isDirectory.boolValue else { return [url] }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            let kept = names.count <= limit ? names : (0..<limit).map { names[$0 * names.count / limit] }
            return kept.map { url.appendingPathComponent($0) }
        }
    }
}
