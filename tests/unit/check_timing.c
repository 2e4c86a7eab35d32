/*
 * Time verdicts: CPU time decides TLE, wall time only what the program spent not waiting for a
 * CPU. The rule itself (sandbox_time_status, the wall limit and the budget of judge.c) is tested
 * as the pure functions it is; then, as root, that a run is pinned to one CPU of the mask and that
 * a run sharing its CPU with busy processes is judged by what it did, not by how long it waited.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fsutil.h"
#include "helpers.h"
#include "sandbox.h"

/* From judge.h, which cannot be included beside check.h: both define a `test_result`. */
unsigned judge_wall_limit_ms(unsigned tl);
uint64_t judge_budget_ms(uint64_t sum_tl);

#define MS 1000u /* microseconds */

static const struct sandbox_limits tl1 = {.cpu_ms = 1000, .wall_ms = 1300};

START_TEST(test_cpu_decides_first)
{
    uint64_t waited = 7;
    /* Over its CPU limit it is TLE, however long it waited as well. */
    ck_assert_int_eq(sandbox_time_status(&tl1, 1001 * MS, 9000 * MS, 8000 * MS, &waited),
                     SANDBOX_CPU_LIMIT);
    ck_assert_int_eq(sandbox_time_status(&tl1, 1001 * MS, 1001 * MS, 0, NULL), SANDBOX_CPU_LIMIT);
    ck_assert_int_eq(sandbox_time_status(&tl1, 1000 * MS, 1000 * MS, 0, &waited), SANDBOX_EXITED);
    ck_assert_uint_eq(waited, 0);
}
END_TEST

START_TEST(test_waiting_is_not_the_programs_time)
{
    uint64_t waited = 0;
    /* 600 ms of CPU in 4.2 s, 3.6 s of it waiting behind a host's services: not TLE. */
    ck_assert_int_eq(sandbox_time_status(&tl1, 600 * MS, 4200 * MS, 3600 * MS, &waited),
                     SANDBOX_EXITED);
    ck_assert_uint_eq(waited, 3600 * MS);
    /* The same run with the wait not seen would have been over the wall limit. */
    ck_assert_int_eq(sandbox_time_status(&tl1, 600 * MS, 4200 * MS, 0, NULL), SANDBOX_WALL_LIMIT);
}
END_TEST

START_TEST(test_sleeper_still_tle)
{
    uint64_t waited = 0;
    /* It slept: nothing runnable, nothing deducted. */
    ck_assert_int_eq(sandbox_time_status(&tl1, 2 * MS, 1302 * MS, 1 * MS, &waited),
                     SANDBOX_WALL_LIMIT);
    ck_assert_uint_eq(waited, 1 * MS);
    ck_assert_int_eq(sandbox_time_status(&tl1, 2 * MS, 1300 * MS, 0, NULL), SANDBOX_EXITED);
    /* Slept 1.2 s, computed 100 ms and waited 2 s for its CPU: 1.3 s of its own, not more. */
    ck_assert_int_eq(sandbox_time_status(&tl1, 100 * MS, 3300 * MS, 2000 * MS, NULL),
                     SANDBOX_EXITED);
    ck_assert_int_eq(sandbox_time_status(&tl1, 100 * MS, 3302 * MS, 2000 * MS, NULL),
                     SANDBOX_WALL_LIMIT);
}
END_TEST

START_TEST(test_own_threads_waiting_deduct_nothing_more)
{
    uint64_t waited = 0;
    /* Threads of one run on its one CPU wait for each other: the run-queue delay is many times
     * the wall time, but the machine held it back for at most wall - cpu. */
    ck_assert_int_eq(sandbox_time_status(&tl1, 990 * MS, 1000 * MS, 15000 * MS, &waited),
                     SANDBOX_EXITED);
    ck_assert_uint_eq(waited, 10 * MS);
    /* A sleeping thread beside spinning ones: the wall limit still applies to its sleep. */
    ck_assert_int_eq(sandbox_time_status(&tl1, 400 * MS, 1800 * MS, 90000 * MS, &waited),
                     SANDBOX_EXITED);
    ck_assert_uint_eq(waited, 1400 * MS);
    /* More CPU than wall (threads on several CPUs, when pinning is not possible): no wait. */
    ck_assert_int_eq(sandbox_time_status(&tl1, 900 * MS, 500 * MS, 3000 * MS, &waited),
                     SANDBOX_EXITED);
    ck_assert_uint_eq(waited, 0);
}
END_TEST

