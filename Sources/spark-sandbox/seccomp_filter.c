/* The seccomp layer (libseccomp): everything allowed except the system calls that reach the kernel's
 * privileged or cross-process surface (mounts, namespaces, ptrace, keyrings, BPF, modules, io_uring),
 * and with --no-network socket() itself. */
#include "sandbox.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif

/* Denied with EPERM whatever their arguments. Names unknown to this architecture are skipped. */
static const char *const denied[] = {
    "mount", "umount", "umount2", "pivot_root", "chroot", "fsopen", "fsconfig", "fsmount", "fspick",
    "move_mount", "open_tree", "mount_setattr", "ptrace", "process_vm_readv", "process_vm_writev",
    "pidfd_getfd", "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "unshare", "setns",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "swapon", "swapoff",
    "reboot", "open_by_handle_at", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register",
};

/* personality() values that change nothing a sandbox cares about: Linux, 32-bit Linux (bit 3),
 * their UNAME26 variants (bit 17), and the query 0xffffffff; the set Docker's default profile allows.
 * The kernel reads only the low 32 bits. */
#define PERSONALITY_FREE_BITS ((1u << 3) | (1u << 17))
/* Every namespace flag clone() accepts (CLONE_NEWTIME exists only for clone3 and unshare). */
static const scmp_datum_t namespace_flags[] = {CLONE_NEWNS,  CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC,
                                               CLONE_NEWUSER, CLONE_NEWPID,   CLONE_NEWNET};

bool sandbox_seccomp_available(void) {
    uint32_t action = SECCOMP_RET_ERRNO;
    return syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) == 0;
}

static void check(int result, const char *what) {
    if (result < 0) sandbox_fail(SANDBOX_EXIT_FAILURE, "seccomp", "%s: %s", what, strerror(-result));
}

/* personality() fails with EPERM when bit `set` of its argument is set and bit `clear` is clear. */
static void deny_bit_pair(scmp_filter_ctx filter, int set, int clear) {
    scmp_datum_t mask = (1u << set) | (1u << clear);
    check(seccomp_rule_add(filter, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(personality), 1,
                           SCMP_A0(SCMP_CMP_MASKED_EQ, mask, (scmp_datum_t)(1u << set))),
          "personality");
}

void sandbox_apply_seccomp(const struct sandbox_options *options) {
    if (!options->seccomp) return;
    scmp_filter_ctx filter = seccomp_init(SCMP_ACT_ALLOW);
    if (filter == NULL) sandbox_fail(SANDBOX_EXIT_FAILURE, "seccomp", "cannot create the filter");
    /* no_new_privs is already set (main.c); without this libseccomp would set it again. */
    check(seccomp_attr_set(filter, SCMP_FLTATR_CTL_NNP, 0), "attribute");

    for (size_t i = 0; i < sizeof denied / sizeof denied[0]; i++) {
        int number = seccomp_syscall_resolve_name(denied[i]);
        if (number == __NR_SCMP_ERROR) continue;
        check(seccomp_rule_add(filter, SCMP_ACT_ERRNO(EPERM), number, 0), denied[i]);
    }

    /* personality(): EPERM unless the argument is a harmless value. libseccomp compares an argument once
     * per rule and ORs rules, so "not one of these" is spelled as bit pairs: with B the 30 bits other
     * than 3 and 17, deny when a bit of B is set and the next bit of B (cyclically) is clear (B is
     * neither all clear nor all set), and when bit 0 is set but bit 3 or 17 is clear (B all set, yet
     * not 0xffffffff). What remains is exactly the harmless set. */
    int first = -1, previous = -1;
    for (int bit = 0; bit < 32; bit++) {
        if (PERSONALITY_FREE_BITS & (1u << bit)) continue;
        if (previous >= 0) deny_bit_pair(filter, previous, bit);
        if (first < 0) first = bit;
        previous = bit;
    }
    deny_bit_pair(filter, previous, first);
    deny_bit_pair(filter, 0, 3);
    deny_bit_pair(filter, 0, 17);

    /* clone() with any namespace flag: EPERM. clone3() passes its flags in memory, out of a filter's
     * reach: ENOSYS, so that libc falls back to clone(). */
    for (size_t i = 0; i < sizeof namespace_flags / sizeof namespace_flags[0]; i++)
        check(seccomp_rule_add(filter, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                               SCMP_A0(SCMP_CMP_MASKED_EQ, namespace_flags[i], namespace_flags[i])),
              "clone");
    check(seccomp_rule_add(filter, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0), "clone3");

    /* Typing into the controlling terminal's input queue would run commands outside the sandbox. */
    check(seccomp_rule_add(filter, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1,
                           SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, TIOCSTI)),
          "ioctl");

    /* With --no-network, no socket of any family (AF_INET, AF_INET6, AF_NETLINK, AF_PACKET and AF_UNIX
     * among them: a named Unix socket outside the workspace is otherwise reachable). socketpair()
     * stays allowed. */
    if (options->no_network) check(seccomp_rule_add(filter, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(socket), 0), "socket");

    check(seccomp_load(filter), "load");
    seccomp_release(filter);
}
