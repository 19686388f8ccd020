import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `PRAGMA integrity_check` on every `*.sqlite` in the data directory (sessions, the knowledge base, ...),
/// each opened read-only.
enum SQLiteIntegrityCheck {
    static let check = DoctorCheck(id: "sqlite") { context in findings(context) }

    static func findings(_ context: DoctorContext) -> [DoctorFinding] {
        guard case .success(let configuration) = context.configuration else {
            return [context.unconfigured(id: "sqlite", title: "Databases")]
        }
        let directory = configuration.dataDirectory(environment: context.environment)
        let files = databases(in: directory.path)
        guard !files.isEmpty else {
            return [
                DoctorFinding(
                    id: "sqlite", title: "Databases", verdict: .skipped, detail: "no *.sqlite in \(directory.path) yet")
            ]
        }
        return files.map { finding(name: $0, path: directory.file($0)) }
    }

    static func finding(name: String, path: String) -> DoctorFinding {
        let id = "sqlite." + name.dropLast(".sqlite".count)
        let hint = "move \(path) aside (the server starts a new one) or restore it from a backup"
        do {
            let database = try SQLiteDatabase(path: path, mode: .readOnly, busyTimeout: .seconds(2))
            let problems = try database.query("PRAGMA integrity_check(20)").compactMap { $0[0].stringValue }
            guard problems == ["ok"] else {
                return DoctorFinding(
                    id: id, title: name, verdict: .failure,
                    detail: "integrity check: \(problems.prefix(3).joined(separator: "; "))", hint: hint)
            }
            return DoctorFinding(id: id, title: name, verdict: .ok, detail: "integrity check ok")
        } catch {
            return DoctorFinding(id: id, title: name, verdict: .failure, detail: "\(error)", hint: hint)
        }
    }

    /// The `*.sqlite` files directly in `directory`, sorted.
    static func databases(in directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".sqlite"), name.count > ".sqlite".count { names.append(name) }
        }
        return names.sorted()
    }
}
