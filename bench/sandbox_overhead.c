/*
 * Per-run overhead of the sandbox: the same trivial static binary run bare (fork, execve, wait4)
 * and under sandbox_exec, interleaved in rounds so both see the same machine. Prints medians and
 * their ratio. Usage: sandbox_overhead [RUNS] (needs root and gcc).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fsutil.h"
#include "lang.h"
#include "sandbox.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double bare_run(const char *exe)
{
    double t = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        char *const argv[] = {(char *)exe, NULL}, *const envp[] = {NULL};
        execve(exe, argv, envp);
        _exit(127);
    }
    int status;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    return now_ms() - t;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 2000;
    char work[] = "/tmp/judged-bench-XXXXXX";
    if (!mkdtemp(work))
        return 1;
    const char *m = getenv("JUDGED_CGROUP");
    enum cgroup_mode mode = !m                   ? CGROUP_AUTO
                            : !strcmp(m, "none") ? CGROUP_NONE
                            : !strcmp(m, "v1")   ? CGROUP_V1
                                                 : CGROUP_V2;
    /* The toolchains' paths, as judged gives them: a run's mount table is as large as in use. */
    const char **paths = lang_sandbox_paths();
    struct sandbox_config cfg = {.workdir = work, .slots = 1, .cgroup = mode, .paths = paths};
    sandbox *sb;
    int rc = paths ? sandbox_open(&cfg, &sb) : -ENOMEM;
    free(paths);
    if (rc) {
        fprintf(stderr, "sandbox_open: %s\n", strerror(-rc));
        return 1;
    }
    char src[512], exe[512], cmd[2048];
    snprintf(src, sizeof(src), "%s/true.c", work);
    snprintf(exe, sizeof(exe), "%s/prog", sandbox_box_dir(sb, 0));
    fs_write(src, "int main(void){return 0;}\n", 26, 0644);
    snprintf(cmd, sizeof(cmd), "gcc -O2 -static -o %s %s", exe, src);
    if (system(cmd) != 0)
        return 1;
    const char *const sargv[] = {"/box/prog", NULL};
    struct sandbox_cmd scmd = {.slot = 0,
                               .policy = POLICY_RUN,
                               .argv = sargv,
                               .stdin_fd = -1,
                               .limits = {.cpu_ms = 1000,
                                          .wall_ms = 3000,
                                          .memory_kb = 256 << 10,
                                          .stdout_max = 1 << 20,
                                          .stderr_max = 1 << 20,
                                          .processes = 16,
                                          .file_size = 1 << 20}};
    double *bare = calloc((size_t)runs, sizeof(double)),
           *boxed = calloc((size_t)runs, sizeof(double));
    for (int i = 0; i < 50; i++) { /* warm up both paths */
        struct sandbox_result r;
        bare_run(exe);
        sandbox_exec(sb, &scmd, &r);
        sandbox_result_release(&r);
    }
    for (int i = 0; i < runs; i++) {
        bare[i] = bare_run(exe);
        double t = now_ms();
        struct sandbox_result r;
        if (sandbox_exec(sb, &scmd, &r) != 0 || r.status != SANDBOX_EXITED) {
            fprintf(stderr, "sandboxed run failed\n");
            return 1;
        }
        boxed[i] = now_ms() - t;
        sandbox_result_release(&r);
    }
    qsort(bare, (size_t)runs, sizeof(double), cmp_double);
    qsort(boxed, (size_t)runs, sizeof(double), cmp_double);
    double mb = bare[runs / 2], ms = boxed[runs / 2];
    printf("sandbox mode: %s\n", sandbox_mode(sb));
    printf("runs: %d each, interleaved\n", runs);
    printf("bare fork+exec+wait: median %.3f ms, p90 %.3f ms\n", mb, bare[runs * 9 / 10]);
    printf("sandboxed run:       median %.3f ms, p90 %.3f ms\n", ms, boxed[runs * 9 / 10]);
    printf("ratio (median): %.2fx\n", ms / mb);
    sandbox_close(sb);
    fs_remove_tree(work);
    free(bare);
    free(boxed);
    return 0;
}
