/* spark-sandbox: applies the sandbox layers that live inside a process, then executes the program.
 *
 *   spark-sandbox [options] -- PROGRAM [ARGS...]     (the options: see sandbox_usage in options.c)
 *
 * It sits between bubblewrap and the program (`bwrap ... -- spark-sandbox OPTIONS -- PROGRAM ARGS`),
 * or runs alone where bwrap cannot start (inside containers). It is hand-written C because it runs before
 * every command the agent executes: its cost is its own start-up (SwiftPM links the Swift runtime in
 * statically, see Package.swift; no Swift code runs) plus building the seccomp filter, a few milliseconds
 * in all (`spark-bench sandbox`).
 *
 * The order: resource limits, no_new_privs, every capability dropped, Landlock (filesystem, TCP, abstract-socket and signal
 * scopes), and the seccomp filter last, right before execvp. With --reap the launcher forks first and
 * stays behind as a child subreaper; the layers then apply to the child only, so the reaper can still
 * read /proc and the program cannot signal it.
 *
 * Output: nothing on success; on failure one line `spark-sandbox: <layer>: <reason>` on stderr and
 * exit 126 (127 when PROGRAM is not found). --help and --probe print on stdout and exit 0.
 */
#include "sandbox.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

void sandbox_fail(int code, const char *layer, const char *format, ...) {
    char reason[512];
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(reason, sizeof reason, format, arguments);
    va_end(arguments);
    dprintf(STDERR_FILENO, "spark-sandbox: %s: %s\n", layer, reason);
    _exit(code);
}

/* Applies the layers to this process and executes PROGRAM; never returns. */
static void start_program(const struct sandbox_options *options) {
    sandbox_apply_limits(options);
    sandbox_drop_capabilities();
    sandbox_apply_landlock(options);
    sandbox_apply_seccomp(options);
    execvp(options->program[0], options->program);
    int error = errno;
    sandbox_fail(error == ENOENT ? SANDBOX_EXIT_NOT_FOUND : SANDBOX_EXIT_FAILURE, "exec", "%s: %s",
                 options->program[0], strerror(error));
}

int main(int argc, char **argv) {
    struct sandbox_options options;
    sandbox_parse_options(argc, argv, &options);
    if (options.help) {
        fputs(sandbox_usage, stdout);
        return 0;
    }
    if (options.probe) {
        printf("landlock=%d seccomp=%d\n", sandbox_landlock_abi(), sandbox_seccomp_available() ? 1 : 0);
        return 0;
    }

    if (options.seccomp && !sandbox_seccomp_available())
        sandbox_fail(SANDBOX_EXIT_FAILURE, "seccomp", "unavailable in this kernel (use --no-seccomp)");
    /* Required by Landlock and seccomp for an unprivileged process; and no set-uid gain from here on. */
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "no_new_privs", "%s", strerror(errno));

    if (options.reap) return sandbox_run_reaped(start_program, &options);
    start_program(&options);
    return SANDBOX_EXIT_FAILURE; /* not reached */
}
