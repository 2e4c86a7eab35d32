/*
 * Per-run overhead of the sandbox for an interpreter: a Python hello world run bare (fork, execve
 * of /usr/bin/python3 hello.py, wait4) and under sandbox_exec with the Python record's command,
 * environment and run policy and the sandbox judged builds (every language's paths), interleaved
 * in rounds so both see the same machine. Prints, for each, the median and p90 of the wall time
 * (start to reaped) and of the program's CPU time (user + system), and the median and p90 of the
 * per-round difference (sandboxed - bare), which cancels most of what a loaded machine adds to
 * both, and the CPU the judge's side spends per sandboxed run. Usage: python_overhead [RUNS] (needs
 * root and python3; RUNS at least 10, default 200).
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

/* The same interpreter, script and environment, with stdout to /dev/null as the sandbox's pipe.
 * Its wall time in ms; its CPU time (user + system) into *cpu_ms. */
static double bare_run(const struct lang *py, const char *script, double *cpu_ms)
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
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
        fprintf(stderr, "python_overhead: the bare run failed\n");
        exit(1);
    }
    double wall = now_ms() - t;
    *cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
              (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    return wall;
}

/* CPU time (user + system) of this process so far: the judge's side of a sandboxed run (building
 * the request, supervising, collecting output, reaping), which the program's own CPU omits. */
static double self_cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* Sorts `v` (n values) and prints its median and p90. */
static void print_stats(const char *what, double *v, int n)
{
    qsort(v, (size_t)n, sizeof(double), cmp_double);
    printf("%-38s median %8.2f ms   p90 %8.2f ms\n", what, v[n / 2], v[n * 9 / 10]);
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 200;
    if (runs < 10) {
        fprintf(stderr, "python_overhead: RUNS must be at least 10\n");
        return 2;
    }
    const struct lang *py = lang_by_id("python");
    if (!py || !lang_available(py) || strcmp(py->run[1], "{main}") || py->run[2]) {
        fprintf(stderr, "python_overhead: Python is not installed, or its run command changed\n");
        return 1;
    }
    char work[] = "/tmp/judged-bench-XXXXXX";
    if (!mkdtemp(work))
        return 1;
    /* The root judged builds: every language's paths, the interpreter among them. */
    const char **paths = lang_sandbox_paths();
    if (!paths)
        return 1;
    struct sandbox_config cfg = {
        .workdir = work, .slots = 1, .cgroup = CGROUP_AUTO, .paths = paths};
    sandbox *sb;
    int rc = sandbox_open(&cfg, &sb);
    free(paths);
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
           *boxed = calloc((size_t)runs, sizeof(double)),
           *bare_cpu = calloc((size_t)runs, sizeof(double)),
           *boxed_cpu = calloc((size_t)runs, sizeof(double)),
           *diff = calloc((size_t)runs, sizeof(double)),
           *self_cpu = calloc((size_t)runs, sizeof(double));
    if (!bare || !boxed || !bare_cpu || !boxed_cpu || !diff || !self_cpu)
        return 1;
    for (int i = 0; i < 10; i++) { /* warm up both paths (page cache, the zygote) */
        struct sandbox_result r;
        double cpu;
        bare_run(py, script, &cpu);
        sandbox_exec(sb, &scmd, &r);
        sandbox_result_release(&r);
    }
    for (int i = 0; i < runs; i++) {
        /* Alternate which goes first, so that neither always follows the other's cache use. */
        double t, wall_boxed = 0;
        struct sandbox_result r;
        if (i % 2)
            bare[i] = bare_run(py, script, &bare_cpu[i]);
        t = now_ms();
        double self0 = self_cpu_ms();
        if (sandbox_exec(sb, &scmd, &r) != 0 || r.status != SANDBOX_EXITED || r.exit_code) {
            fprintf(stderr, "sandboxed run failed: %s %s (while %s)\n",
                    sandbox_status_name(r.status), r.syscall, sandbox_step_name(r.failed_step));
            return 1;
        }
        wall_boxed = now_ms() - t;
        self_cpu[i] = self_cpu_ms() - self0;
        boxed_cpu[i] = r.cpu_ms;
        sandbox_result_release(&r);
        if (!(i % 2))
            bare[i] = bare_run(py, script, &bare_cpu[i]);
        boxed[i] = wall_boxed;
        diff[i] = boxed[i] - bare[i];
    }
    printf("sandbox mode: %s; %s; load average at the start: ", sandbox_mode(sb), lang_version(py));
    double load[1];
    if (getloadavg(load, 1) == 1)
        printf("%.1f\n", load[0]);
    else
        printf("?\n");
    printf("runs: %d each, interleaved (wall: start to reaped; CPU: user + system)\n", runs);
    print_stats("bare python3 hello.py, wall", bare, runs);
    print_stats("sandboxed, wall", boxed, runs);
    print_stats("bare, CPU", bare_cpu, runs);
    print_stats("sandboxed, CPU (whole ms)", boxed_cpu, runs);
    print_stats("overhead per round (sbx - bare)", diff, runs);
    print_stats("judge-side CPU per sandboxed run", self_cpu, runs);
    printf("ratio of the wall medians: %.2fx\n", boxed[runs / 2] / bare[runs / 2]);
    free(bare_cpu);
    free(boxed_cpu);
    free(diff);
    free(self_cpu);
    sandbox_close(sb);
    fs_remove_tree(work);
    free(bare);
    free(boxed);
    return 0;
}
