/*
 * The allowlists. Each entry says why a C or C++ program (or gcc and its passes) needs the call;
 * anything absent is a security violation. A language whose runtime needs more (the JVM, Go, Node)
 * lists its extra calls, with the reason, in its own record (judge/lang/<id>.c); its run policy is
 * the C run policy plus those. The filters are built with libseccomp once, exported
 * as BPF and loaded by every sandboxed child with a single seccomp(2) call.
 */
#define _GNU_SOURCE
#include "policy.h"

#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct rule {
    const char *name;
    const char *why;
};

/* What every sandboxed program may do: compute, use memory, its descriptors, time and signals. */
static const struct rule run_rules[] = {
    {"read", "stdin and files it opened"},
    {"readv", "stdio"},
    {"pread64", "reading at an offset"},
    {"write", "stdout and stderr"},
    {"writev", "stdio"},
    {"pwrite64", "writing at an offset, into its own descriptors only"},
    {"lseek", "stdio positions itself on stdin"},
    {"close", "its own descriptors"},
    {"fstat", "stdio sizes its buffers"},
    {"newfstatat", "stat of its own files; the root is read-only and minimal"},
    {"statx", "stat variant used by newer libcs"},
    {"stat", "older libcs"},
    {"lstat", "older libcs"},
    {"open", "reading files of the minimal root; nothing secret is mounted"},
    {"openat", "as open"},
    {"access", "as open"},
    {"faccessat", "as open"},
    {"faccessat2", "as open"},
    {"readlink", "the loader resolves its own path"},
    {"readlinkat", "as readlink"},
    {"getcwd", "harmless"},
    {"getdents64", "listing its own directory"},
    {"fcntl", "descriptor flags"},
    {"dup", "descriptor juggling in its own table"},
    {"dup2", "as dup"},
    {"dup3", "as dup"},
    {"pipe", "pipes inside the process"},
    {"pipe2", "as pipe"},
    {"poll", "waiting on stdin"},
    {"ppoll", "as poll"},
    {"select", "as poll"},
    {"pselect6", "as poll"},
    {"brk", "malloc"},
    {"mmap", "malloc, the loader, thread stacks"},
    {"munmap", "free"},
    {"mremap", "realloc"},
    {"mprotect", "the loader, thread stack guards"},
    {"madvise", "free returns memory"},
    {"mincore", "some allocators probe pages"},
    {"membarrier", "C++ runtimes"},
    {"exit", "a thread ends"},
    {"exit_group", "the process ends"},
    {"rt_sigaction", "signal handlers"},
    {"rt_sigprocmask", "signal masks"},
    {"rt_sigreturn", "returning from a handler"},
    {"rt_sigsuspend", "waiting for a signal"},
    {"rt_sigtimedwait", "waiting for a signal"},
    {"rt_sigpending", "harmless"},
    {"sigaltstack", "handlers on their own stack"},
    {"kill", "signals reach only its own pid namespace"},
    {"tgkill", "raise(), abort(), pthread_kill()"},
    {"tkill", "as tgkill"},
    {"pause", "waiting for a signal"},
    {"alarm", "SIGALRM timers"},
    {"setitimer", "interval timers"},
    {"getitimer", "interval timers"},
    {"timer_create", "POSIX timers"},
    {"timer_settime", "POSIX timers"},
    {"timer_gettime", "POSIX timers"},
    {"timer_getoverrun", "POSIX timers"},
    {"timer_delete", "POSIX timers"},
    {"clock_gettime", "clocks (usually answered by the vDSO)"},
    {"clock_getres", "clocks"},
    {"clock_nanosleep", "sleeping: the wall-time limit ends it"},
    {"nanosleep", "as clock_nanosleep"},
    {"gettimeofday", "clocks"},
    {"time", "clocks"},
    {"times", "CPU time of itself"},
    {"getrusage", "CPU time and memory of itself"},
    {"sched_yield", "spin loops in threads"},
    {"sched_getaffinity", "sysconf(_SC_NPROCESSORS_ONLN)"},
    {"sched_getparam", "harmless"},
    {"sched_getscheduler", "harmless"},
    {"getpid", "its own ids"},
    {"getppid", "its own ids"},
    {"gettid", "its own ids"},
    {"getuid", "its own ids"},
    {"geteuid", "its own ids"},
    {"getgid", "its own ids"},
    {"getegid", "its own ids"},
    {"getresuid", "its own ids"},
    {"getresgid", "its own ids"},
    {"getpgrp", "its own ids"},
    {"getrlimit", "reading its limits"},
    {"prlimit64", "glibc reads limits this way; raising a hard limit needs a capability it lacks"},
    {"getrandom", "seeding hash tables and random numbers"},
    {"uname", "the libc checks the kernel version"},
    {"arch_prctl", "the loader sets up thread-local storage"},
    {"set_tid_address", "libc start-up"},
    {"set_robust_list", "libc start-up and threads"},
    {"get_robust_list", "threads"},
    {"rseq", "libc start-up"},
    {"futex", "threads and locks"},
    {"futex_waitv", "threads and locks"},
    {"sysinfo", "memory size queries"},
    {"sendmsg", "the sandbox hands its seccomp listener to the supervisor before exec; the program "
                "has no socket left to use it on"},
    {NULL, NULL},
};

