/* spark-sandbox: the layers a sandboxed program runs under, one file each (see main.c). */
#ifndef SPARK_SANDBOX_H
#define SPARK_SANDBOX_H

/* O_PATH, CLONE_NEW*, dprintf: every source file includes this header first. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <stdbool.h>
#include <sys/resource.h>

/* Exit codes, as a shell reports them: the launcher (or a layer) failed / PROGRAM was not found. */
#define SANDBOX_EXIT_FAILURE 126
#define SANDBOX_EXIT_NOT_FOUND 127

enum landlock_mode { LANDLOCK_REQUIRE, LANDLOCK_BEST_EFFORT, LANDLOCK_OFF };

/* One resource limit from the command line (soft = hard). */
struct sandbox_limit {
    int resource;
    rlim_t value;
    /* `--nproc +N`: N above the tasks the real user runs now (RLIMIT_NPROC counts them all). */
    bool above_current;
};

#define SANDBOX_MAX_LIMITS 6

/* The parsed command line. The path lists point into argv. */
struct sandbox_options {
    const char **read_paths;
    int read_count;
    const char **write_paths;
    int write_count;
    /* Paths beneath a --write path that stay read-only (--protect) or unreadable (--hide). */
    const char **protected_paths;
    int protected_count;
    const char **hidden_paths;
    int hidden_count;
    enum landlock_mode landlock;
    bool seccomp;
    bool no_network;
    bool reap;
    bool probe;
    bool help;
    struct sandbox_limit limits[SANDBOX_MAX_LIMITS];
    int limit_count;
    /* PROGRAM and its arguments (NULL-terminated, inside argv); NULL with --probe or --help. */
    char **program;
};

/* options.c: parses argv, or fails (exit 126) with one line on stderr. */
void sandbox_parse_options(int argc, char **argv, struct sandbox_options *options);
/* The text printed for --help. */
extern const char sandbox_usage[];

/* landlock.c: the ABI version the kernel supports (0 when Landlock is unavailable). */
int sandbox_landlock_abi(void);
/* Restricts this process (and what it executes) to the --read and --write paths, per the mode. */
void sandbox_apply_landlock(const struct sandbox_options *options);

/* seccomp_filter.c: whether the kernel can load a filter that returns errors. */
bool sandbox_seccomp_available(void);
/* Loads the filter; the last step before execvp. */
void sandbox_apply_seccomp(const struct sandbox_options *options);

/* capabilities.c: drops every capability (effective, permitted, inheritable, ambient, bounding) and locks
 * root out of regaining them. */
void sandbox_drop_capabilities(void);

/* limits.c: setrlimit for every --nproc/--fsize/--as/--cpu/--nofile. */
void sandbox_apply_limits(const struct sandbox_options *options);

/* reaper.c: runs `start_child` in a forked child as a child subreaper, forwards SIGTERM/SIGINT/SIGHUP,
 * kills every remaining descendant once the child exits, and returns the child's status (128+signal
 * if killed). */
int sandbox_run_reaped(void (*start_child)(const struct sandbox_options *), const struct sandbox_options *options);

/* main.c: prints `spark-sandbox: <layer>: <reason>` on stderr and exits with `code`. */
_Noreturn void sandbox_fail(int code, const char *layer, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

#endif
