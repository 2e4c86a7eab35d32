/*
 * Go, Debian's golang-go. `go build` compiles in the slot with a build cache and GOPATH of its own
 * in /tmp, emptied before every run: nothing is shared between submissions. The binary is static.
 * No -trimpath: it changes every package's build id, so the standard library Debian ships
 * compiled would be built again (15 s of CPU instead of 0.6 s).
 * The Go runtime reserves address space far beyond its use (arenas), so its memory is capped by
 * the control group's resident memory; it runs threads for its scheduler and collector.
 */
#include "lang.h"
#include "policy.h"

static const struct policy_rule go_syscalls[] = {
    /* The runtime's netpoller: timers (time.Sleep) and non-blocking files wait on it. */
    {"epoll_create1", "the netpoller: an epoll set of its own descriptors", 0},
    {"epoll_ctl", "as epoll_create1", 0},
    {"epoll_pwait", "as epoll_create1: timers sleep in it", 0},
    {"eventfd2", "the netpoller wakes itself (pipe2 on older runtimes)", 0},
    {NULL, NULL, 0},
};

const struct lang lang_go = {
    .id = "go",
    .name = "Go (gc)",
    .exts = (const char *const[]){".go", NULL},
    .source_name = "solution.go",
    .driver_source = "solution.go",
    .compile = (const char *const[]){"/usr/bin/go", "build", "-o", "{out}", "{sources}", NULL},
    .compile_env = (const char *const[]){"HOME=/tmp", "GOCACHE=/tmp/go-cache", "GOPATH=/tmp/go",
                                         "GOTMPDIR=/tmp", "CGO_ENABLED=0", "GO111MODULE=off",
                                         "GOTOOLCHAIN=local", "GOFLAGS=-buildvcs=false", NULL},
    .run = (const char *const[]){"{out}", NULL},
    .version = (const char *const[]){"/usr/bin/go", "version", NULL},
    .toolchain = "/usr/bin/go",
    .paths = (const char *const[]){"/usr/bin/go", "/usr/lib/go-1.19", "/usr/share/go-1.19", NULL},
    .selftest = {"package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"judged\", 6*7) }\n",
                 "judged 42\n"},
    .syscalls = go_syscalls,
    .processes = 32,
    .compile_processes = 64,
    .memory_rss = true,
    .submissions = true,
    .native = true,
};
