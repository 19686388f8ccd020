import AgentCore

#if canImport(Glibc)
    import Glibc

    /// GNU extensions the Glibc module does not export (they need `_GNU_SOURCE`), looked up once by name.
    package enum GNUExtensions {
        /// `POSIX_SPAWN_SETSID` from `<spawn.h>` (glibc 2.26+).
        static let spawnSetSession: Int32 = 0x80

        private typealias AddChdir =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        private typealias AddCloseFrom =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

        private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
            return unsafeBitCast(address, to: type)
        }

        private static let addChdirFunction = symbol(
            "posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
        private static let addCloseFromFunction = symbol(
            "posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self)
        private static let pipe2Function = symbol("pipe2", as: Pipe2.self)

        /// `posix_spawn_file_actions_addchdir_np`, or `ENOSYS` when the C library lacks it.
        static func addChdir(_ actions: inout posix_spawn_file_actions_t, _ path: String) -> Int32 {
            guard let addChdirFunction else { return ENOSYS }
            return addChdirFunction(&actions, path)
        }

        /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+): the child closes every descriptor from
        /// `lowest` up, so it inherits none that another thread opened without close-on-exec (a file being
        /// written would stay busy, ETXTBSY, for as long as the child lives). `ENOSYS` when the C library lacks it.
        package static func addCloseFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) -> Int32 {
            guard let addCloseFromFunction else { return ENOSYS }
            return addCloseFromFunction(&actions, lowest)
        }

        /// A close-on-exec pipe, created atomically with `pipe2` where available.
        static func cloexecPipe(_ fds: inout [Int32]) -> Int32 {
            if let pipe2Function {
                return fds.withUnsafeMutableBufferPointer { pipe2Function($0.baseAddress!, O_CLOEXEC) }
            }
            let status = fds.withUnsafeMutableBufferPointer { Glibc.pipe($0.baseAddress!) }
            guard status == 0 else { return status }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return 0
        }
    }
#endif
