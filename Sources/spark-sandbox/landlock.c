/* The Landlock layer: the filesystem beneath --read and --write only, TCP denied with --no-network,
 * and no abstract Unix sockets or signals outside the sandbox's domain. */
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The installed headers may predate the running kernel: the newer constants, from the kernel's
 * include/uapi/linux/landlock.h. */
#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER (1ULL << 13) /* ABI 2 */
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14) /* ABI 3 */
#endif
#ifndef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LANDLOCK_ACCESS_FS_IOCTL_DEV (1ULL << 15) /* ABI 5 */
#endif
#ifndef LANDLOCK_ACCESS_NET_BIND_TCP
#define LANDLOCK_ACCESS_NET_BIND_TCP (1ULL << 0) /* ABI 4 */
#define LANDLOCK_ACCESS_NET_CONNECT_TCP (1ULL << 1)
#endif
#ifndef LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET
#define LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0) /* ABI 6 */
#define LANDLOCK_SCOPE_SIGNAL (1ULL << 1)
#endif

/* struct landlock_ruleset_attr as of ABI 6; the kernel reads only the `size` bytes it is given. */
struct ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};

/* Rights on a directory or on a file: only these may be granted on a non-directory. */
#define FILE_RIGHTS                                                                                    \
    (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE |       \
     LANDLOCK_ACCESS_FS_TRUNCATE | LANDLOCK_ACCESS_FS_IOCTL_DEV)
#define READ_RIGHTS (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)

int sandbox_landlock_abi(void) {
    long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    return abi < 0 ? 0 : (int)abi;
}

/* Every filesystem right the ABI knows. */
static uint64_t handled_fs_rights(int abi) {
    uint64_t rights = (LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1; /* ABI 1: EXECUTE ... MAKE_SYM */
    if (abi >= 2) rights |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3) rights |= LANDLOCK_ACCESS_FS_TRUNCATE;
    if (abi >= 5) rights |= LANDLOCK_ACCESS_FS_IOCTL_DEV;
    return rights;
}

/* Grants `rights` beneath `path` (file rights only, when it is not a directory); skips a missing path. */
static void add_path_rule(int ruleset, const char *path, uint64_t rights) {
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) return;
        sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "%s: %s", path, strerror(errno));
    }
    struct stat status;
    if (fstat(fd, &status) != 0) sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "%s: %s", path, strerror(errno));
    if (!S_ISDIR(status.st_mode)) rights &= FILE_RIGHTS;
    struct landlock_path_beneath_attr rule = {.allowed_access = rights, .parent_fd = fd};
    if (syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) != 0)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "rule for %s: %s", path, strerror(errno));
    close(fd);
}

void sandbox_apply_landlock(const struct sandbox_options *options) {
    if (options->landlock == LANDLOCK_OFF) return;
    int abi = sandbox_landlock_abi();
    if (abi < 1) {
        if (options->landlock == LANDLOCK_BEST_EFFORT) return;
        sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "unavailable in this kernel (use --landlock best-effort)");
    }

    uint64_t all = handled_fs_rights(abi);
    struct ruleset_attr attributes = {.handled_access_fs = all};
    size_t size = sizeof(uint64_t); /* ABI 1-3 know only handled_access_fs */
    if (abi >= 4) {
        size = 2 * sizeof(uint64_t);
        /* Handled with no rule: every TCP bind and connect is denied. */
        if (options->no_network)
            attributes.handled_access_net = LANDLOCK_ACCESS_NET_BIND_TCP | LANDLOCK_ACCESS_NET_CONNECT_TCP;
    }
    if (abi >= 6) {
        size = sizeof attributes;
        attributes.scoped = LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET | LANDLOCK_SCOPE_SIGNAL;
    }

    int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attributes, size, 0);
    if (ruleset < 0) sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "create ruleset: %s", strerror(errno));
    for (int i = 0; i < options->read_count; i++) add_path_rule(ruleset, options->read_paths[i], READ_RIGHTS & all);
    for (int i = 0; i < options->write_count; i++) add_path_rule(ruleset, options->write_paths[i], all);
    if (syscall(SYS_landlock_restrict_self, ruleset, 0) != 0)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "restrict self: %s", strerror(errno));
    close(ruleset);
}
