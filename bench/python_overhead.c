/*
 * Per-run overhead of the sandbox for an interpreter: a Python hello world run bare (fork, execve
 * of /usr/bin/python3, wait4) and under sandbox_exec with the Python record's command, environment
 * and run policy, interleaved in rounds so both see the same machine. Prints medians and their
 * difference. Usage: python_overhead [RUNS] (needs root and python3).
 */
#define _GNU_SOURCE
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

/* The same interpreter, script and environment, with stdout to /dev/null as the sandbox's pipe. */
static double bare_run(const struct lang *py, const char *script)
{
    double t = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stdout);
        char *const argv[] = {(char *)py->run[0], (char *)script, NULL};
        execve(argv[0], argv, (char *const *)py->run_env);
        _exit(127);
    }
    int status;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    return now_ms() - t;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 200;
    const struct lang *py = lang_by_id("python");
    if (!py || !lang_available(py) || strcmp(py->run[1], "{main}") || py->run[2]) {
        fprintf(stderr, "python_overhead: Python is not installed, or its run command changed\n");
        return 1;
    }
    char work[] = "/tmp/judged-bench-XXXXXX";
    if (!mkdtemp(work))
        return 1;
    struct sandbox_config cfg = {.workdir = work, .slots = 1, .cgroup = CGROUP_AUTO};
    sandbox *sb;
    int rc = sandbox_open(&cfg, &sb);
    if (rc) {
        fprintf(stderr, "sandbox_open: %s\n", strerror(-rc));
        return 1;
    }
    char script[512], boxed_script[512];
    snprintf(script, sizeof(script), "%s/hello.py", work);
    snprintf(boxed_script, sizeof(boxed_script), "%s/hello.py", sandbox_box_dir(sb, 0));
    const char *hello = "print('hello, world')\n";
    if (fs_write(script, hello, strlen(hello), 0644) ||
        fs_write(boxed_script, hello, strlen(hello), 0644))
        return 1;
    const char *const sargv[] = {py->run[0], "/box/hello.py", NULL};
    struct sandbox_cmd scmd = {.slot = 0,
                               .policy = policy_for_lang(py),
                               .argv = sargv,
                               .envp = py->run_env,
                               .stdin_fd = -1,
                               .limits = {.cpu_ms = 2000,
                                          .wall_ms = 5000,
                                          .memory_kb = 256 << 10,
                                          .stdout_max = 1 << 20,
                                          .stderr_max = 1 << 20,
                                          .processes = py->processes,
                                          .file_size = 1 << 20}};
    double *bare = calloc((size_t)runs, sizeof(double)),
           *boxed = calloc((size_t)runs, sizeof(double));
    for (int i = 0; i < 10; i++) { /* warm up both paths (page cache, the zygote) */
        struct sandbox_result r;
        bare_run(py, script);
        sandbox_exec(sb, &scmd, &r);
        sandbox_result_release(&r);
    }
    for (int i = 0; i < runs; i++) {
        bare[i] = bare_run(py, script);
        double t = now_ms();
        struct sandbox_result r;
        if (sandbox_exec(sb, &scmd, &r) != 0 || r.status != SANDBOX_EXITED || r.exit_code) {
            fprintf(stderr, "sandboxed run failed: %s %s (while %s)\n",
                    sandbox_status_name(r.status), r.syscall, sandbox_step_name(r.failed_step));
            return 1;
        }
        boxed[i] = now_ms() - t;
        sandbox_result_release(&r);
    }
    qsort(bare, (size_t)runs, sizeof(double), cmp_double);
    qsort(boxed, (size_t)runs, sizeof(double), cmp_double);
    double mb = bare[runs / 2], ms = boxed[runs / 2];
    printf("sandbox mode: %s; %s\n", sandbox_mode(sb), lang_version(py));
    printf("runs: %d each, interleaved\n", runs);
    printf("bare python3 hello.py: median %.2f ms, p90 %.2f ms\n", mb, bare[runs * 9 / 10]);
    printf("sandboxed:             median %.2f ms, p90 %.2f ms\n", ms, boxed[runs * 9 / 10]);
    printf("overhead (median): %+.2f ms, ratio %.2fx\n", ms - mb, ms / mb);
    sandbox_close(sb);
    fs_remove_tree(work);
    free(bare);
    free(boxed);
    return 0;
}
