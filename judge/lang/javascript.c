/*
 * JavaScript, Debian's Node.js at /usr/bin/node (not a Node in /usr/local, which serves the web
 * build). The compile step is `node --check`, a syntax check, for CE instead of RE. V8 and libuv
 * run a few threads of their own and an event loop on epoll.
 */
#include <errno.h>

#include "lang.h"
#include "policy.h"

static const struct policy_rule js_syscalls[] = {
    {"epoll_create1", "libuv's event loop: an epoll set of its own descriptors", 0},
    {"epoll_ctl", "as epoll_create1", 0},
    {"epoll_wait", "as epoll_create1", 0},
    {"epoll_pwait", "as epoll_create1", 0},
    {"eventfd2", "libuv wakes its loop from its thread pool", 0},
    {"pkey_alloc", "V8 write-protects its JIT code with memory protection keys (its own pages)", 0},
    {"pkey_mprotect", "as pkey_alloc", 0},
    {"pkey_free", "as pkey_alloc", 0},
    {"io_uring_setup", "refused: newer libuv tries io_uring first and falls back to epoll", ENOSYS},
    {"capget",
     "node reads its own capabilities at start (it has none) to decide what env it trusts", 0},
    {NULL, NULL, 0},
};

const struct lang lang_javascript = {
    .id = "javascript",
    .name = "JavaScript (Node.js)",
    .exts = (const char *const[]){".js", NULL},
    .source_name = "solution.js",
    .driver_main = "driver.js",
    .compile = (const char *const[]){"/usr/bin/node", "--check", "{main}", NULL},
    /* No --max-old-space-size: past the limit the control group kills it (MLE); V8's own heap
     * limit would abort it (RE) instead. */
    .run = (const char *const[]){"/usr/bin/node", "{main}", NULL},
    .run_env = (const char *const[]){"LC_ALL=C.UTF-8", NULL},
    .version = (const char *const[]){"/usr/bin/node", "--version", NULL},
    .toolchain = "/usr/bin/node",
    .paths = (const char *const[]){"/usr/bin/node", "/usr/share/nodejs", "/usr/lib/nodejs",
                                   "/usr/lib/x86_64-linux-gnu", NULL},
    .selftest = {"console.log('judged', 6 * 7);\n", "judged 42\n"},
    .syscalls = js_syscalls,
    .processes = 32,
    .compile_processes = 32,
    .memory_rss = true,
    .submissions = true,
};