/* What gcc, g++ and their passes (cpp, cc1, as, collect2, ld) need on top of that. */
static const struct rule compile_rules[] = {
    {"vfork", "gcc starts its passes"},
    {"fork", "gcc starts its passes"},
    {"clone", "gcc starts its passes"},
    {"clone3", "gcc starts its passes"},
    {"execve", "gcc runs cc1, as, collect2, ld"},
    {"wait4", "gcc waits for its passes"},
    {"waitid", "as wait4"},
    {"unlink", "gcc removes its temporary files"},
    {"unlinkat", "as unlink"},
    {"rename", "the linker replaces its output"},
    {"renameat", "as rename"},
    {"renameat2", "as rename"},
    {"chmod", "the linker marks its output executable"},
    {"fchmod", "as chmod"},
    {"fchmodat", "as chmod"},
    {"umask", "the linker computes the output's mode"},
    {"ftruncate", "the linker sizes its output"},
    {"fallocate", "the linker sizes its output"},
    {"fsync", "harmless"},
    {"fdatasync", "harmless"},
    {"mkdir", "temporary directories"},
    {"rmdir", "temporary directories"},
    {"utimensat", "harmless"},
    {"fadvise64", "the linker reads archives"},
    {"msync", "the linker maps its output"},
    {"getpgid", "harmless"},
    {"setpgid", "harmless"},
    {"prctl", "harmless after no_new_privs"},
    {"ioctl", "terminal queries on descriptors it owns"},
    {"statfs", "the linker checks its output file system"},
    {"fstatfs", "as statfs"},
    {"flock", "the linker locks its output"},
    {"mkdirat", "the go tool makes its cache and work folders"},
    {"chdir", "the go tool runs its compiler and linker in its work folders"},
    {"copy_file_range", "the go tool copies files within its build cache"},
    {"restart_syscall", "a call interrupted by a stop and a continue resumes"},
    {"capget", "node --check reads its own capabilities (it has none)"},
    {"epoll_create1", "the event loops of node (libuv) and the go tool"},
    {"epoll_ctl", "as epoll_create1"},
    {"epoll_wait", "as epoll_create1"},
    {"epoll_pwait", "as epoll_create1"},
    {"eventfd2", "libuv and the go tool wake their event loops"},
    {"pkey_alloc", "V8 guards its JIT code with memory protection keys"},
    {"pkey_mprotect", "as pkey_alloc"},
    {"pkey_free", "as pkey_alloc"},
    {"socketpair", "javac's JVM (NIO) makes a connected pair of its own: reaches nothing else"},
    {NULL, NULL},
};

static int add_rules(scmp_filter_ctx ctx, const struct rule *rules)
{
    for (const struct rule *r = rules; r->name; r++) {
        int nr = seccomp_syscall_resolve_name(r->name);
        if (nr == __NR_SCMP_ERROR)
            continue; /* not a system call on this architecture */
        int rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
        if (rc)
            return rc;
    }
    return 0;
}

static int add_lang_rules(scmp_filter_ctx ctx, const struct policy_rule *rules)
{
    for (const struct policy_rule *r = rules; r && r->name; r++) {
        int nr = seccomp_syscall_resolve_name(r->name);
        if (nr == __NR_SCMP_ERROR)
            continue;
        int rc = seccomp_rule_add(
            ctx, r->refuse ? SCMP_ACT_ERRNO((uint32_t)r->refuse) : SCMP_ACT_ALLOW, nr, 0);
        if (rc)
            return rc;
    }
    return 0;
}

enum policy_kind policy_for_lang(const struct lang *lang)
{
    int i = lang_index(lang);
    return i >= 0 && lang->syscalls ? (enum policy_kind)(POLICY_LANG0 + i) : POLICY_RUN;
}

/* The ioctl requests a run may make, on its own descriptors only (it has no others). */
struct run_ioctl {
    unsigned long request;
    const char *name;
    const char *why;
};

static const struct run_ioctl run_ioctls[] = {
    {TCGETS, "TCGETS", "isatty(): stdio and every runtime ask whether a descriptor is a terminal"},
    {TIOCGWINSZ, "TIOCGWINSZ", "the terminal size: Python and Node ask it of stdout"},
    {FIOCLEX, "FIOCLEX", "close-on-exec on its own descriptor: CPython's os.set_inheritable"},
    {FIONCLEX, "FIONCLEX", "the same, cleared"},
    {FIONBIO, "FIONBIO", "non-blocking mode on its own descriptor: libuv (Node) sets it this way"},
    {0, NULL, NULL},
};

