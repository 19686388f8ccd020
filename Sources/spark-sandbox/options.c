/* The command line of spark-sandbox (the usage text below is its documentation). */
#include "sandbox.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char sandbox_usage[] =
    "usage: spark-sandbox [options] -- PROGRAM [ARGS...]\n"
    "Applies the in-process sandbox layers, then executes PROGRAM (a path or a name on PATH).\n"
    "  --read PATH      allow reading and executing beneath PATH (repeatable)\n"
    "  --write PATH     allow reading, writing, creating, removing beneath PATH (repeatable)\n"
    "  --protect PATH   keep PATH (beneath a --write path) read-only (repeatable); Landlock can only\n"
    "                   grant, so the directories above a protected path keep their entries: their files\n"
    "                   and other subdirectories stay writable, but nothing is created, removed or\n"
    "                   renamed directly in them\n"
    "  --hide PATH      like --protect, and PATH's files are not readable either (repeatable)\n"
    "  --landlock MODE  require (default: fail with exit 126 if Landlock is unavailable)\n"
    "                   | best-effort | off\n"
    "  --no-seccomp     skip the seccomp filter (default: on, required)\n"
    "  --no-network     also deny network and Unix-socket access: TCP through Landlock (ABI >= 4),\n"
    "                   socket() of every family through seccomp (socketpair stays allowed)\n"
    "  --nproc N --fsize BYTES --as BYTES --data BYTES --cpu SECONDS --nofile N\n"
    "                   resource limits (setrlimit, soft = hard); `--nproc +N` allows N tasks more than\n"
    "                   the real user runs now, since the kernel counts all of that user's tasks\n"
    "  --reap           stay as a child subreaper: run PROGRAM as a child, forward SIGTERM/SIGINT/SIGHUP\n"
    "                   to it, kill every remaining descendant when it exits, exit with its status\n"
    "                   (128+signal if killed)\n"
    "  --probe          print `landlock=<abi or 0> seccomp=<1|0>` and exit 0\n"
    "  --help           print this text and exit 0\n"
    "A path that does not exist is skipped. Errors: one line `spark-sandbox: <layer>: <reason>` on\n"
    "stderr and exit 126 (127 when PROGRAM is not found).\n";

static const struct {
    const char *flag;
    int resource;
} limit_flags[SANDBOX_MAX_LIMITS] = {
    {"--nproc", RLIMIT_NPROC}, {"--fsize", RLIMIT_FSIZE}, {"--as", RLIMIT_AS},
    {"--cpu", RLIMIT_CPU},     {"--nofile", RLIMIT_NOFILE}, {"--data", RLIMIT_DATA},
};

static rlim_t parse_number(const char *flag, const char *text) {
    char *end = NULL;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-')
        sandbox_fail(SANDBOX_EXIT_FAILURE, "options", "%s needs a non-negative integer, not '%s'", flag, text);
    return (rlim_t)value;
}

static void set_limit(struct sandbox_options *options, int resource, const char *flag, const char *text) {
    bool above_current = resource == RLIMIT_NPROC && text[0] == '+';
    struct sandbox_limit limit = {resource, parse_number(flag, text + (above_current ? 1 : 0)), above_current};
    for (int i = 0; i < options->limit_count; i++) {
        if (options->limits[i].resource == resource) {
            options->limits[i] = limit;
            return;
        }
    }
    options->limits[options->limit_count++] = limit;
}

void sandbox_parse_options(int argc, char **argv, struct sandbox_options *options) {
    *options = (struct sandbox_options){.landlock = LANDLOCK_REQUIRE, .seccomp = true};
    /* At most argc paths of each kind; freed by exec or exit. */
    options->read_paths = calloc((size_t)argc, sizeof(char *));
    options->write_paths = calloc((size_t)argc, sizeof(char *));
    options->protected_paths = calloc((size_t)argc, sizeof(char *));
    options->hidden_paths = calloc((size_t)argc, sizeof(char *));
    if (options->read_paths == NULL || options->write_paths == NULL || options->protected_paths == NULL ||
        options->hidden_paths == NULL)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "options", "out of memory");

    int index = 1;
    while (index < argc) {
        const char *flag = argv[index];
        if (strcmp(flag, "--") == 0) {
            index++;
            break;
        }
        if (flag[0] != '-') break; /* PROGRAM without a `--` before it */
        index++;
        if (strcmp(flag, "--no-seccomp") == 0) {
            options->seccomp = false;
            continue;
        }
        if (strcmp(flag, "--no-network") == 0) {
            options->no_network = true;
            continue;
        }
        if (strcmp(flag, "--reap") == 0) {
            options->reap = true;
            continue;
        }
        if (strcmp(flag, "--probe") == 0) {
            options->probe = true;
            continue;
        }
        if (strcmp(flag, "--help") == 0 || strcmp(flag, "-h") == 0) {
            options->help = true;
            continue;
        }

        /* Every other option takes a value. */
        static const char *const valued_flags[] = {"--read", "--write", "--protect", "--hide", "--landlock"};
        bool known = false;
        for (size_t i = 0; i < sizeof valued_flags / sizeof *valued_flags && !known; i++)
            known = strcmp(flag, valued_flags[i]) == 0;
        for (int i = 0; i < SANDBOX_MAX_LIMITS && !known; i++) known = strcmp(flag, limit_flags[i].flag) == 0;
        if (!known) sandbox_fail(SANDBOX_EXIT_FAILURE, "options", "unknown option '%s' (see --help)", flag);
        if (index >= argc) sandbox_fail(SANDBOX_EXIT_FAILURE, "options", "%s needs a value", flag);
        const char *value = argv[index++];

        if (strcmp(flag, "--read") == 0) {
            options->read_paths[options->read_count++] = value;
        } else if (strcmp(flag, "--write") == 0) {
            options->write_paths[options->write_count++] = value;
        } else if (strcmp(flag, "--protect") == 0) {
            options->protected_paths[options->protected_count++] = value;
        } else if (strcmp(flag, "--hide") == 0) {
            options->hidden_paths[options->hidden_count++] = value;
        } else if (strcmp(flag, "--landlock") == 0) {
            if (strcmp(value, "require") == 0) options->landlock = LANDLOCK_REQUIRE;
            else if (strcmp(value, "best-effort") == 0) options->landlock = LANDLOCK_BEST_EFFORT;
            else if (strcmp(value, "off") == 0) options->landlock = LANDLOCK_OFF;
            else
                sandbox_fail(SANDBOX_EXIT_FAILURE, "options",
                             "--landlock is require, best-effort or off, not '%s'", value);
        } else {
            for (int i = 0; i < SANDBOX_MAX_LIMITS; i++) {
                if (strcmp(flag, limit_flags[i].flag) == 0)
                    set_limit(options, limit_flags[i].resource, flag, value);
            }
        }
    }

    if (options->help || options->probe) return;
    if (index >= argc) sandbox_fail(SANDBOX_EXIT_FAILURE, "options", "no PROGRAM after the options (see --help)");
    options->program = argv + index;
}
