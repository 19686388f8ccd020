/* Resource limits: setrlimit with soft = hard, so the program cannot raise them again. */
#include "sandbox.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *limit_name(int resource) {
    switch (resource) {
    case RLIMIT_NPROC: return "nproc";
    case RLIMIT_FSIZE: return "fsize";
    case RLIMIT_AS: return "as";
    case RLIMIT_DATA: return "data";
    case RLIMIT_CPU: return "cpu";
    case RLIMIT_NOFILE: return "nofile";
    default: return "limit";
    }
}

/* The tasks (threads included) whose real user is ours, as RLIMIT_NPROC counts them, from /proc. A process
 * that exits meanwhile is skipped; one that marked itself non-dumpable still shows its real uid here. */
static rlim_t count_user_tasks(void) {
    DIR *proc = opendir("/proc");
    if (proc == NULL) sandbox_fail(SANDBOX_EXIT_FAILURE, "rlimit", "/proc: %s", strerror(errno));
    uid_t user = getuid();
    rlim_t tasks = 0;
    struct dirent *entry;
    while ((entry = readdir(proc)) != NULL) {
        if (entry->d_name[0] < '1' || entry->d_name[0] > '9') continue;
        char path[64];
        snprintf(path, sizeof path, "/proc/%s/status", entry->d_name);
        FILE *status = fopen(path, "re");
        if (status == NULL) continue;
        char line[256];
        bool ours = false;
        while (fgets(line, sizeof line, status) != NULL) {
            unsigned long value;
            if (sscanf(line, "Uid: %lu", &value) == 1) ours = value == user;
            else if (ours && sscanf(line, "Threads: %lu", &value) == 1) tasks += value;
        }
        fclose(status);
    }
    closedir(proc);
    return tasks;
}

void sandbox_apply_limits(const struct sandbox_options *options) {
    for (int i = 0; i < options->limit_count; i++) {
        rlim_t value = options->limits[i].value;
        /* The kernel exempts root from RLIMIT_NPROC: counting (a read of every /proc/<pid>/status) is
         * pointless there. */
        if (options->limits[i].above_current && getuid() != 0) value += count_user_tasks();
        struct rlimit limit = {value, value};
        if (setrlimit(options->limits[i].resource, &limit) != 0)
            sandbox_fail(SANDBOX_EXIT_FAILURE, "rlimit", "%s %llu: %s", limit_name(options->limits[i].resource),
                         (unsigned long long)value, strerror(errno));
    }
}