/* The calls allowed only with certain arguments, for programs that must not start others. */
static int add_run_conditions(scmp_filter_ctx ctx, const void *exec_path)
{
    int rc;
    /* Threads yes, new processes no: clone must carry CLONE_THREAD. */
    rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
                          SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD));
    if (rc)
        return rc;
    /* clone3 hides its flags in memory a filter cannot read; ENOSYS makes glibc fall back to clone.
     */
    rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    if (rc)
        return rc;
    /* The sandbox's own execve passes this exact pointer; the program's later ones cannot know it.
     */
    rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(execve), 1,
                          SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)(uintptr_t)exec_path));
    if (rc)
        return rc;
    /* ioctl: only requests about its own descriptors' flags and terminal state (run_ioctls). */
    for (const struct run_ioctl *i = run_ioctls; !rc && i->name; i++)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1,
                              SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, i->request));
    return rc;
}

static int export_bpf(scmp_filter_ctx ctx, struct policy_bpf *out)
{
    int fd = memfd_create("policy", MFD_CLOEXEC);
    if (fd < 0)
        return -errno;
    int rc = seccomp_export_bpf(ctx, fd);
    if (rc)
        goto out;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        rc = -errno;
        goto out;
    }
    size_t n = (size_t)st.st_size / sizeof(struct sock_filter);
    if (n == 0 || n > 0xffff || (size_t)st.st_size % sizeof(struct sock_filter)) {
        rc = -EINVAL;
        goto out;
    }
    struct sock_filter *insns = malloc((size_t)st.st_size);
    if (!insns) {
        rc = -ENOMEM;
        goto out;
    }
    if (pread(fd, insns, (size_t)st.st_size, 0) != st.st_size) {
        free(insns);
        rc = -EIO;
        goto out;
    }
    out->prog.len = (unsigned short)n;
    out->prog.filter = insns;
out:
    close(fd);
    return rc;
}

int policy_build(enum policy_kind kind, const void *exec_path, struct policy_bpf *out)
{
    if (kind < 0 || kind >= POLICY__COUNT)
        return -EINVAL;
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_NOTIFY);
    if (!ctx)
        return -ENOMEM;
    /* x32 and int 0x80 calls come with another audit arch: kill them outright. */
    int rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
    /*
     * The calls as a binary tree, not a list. Loading a filter, the kernel runs it once for every
     * system call number to cache those it always allows: through a list, most numbers (those not
     * allowed) walk all of it, which was most of the cost of a run's seccomp(2); through the tree,
     * about a dozen instructions each. The decisions are the same.
     */
    if (!rc)
        rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
    if (!rc)
        rc = add_rules(ctx, run_rules);
    if (!rc && kind != POLICY_COMPILE)
        rc = add_run_conditions(ctx, exec_path);
    /* A language's extra calls; a language without any has POLICY_RUN (its slot stays unused). */
    if (!rc && kind >= POLICY_LANG0)
        rc = add_lang_rules(ctx, lang_all()[kind - POLICY_LANG0]->syscalls);
    if (!rc && kind == POLICY_COMPILE)
        rc = add_rules(ctx, compile_rules);
    /*
     * A compiler that looks its user up (javac, the go tool) makes glibc's NSS try nscd's socket:
     * refused, it goes on without (the root has no passwd file either). No compiler needs the
     * network, and a socket in the shared empty network namespace is a channel between runs.
     */
    if (!rc && kind == POLICY_COMPILE)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(socket), 0);
    if (!rc)
        rc = export_bpf(ctx, out);
    seccomp_release(ctx);
    return rc;
}

void policy_release(struct policy_bpf *bpf)
{
    if (!bpf)
        return;
    free(bpf->prog.filter);
    bpf->prog.filter = NULL;
    bpf->prog.len = 0;
}

void policy_each_rule(enum policy_kind kind, policy_rule_fn fn, void *ud)
{
    if (kind < 0 || kind >= POLICY__COUNT)
        return;
    for (const struct rule *r = run_rules; r->name; r++)
        fn(ud, r->name, r->why);
    for (const struct run_ioctl *i = run_ioctls; kind != POLICY_COMPILE && i->name; i++)
        fn(ud, "ioctl", i->why);
    for (const struct policy_rule *r =
             kind >= POLICY_LANG0 ? lang_all()[kind - POLICY_LANG0]->syscalls : NULL;
         r && r->name; r++)
        fn(ud, r->name, r->why);
    for (const struct rule *r = compile_rules; kind == POLICY_COMPILE && r->name; r++)
        fn(ud, r->name, r->why);
}

void policy_syscall_name(int nr, char *buf, size_t size)
{
    char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
    if (name)
        snprintf(buf, size, "%s", name);
    else
        snprintf(buf, size, "#%d", nr);
    free(name);
}