START_TEST(test_overloaded_is_not_a_verdict)
{
    uint64_t bound = sandbox_wait_bound_us(&tl1);
    ck_assert_uint_ge(bound, 9000 * MS); /* a 1/10 share of a CPU still judges a whole limit */
    ck_assert_int_eq(sandbox_time_status(&tl1, 100 * MS, bound + 101 * MS, bound + 1, NULL),
                     SANDBOX_OVERLOADED);
    ck_assert_int_eq(sandbox_time_status(&tl1, 100 * MS, bound + 100 * MS, bound, NULL),
                     SANDBOX_EXITED);
    ck_assert_str_eq(sandbox_status_name(SANDBOX_OVERLOADED), "overloaded");
    /* Long limits wait at most 20 s more than the limit before the run is given up. */
    const struct sandbox_limits compile = {.cpu_ms = 10000, .wall_ms = 20000};
    ck_assert_uint_eq(sandbox_wait_bound_us(&compile), 30000 * MS);
}
END_TEST

START_TEST(test_wall_limit_and_budget)
{
    /* A sleeper costs about its limit: far less than the old 2 x TL + 1 s. */
    ck_assert_uint_gt(judge_wall_limit_ms(1000), 1000);
    ck_assert_uint_le(judge_wall_limit_ms(1000), 1400);
    ck_assert_uint_gt(judge_wall_limit_ms(50), 50);
    ck_assert_uint_le(judge_wall_limit_ms(50), 300);
    /* The budget covers tests that each use their whole limit, and not a sleeper's every test. */
    ck_assert_uint_ge(judge_budget_ms(20 * 1000), 20 * 1000);
    ck_assert_uint_lt(judge_budget_ms(20 * 1000), 20 * judge_wall_limit_ms(1000));
}
END_TEST

/*** In the sandbox (root) ***/

static sandbox *sb;
static char *work;
static pid_t hogs[CPU_SETSIZE];
static int nhogs;

static void setup(void)
{
    signal(SIGPIPE, SIG_IGN);
    work = helper_tmpdir();
    struct sandbox_config cfg = {.workdir = work, .slots = 1, .cgroup = CGROUP_AUTO};
    int rc = sandbox_open(&cfg, &sb);
    ck_assert_msg(rc == 0, "sandbox_open: %s", strerror(-rc));
    nhogs = 0;
}

static void teardown(void)
{
    for (int i = 0; i < nhogs; i++) {
        kill(hogs[i], SIGKILL);
        waitpid(hogs[i], NULL, 0);
    }
    sandbox_close(sb);
    fs_remove_tree(work);
    free(work);
}

static void program(const char *code)
{
    char *src = fs_join(work, "p.c"), *exe = fs_join(sandbox_box_dir(sb, 0), "prog"), *cmd = NULL;
    ck_assert_int_eq(fs_write(src, code, strlen(code), 0644), 0);
    ck_assert_int_ge(asprintf(&cmd, "gcc -O1 -static -w -o %s %s", exe, src), 0);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    free(src);
    free(exe);
}

static void run(struct sandbox_result *r, const struct sandbox_limits *l)
{
    const char *const argv[] = {"/box/prog", NULL};
    struct sandbox_cmd cmd = {
        .slot = 0, .policy = POLICY_RUN, .argv = argv, .stdin_fd = -1, .limits = *l};
    ck_assert_int_eq(sandbox_exec(sb, &cmd, r), 0);
}

static const struct sandbox_limits box = {
    .cpu_ms = 2000,
    .wall_ms = 300,
    .memory_kb = 64 << 10,
    .stdout_max = 1 << 16,
    .stderr_max = 1 << 16,
    .processes = 4,
    .file_size = 1 << 20,
};

