/* Drops every capability, so a launcher started by root (where bubblewrap cannot start, its user namespace
 * missing) leaves the program root's uid but none of root's powers: no reading other users' files, no
 * ptrace or /proc/<pid>/environ of the non-dumpable server, no mounts. Harmless when there are none. */
#include "sandbox.h"

#include <errno.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

void sandbox_drop_capabilities(void) {
    /* Keep root from regaining capabilities on exec or setuid; needs CAP_SETPCAP, absent when unprivileged
     * (then there is nothing to regain). */
    unsigned long bits = SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP |
                         SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_KEEP_CAPS_LOCKED;
    if (prctl(PR_SET_SECUREBITS, bits, 0, 0, 0) != 0 && errno != EPERM)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "capabilities", "securebits: %s", strerror(errno));
    /* The bounding set, cap by cap until the kernel knows no more. */
    for (int cap = 0; cap <= 63; cap++) {
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) {
            if (errno == EINVAL) break;
            if (errno != EPERM)
                sandbox_fail(SANDBOX_EXIT_FAILURE, "capabilities", "bounding set: %s", strerror(errno));
        }
    }
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "capabilities", "ambient set: %s", strerror(errno));
    struct __user_cap_header_struct header = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    if (syscall(SYS_capset, &header, data) != 0)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "capabilities", "capset: %s", strerror(errno));
}
