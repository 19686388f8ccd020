/* --reap: the launcher stays as PROGRAM's parent and a child subreaper, so whatever PROGRAM leaves
 * behind (double-forked daemons, setsid escapes from its process group) is reparented to the launcher
 * and killed when PROGRAM exits. */
#include "sandbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* PROGRAM's pid while it runs (0 before and after); read by the signal handler. */
static volatile sig_atomic_t program_pid;

static void forward_signal(int signal_number) {
    pid_t pid = program_pid;
    if (pid > 0) kill(pid, signal_number);
}

/* SIGKILLs the children listed in one /proc/self/task/<tid>/children file; whether it listed any. */
static bool kill_children_of_task(const char *tid) {
    char path[32 + sizeof(((struct dirent *)0)->d_name)];
    snprintf(path, sizeof path, "/proc/self/task/%s/children", tid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) sandbox_fail(SANDBOX_EXIT_FAILURE, "reaper", "%s: %s", path, strerror(errno));
    bool any = false;
    char buffer[4096];
    size_t kept = 0; /* the start of a pid cut by the end of the previous read */
    for (;;) {
        ssize_t count = read(fd, buffer + kept, sizeof buffer - 1 - kept);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) sandbox_fail(SANDBOX_EXIT_FAILURE, "reaper", "%s: %s", path, strerror(errno));
        size_t length = kept + (size_t)count;
        buffer[length] = '\0';
        char *cursor = buffer;
        for (;;) {
            while (*cursor == ' ' || *cursor == '\n') cursor++;
            char *end = cursor;
            while (*end >= '0' && *end <= '9') end++;
            if (end == cursor) break;
            if (*end == '\0' && count > 0) break; /* maybe cut: read the rest first */
            kill((pid_t)strtol(cursor, NULL, 10), SIGKILL);
            any = true;
            cursor = end;
        }
        kept = length - (size_t)(cursor - buffer);
        memmove(buffer, cursor, kept);
        if (count == 0) break;
    }
    close(fd);
    return any;
}

/* Kills every child of every thread of this process (the launcher has one thread). */
static void kill_children(void) {
    DIR *tasks = opendir("/proc/self/task");
    if (tasks == NULL) sandbox_fail(SANDBOX_EXIT_FAILURE, "reaper", "/proc/self/task: %s", strerror(errno));
    struct dirent *entry;
    while ((entry = readdir(tasks)) != NULL) {
        if (entry->d_name[0] != '.') kill_children_of_task(entry->d_name);
    }
    closedir(tasks);
}

/* Kills and reaps descendants until none is left: killing a child reparents its own children to us. */
static void kill_descendants(void) {
    for (;;) {
        kill_children();
        pid_t pid = waitpid(-1, NULL, 0);
        if (pid < 0 && errno == ECHILD) return;
        if (pid < 0 && errno != EINTR) sandbox_fail(SANDBOX_EXIT_FAILURE, "reaper", "wait: %s", strerror(errno));
    }
}

int sandbox_run_reaped(void (*start_child)(const struct sandbox_options *), const struct sandbox_options *options) {
    if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
        sandbox_fail(SANDBOX_EXIT_FAILURE, "reaper", "child subreaper: %s", strerror(errno));

    /* Blocked across fork, so a signal that arrives before the handlers exist is forwarded, not lost. */
    sigset_t forwarded, previous;
    sigemptyset(&forwarded);
    sigaddset(&forwarded, SIGTERM);
    sigaddset(&forwarded, SIGINT);
    sigaddset(&forwarded, SIGHUP);
    sigprocmask(SIG_BLOCK, &forwarded, &previous);

    pid_t reaper = getpid();
    pid_t pid = fork();
    if (pid < 0) sandbox_fail(SANDBOX_EXIT_FAILURE, "reaper", "fork: %s", strerror(errno));
    if (pid == 0) {
        /* PROGRAM dies with its reaper (were the reaper killed, nothing would be left to clean up). */
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        if (getppid() != reaper) _exit(SANDBOX_EXIT_FAILURE);
        sigprocmask(SIG_SETMASK, &previous, NULL);
        start_child(options);
        _exit(SANDBOX_EXIT_FAILURE); /* start_child does not return */
    }

    program_pid = pid;
    struct sigaction action = {.sa_handler = forward_signal, .sa_flags = SA_RESTART};
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigprocmask(SIG_SETMASK, &previous, NULL);

    /* Orphans that exit before PROGRAM are reaped here along the way. */
    int status = 0;
    for (;;) {
        pid_t exited = waitpid(-1, &status, 0);
        if (exited == pid) break;
        if (exited < 0 && errno != EINTR) sandbox_fail(SANDBOX_EXIT_FAILURE, "reaper", "wait: %s", strerror(errno));
    }
    program_pid = 0;

    kill_descendants();
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}
