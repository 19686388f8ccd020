/* The Landlock layer: the filesystem beneath --read and --write only (less --protect and --hide paths),
 * TCP denied with --no-network, and no abstract Unix sockets or signals outside the sandbox's domain. */
#include "sandbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <stdio.h>
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

/* Grants `rights` beneath the file or directory open as `fd` (file rights only, when it is not a directory). */
static void add_rule(int ruleset, int fd, const char *path, uint64_t rights) {
    struct stat status;
    if (fstat(fd, &status) != 0) sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "%s: %s", path, strerror(errno));
    if (!S_ISDIR(status.st_mode)) rights &= FILE_RIGHTS;
    struct landlock_path_beneath_attr rule = {.allowed_access = rights, .parent_fd = fd};
    if (syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) != 0)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "rule for %s: %s", path, strerror(errno));
}

/* Opens `path` for a rule; -1 when it does not exist (a missing path is skipped). */
static int open_rule_path(int directory, const char *name, const char *path, int flags) {
    int fd = openat(directory, name, O_PATH | O_CLOEXEC | flags);
    if (fd < 0 && errno != ENOENT && errno != ENOTDIR)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "%s: %s", path, strerror(errno));
    return fd;
}

/* Whether `path` is `ancestor` itself (`exact`) or lies strictly beneath it (not `exact`). */
static bool is_below(const char *path, const char *ancestor, bool exact) {
    size_t length = strlen(ancestor);
    while (length > 1 && ancestor[length - 1] == '/') length--;
    if (strncmp(path, ancestor, length) != 0) return false;
    return exact ? path[length] == '\0' : path[length] == '/' && path[length + 1] != '\0';
}

/* Whether one of `paths` is `path` itself (`exact`), or lies strictly beneath it (not `exact`). */
static bool any_below(const char *const *paths, int count, const char *path, bool exact) {
    for (int i = 0; i < count; i++)
        if (is_below(paths[i], path, exact)) return true;
    return false;
}

/* Grants `all` beneath `path` (open as `fd`) except its --protect paths (read-only) and --hide paths (no
 * access but listing). Landlock rules only add rights down a hierarchy, so a directory with a protected
 * path below it gets listing alone, and each of its entries its own rule: recursively, with no-follow
 * opens relative to the directory, so a symbolic link in the workspace never widens a rule. */
static void add_write_rules(int ruleset, int fd, const char *path, uint64_t all,
                            const struct sandbox_options *options) {
    if (any_below(options->hidden_paths, options->hidden_count, path, true)) return;
    if (any_below(options->protected_paths, options->protected_count, path, true)) {
        add_rule(ruleset, fd, path, READ_RIGHTS & all);
        return;
    }
    if (!any_below(options->protected_paths, options->protected_count, path, false) &&
        !any_below(options->hidden_paths, options->hidden_count, path, false)) {
        add_rule(ruleset, fd, path, all);
        return;
    }
    add_rule(ruleset, fd, path, LANDLOCK_ACCESS_FS_READ_DIR);
    int listing = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (listing < 0) {
        if (errno == ENOTDIR) return; /* a file: listing alone is nothing, so it stays read-only */
        sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "%s: %s", path, strerror(errno));
    }
    DIR *directory = fdopendir(listing);
    if (directory == NULL) sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "%s: %s", path, strerror(errno));
    struct dirent *entry;
    while ((entry = readdir(directory)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        char child_path[4096];
        if (snprintf(child_path, sizeof child_path, "%s/%s", path, entry->d_name) >= (int)sizeof child_path) continue;
        int child = open_rule_path(dirfd(directory), entry->d_name, child_path, O_NOFOLLOW);
        if (child < 0) continue;
        struct stat status;
        if (fstat(child, &status) == 0 && !S_ISLNK(status.st_mode))
            add_write_rules(ruleset, child, child_path, all, options);
        close(child);
    }
    closedir(directory);
}

/* Grants `rights` beneath `path`, a trusted path from the command line (links followed). */
static void add_path_rule(int ruleset, const char *path, uint64_t rights) {
    int fd = open_rule_path(AT_FDCWD, path, path, 0);
    if (fd < 0) return;
    add_rule(ruleset, fd, path, rights);
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
    for (int i = 0; i < options->write_count; i++) {
        int fd = open_rule_path(AT_FDCWD, options->write_paths[i], options->write_paths[i], 0);
        if (fd < 0) continue;
        add_write_rules(ruleset, fd, options->write_paths[i], all, options);
        close(fd);
    }
    if (syscall(SYS_landlock_restrict_self, ruleset, 0) != 0)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "landlock", "restrict self: %s", strerror(errno));
    close(ruleset);
}
