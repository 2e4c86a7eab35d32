/*
 * Python 3, Debian's CPython. The compile step is a syntax check (py_compile, its bytecode thrown
 * away in /tmp): a program that does not parse gets CE with the parser's message, as in compiled
 * languages, instead of RE on the first test; it costs one interpreter start per submission.
 * The runtime is a single process; beyond the C run policy it needs only epoll.
 */
#include "lang.h"
#include "policy.h"

/* The standard library's selectors (imported by socket, asyncio, subprocess) make an epoll set. */
static const struct policy_rule python_syscalls[] = {
    {"epoll_create1", "selectors and asyncio: an epoll set of its own descriptors", 0},
    {"epoll_ctl", "as epoll_create1", 0},
    {"epoll_wait", "as epoll_create1", 0},
    {"epoll_pwait", "as epoll_create1", 0},
    {NULL, NULL, 0},
};

const struct lang lang_python = {
    .id = "python",
    .name = "Python 3 (CPython)",
    .exts = (const char *const[]){".py", NULL},
    .source_name = "solution.py",
    .driver_main = "driver.py",
    .compile = (const char *const[]){"/usr/bin/python3", "-m", "py_compile", "{sources}", NULL},
    /* The bytecode goes to /tmp, never beside the read-only sources. */
    .compile_env = (const char *const[]){"PYTHONPYCACHEPREFIX=/tmp/pycache", "HOME=/tmp", NULL},
    .run = (const char *const[]){"/usr/bin/python3", "{main}", NULL},
    /*
     * No bytecode written at run time (the sources are read-only), UTF-8 whatever the locale.
     * HOME: without it, site looks the user up in the password database, and glibc's NSS tries
     * nscd's socket, a forbidden call (the sandbox has no /etc/passwd to read either).
     */
    .run_env = (const char *const[]){"PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8",
                                     "LC_ALL=C.UTF-8", "HOME=/tmp", NULL},
    .version = (const char *const[]){"/usr/bin/python3", "--version", NULL},
    .toolchain = "/usr/bin/python3",
    .paths =
        (const char *const[]){"/usr/bin/python3", "/usr/bin/python3.11", "/usr/lib/python3.11",
                              "/usr/lib/python3/dist-packages", "/usr/lib/x86_64-linux-gnu", NULL},
    .selftest = {"print('judged', 6 * 7)\n", "judged 42\n"},
    .syscalls = python_syscalls,
    .processes = 16,
    /*
     * CPython runs the catalogue's reference solutions 3 to 5 times slower than C (kmeans and
     * linreg-gd: 5x and 2.4x of their limits, measured by tests/catalogue_langs.py): Python runs
     * get five times the problem's limit, as hiring platforms give it (HackerRank: 10 s against
     * C's 2 s), so that a problem's limit holds for a right Python solution too.
     */
    .time_factor_pct = 500,
    .submissions = true,
};