START_TEST(test_pinned_to_one_cpu_of_the_mask)
{
    program("#define _GNU_SOURCE\n#include <sched.h>\n#include <stdio.h>\n"
            "int main(void){cpu_set_t s;if(sched_getaffinity(0,sizeof s,&s))return 1;"
            "for(int c=0;c<CPU_SETSIZE;c++)if(CPU_ISSET(c,&s))printf(\"%d \",c);return 0;}");
    cpu_set_t mine;
    ck_assert_int_eq(sched_getaffinity(0, sizeof(mine), &mine), 0);
    struct sandbox_result r;
    run(&r, &box);
    ck_assert_int_eq(r.status, SANDBOX_EXITED);
    ck_assert_int_eq(r.exit_code, 0);
    ck_assert_int_ge(r.cpu, 0);
    ck_assert(CPU_ISSET(r.cpu, &mine));
    char want[32];
    snprintf(want, sizeof(want), "%d ", r.cpu);
    ck_assert_str_eq(strbuf_str(&r.out), want);
    sandbox_result_release(&r);
}
END_TEST

/* A busy process on every CPU the judge has: whichever the run gets, it shares it. */
static void start_hogs(void)
{
    cpu_set_t mine;
    ck_assert_int_eq(sched_getaffinity(0, sizeof(mine), &mine), 0);
    for (int c = 0; c < CPU_SETSIZE; c++) {
        if (!CPU_ISSET(c, &mine))
            continue;
        pid_t pid = fork();
        ck_assert_int_ge(pid, 0);
        if (pid == 0) {
            /* It dies with the test, which a failed assertion ends before the teardown. */
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() == 1)
                _exit(0);
            cpu_set_t one;
            CPU_ZERO(&one);
            CPU_SET(c, &one);
            sched_setaffinity(0, sizeof(one), &one);
            for (volatile unsigned long x = 0;; x++)
                ;
        }
        hogs[nhogs++] = pid;
    }
}

START_TEST(test_waiting_for_the_cpu_is_not_tle)
{
    /* 250 ms of CPU under a 300 ms wall limit, sharing its CPU with a busy process: its wall
     * time is about twice its CPU time, and only its own part counts. */
    program("#include <time.h>\nint main(void){struct timespec t;volatile unsigned long x=0;"
            "for(;;){clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t);"
            "if(t.tv_sec*1000+t.tv_nsec/1000000>=250)return 0;x++;}}");
    start_hogs();
    struct sandbox_result r;
    run(&r, &box);
    ck_assert_msg(r.status == SANDBOX_EXITED, "%s: cpu %u ms, wall %u ms, waited %u ms",
                  sandbox_status_name(r.status), r.cpu_ms, r.wall_ms, r.wait_ms);
    ck_assert_int_eq(r.exit_code, 0);
    ck_assert_uint_ge(r.cpu_ms, 250);
    ck_assert_uint_gt(r.wait_ms, 0); /* a busy process shared its CPU the whole time */
    ck_assert_uint_le(r.wait_ms, r.wall_ms);
    sandbox_result_release(&r);
}
END_TEST

START_TEST(test_sleeper_beside_busy_processes_is_tle)
{
    program("#include <unistd.h>\nint main(void){sleep(100);return 0;}");
    start_hogs();
    struct sandbox_result r;
    run(&r, &box);
    ck_assert_int_eq(r.status, SANDBOX_WALL_LIMIT);
    sandbox_result_release(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("timing");
    TCase *rule = tcase_create("rule");
    tcase_add_test(rule, test_cpu_decides_first);
    tcase_add_test(rule, test_waiting_is_not_the_programs_time);
    tcase_add_test(rule, test_sleeper_still_tle);
    tcase_add_test(rule, test_own_threads_waiting_deduct_nothing_more);
    tcase_add_test(rule, test_overloaded_is_not_a_verdict);
    tcase_add_test(rule, test_wall_limit_and_budget);
    suite_add_tcase(s, rule);
    if (geteuid() == 0) {
        TCase *tc = tcase_create("sandbox");
        tcase_set_timeout(tc, 60);
        tcase_add_checked_fixture(tc, setup, teardown);
        tcase_add_test(tc, test_pinned_to_one_cpu_of_the_mask);
        tcase_add_test(tc, test_waiting_for_the_cpu_is_not_tle);
        tcase_add_test(tc, test_sleeper_beside_busy_processes_is_tle);
        suite_add_tcase(s, tc);
    } else {
        printf("timing: not root; the sandbox cases are skipped\n");
    }
    return helper_run(s);
}
