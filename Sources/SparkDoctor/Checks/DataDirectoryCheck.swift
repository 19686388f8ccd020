import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The data directory (sessions, memory, the knowledge base) is a directory the server can write, or can be
/// created. Checked by making and removing a file, not by permission bits (root ignores those; read-only
/// mounts do not).
enum DataDirectoryCheck {
    static let check = DoctorCheck(id: "data") { context in [finding(context)] }

    static func finding(_ context: DoctorContext) -> DoctorFinding {
        let id = "data"
        let title = "Data directory"
        guard case .success(let configuration) = context.configuration else {
            return context.unconfigured(id: id, title: title)
        }
        let path = configuration.dataDirectory(environment: context.environment).path
        let hint = "set SPARK_DATA_DIR (or dataDir) to a writable directory"
        switch FileProbe.kind(of: path) {
        case .directory:
            if let error = FileProbe.writeError(in: path) {
                return DoctorFinding(
                    id: id, title: title, verdict: .failure, detail: "\(path) is not writable: \(error)", hint: hint)
            }
            return DoctorFinding(id: id, title: title, verdict: .ok, detail: "\(path) is writable")
        case .other:
            return DoctorFinding(
                id: id, title: title, verdict: .failure, detail: "\(path) exists and is not a directory", hint: hint)
        case .missing:
            let ancestor = FileProbe.nearestExisting(path)
            guard FileProbe.kind(of: ancestor) == .directory else {
                return DoctorFinding(
                    id: id, title: title, verdict: .failure,
                    detail: "\(path) cannot be created: \(ancestor) is not a directory", hint: hint)
            }
            if let error = FileProbe.writeError(in: ancestor) {
                return DoctorFinding(
                    id: id, title: title, verdict: .failure,
                    detail: "\(path) cannot be created: \(ancestor) is not writable: \(error)", hint: hint)
            }
            return DoctorFinding(
                id: id, title: title, verdict: .ok, detail: "\(path) does not exist yet; it is made on first use")
        }
    }
}

/// Small file-system probes (plain POSIX: the doctor links no more of Foundation than the server does).
enum FileProbe {
    enum Kind { case directory, other, missing }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
    }

    /// The closest ancestor of `path` that exists (`/` at worst).
    static func nearestExisting(_ path: String) -> String {
        var current = path
        while kind(of: current) == .missing {
            guard let slash = current.lastIndex(of: "/") else { return "." }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        return current
    }

    /// Why a file cannot be made in `directory`, or `nil` when one could (it is removed at once).
    static func writeError(in directory: String) -> String? {
        var template = Array("\(directory)/.spark-doctor-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        close(fd)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return nil
    }
}
