/* policy: the sandbox's seccomp allowlists, kept as tables and compiled to BPF once per process. */
#ifndef JUDGE_POLICY_H
#define JUDGE_POLICY_H

#include <stddef.h>

#include <linux/filter.h>

#include "lang.h"

enum policy_kind {
    POLICY_RUN,     /* a submission or a validator: one process, threads allowed, no exec */
    POLICY_COMPILE, /* the compiler driver: may fork and exec its own passes */
    POLICY_LANG0,   /* POLICY_LANG0 + i: the run policy plus the extra calls of lang_all()[i] */
    POLICY__COUNT = POLICY_LANG0 + LANG_COUNT,
};

/*
 * A system call a language's runtime makes beyond a C program's, and why. With `refuse` it is
 * not allowed but fails with that errno (the runtime copes) instead of stopping the program.
 */
struct policy_rule {
    const char *name;
    const char *why;
    int refuse;
};

/* The run policy of `lang`: POLICY_RUN when it needs no extra calls. */
enum policy_kind policy_for_lang(const struct lang *lang);

/* A compiled filter: `prog` can be handed to seccomp(2) as it is. */
struct policy_bpf {
    struct sock_fprog prog;
};

/*
 * Compiles the allowlist of `kind`. Anything not allowed makes the kernel stop the caller and
 * notify the supervisor (SECCOMP_RET_USER_NOTIF), which then names the system call; a call through
 * another ABI (x32, int 0x80) kills the process outright. For POLICY_RUN, execve is allowed only
 * with `exec_path` as its first argument: the sandbox's own exec of the program, never a later one.
 * Returns 0 or a negative errno.
 */
int policy_build(enum policy_kind kind, const void *exec_path, struct policy_bpf *out);
void policy_release(struct policy_bpf *bpf);

/*
 * Calls `fn` with every system call name the allowlist of `kind` names (its table rows, and the
 * calls allowed with conditions), with the row's reason: what the tables say, for tests and
 * tools. A name that does not resolve on this architecture is skipped by policy_build. Static
 * data: thread-safe.
 */
typedef void (*policy_rule_fn)(void *ud, const char *name, const char *why);
void policy_each_rule(enum policy_kind kind, policy_rule_fn fn, void *ud);

/* The name of native system call `nr` ("#nr" when unknown), into `buf`. */
void policy_syscall_name(int nr, char *buf, size_t size);

#endif
