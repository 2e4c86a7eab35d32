/*
 * The sandbox: theory of operation.
 *
 * Opening the sandbox (once per process, before threads):
 *   - judged moves into a mount namespace of its own (slave to the host's), so its mounts vanish
 *     with it and never show on the host;
 *   - each slot gets a tmpfs (its /box, read-only to the program, and its /tmp, the only writable
 *     place, noexec) and a root tree: a read-only tmpfs holding the configured host paths (the
 *     toolchains' programs, headers and libraries, from the language table) bound read-only and
 *     nosuid at their own paths, the symbolic links on the way to them, five device nodes, /box,
 *     /tmp, an empty /data and an empty /proc. An allowlist: no /usr wholesale, no /usr/local or
 *     /usr/share, no /etc, no procfs (a run that asks gets a /proc of its own holding one link,
 *     self/exe, and nothing else), nothing of the host's or the judge's data;
 *   - one empty network namespace is made: creating one per run costs 0.9 ms here, more than a
 *     whole bare run, and the program cannot create a socket to use it anyway;
 *   - control groups per slot (cgroup.c) and the seccomp filters (policy.c) are built;
 *   - each slot gets a zygote, a process forked from judged that starts the slot's runs. It
 *     enters the empty network namespace and a UTS namespace named "judge", and in a mount
 *     namespace of its own makes the slot's root tree its root (pivot_root) and detaches the
 *     rest: its mount table holds the slot's tree and nothing else, so a run's copy of it is
 *     cheap and holds nothing of the host's. It keeps /dev/null as 0, 1 and 2, its socket to
 *     judged, nothing else, and default signal handling, whatever judged does with signals.
 *
 * A run (sandbox_exec) sends the zygote the command, its limits and its descriptors (stdin, the
 * stdout and stderr pipes, a report socket, the cgroup files, a detached read-only copy of the
 * /data folder). The zygote clones the child into fresh pid, mount, ipc and uts namespaces, with
 * CLONE_PARENT, so that judged is its parent (wait4, rusage, PDEATHSIG), and with CLONE_VM and
 * CLONE_VFORK, so that no address space is copied: the zygote waits while the child, on a stack
 * of the zygote's, sets itself up and calls execve. The child is pid 1 of its namespace, so when
 * it exits the kernel kills whatever it left behind. Inside, in order, the child runs
 * box_inside(): join the cgroup, mount /data and /proc/self/exe when asked, enter the working
 * folder, wire stdin/stdout/stderr, set rlimits, drop to the slot's uid and gid, set no_new_privs,
 * close every other descriptor, load the seccomp filter, hand the filter's listener to judged on
 * the report socket and execve the program. judged meanwhile collects stdout and stderr through
 * pipes with caps, answers seccomp notifications by killing the run and naming the call, enforces
 * CPU time (per millisecond, from the process CPU clock) and wall time, and reaps the child with
 * wait4 for its CPU time and peak RSS.
 *
 * sandbox_exec reads as that checklist, one function a step: set_limits (the slot's control
 * group), open_fds (pipes, report socket, /data), ask_zygote (take a CPU, start the clock, send
 * the request), await_child (its listener, or the step that failed), supervise, reap (wait4) and
 * classify_run (the figures and what ended the run). A step that fails makes sandbox_exec return
 * a negative errno, the judge's fault, with the step in sandbox_result.failed_step.
 *
 * Time is the program's own, whatever else the machine does. Each run takes one CPU of judged's
 * affinity mask (waiting, before its clock starts, when every CPU has a run) and is pinned to it
 * through the zygote's affinity, which the child inherits and cannot change (no
 * sched_setaffinity in the run policy). The wall limit applies to wall time less the run-queue
 * delay of the run's tasks (schedstat, summed over the run's processes and threads, and the
 * zygote's while it starts the run, and the supervising thread's, which a program whose output
 * pipe is full waits for), capped at wall - cpu: a program that sleeps or blocks is
 * stopped by it, one that waits for its CPU is not. A run that waits past a bound is stopped as
 * SANDBOX_OVERLOADED, which is the machine's fault and never a verdict.
 */
#define _GNU_SOURCE
#include "sandbox.h"

#include "host.h"
#include "lang.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/pidfd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The only pointer the run policy lets execve take: the child copies its program path here. */
static char exec_path[PATH_MAX];

/* A run's descriptors, in the order they travel to the zygote; the first three always do. */
enum run_fd {
    FD_OUT,
    FD_ERR,
    FD_REPORT,
    FD_IN,
    FD_CG_MEM,  /* cgroup.procs of the slot's (memory) group: the child writes "0" to join */
    FD_CG_PIDS, /* v1: cgroup.procs of the slot's pids group */
    FD_CG_DIR,  /* v2: the slot's group, which the child is created in (CLONE_INTO_CGROUP) */
    FD_DATA,
    FD__COUNT
};

/* What a run asks of the zygote: the command as NUL-terminated strings, argv then envp then cwd. */
#define REQ_TEXT    65536
#define REQ_STRINGS 1024
struct zygote_req {
    uint32_t fds; /* bit i: descriptor i of enum run_fd came with the request */
    uint32_t policy;
    uint32_t argc, envc;
    uint32_t has_cwd;
    uint32_t self_exe;
    uint32_t len; /* bytes of text in use */
    struct sandbox_limits limits;
    char text[REQ_TEXT];
};

/* The child's stack, in the zygote: the child runs on it from clone to execve. */
#define CHILD_STACK (256u << 10)

struct slot {
    char fs[PATH_MAX];   /* tmpfs: box/ and tmp/ */
    char box[PATH_MAX];  /* fs/box */
    char tmp[PATH_MAX];  /* fs/tmp */
    char root[PATH_MAX]; /* the root tree */
    unsigned uid;
    pid_t zygote;           /* 0: not started */
    int zsock;              /* judged's end of the socket to the zygote */
    struct zygote_req *req; /* one run at a time per slot: the request is built here */
};

/*
 * The CPUs runs may use: those of the process's affinity mask at sandbox_open. A run holds one
 * for its whole length and is pinned to it, so that a run never shares its CPU with another run
 * and its CPU time is not a share of what several runs contend for.
 */
struct cpu_pool {
    pthread_mutex_t lock;
    pthread_cond_t freed;
    int n;    /* 0: the mask could not be read; runs are then neither pinned nor counted */
    int *cpu; /* the CPUs' numbers */
    bool *busy;
};

struct sandbox {
    char workdir[PATH_MAX];
    int nslots;  /* peer slots included */
    int npublic; /* the slots callers were given; peers, when there are, come after them */
    struct slot *slots;
    int netns_fd;
    int uid_lock; /* the uid range claimed for a config without uid_base, or -1 */
    cgroup_set *cgroups;
    struct policy_bpf policies[POLICY__COUNT];
    char mode[64];
    struct cpu_pool cpus;
};

static const char *const step_names[] = {
    [SANDBOX_STEP_NONE] = "checking the command",
    [SANDBOX_STEP_SPAWN] = "starting",
    [SANDBOX_STEP_CGROUP] = "joining the cgroup",
    [SANDBOX_STEP_MOUNT_DATA] = "mounting /data",
    [SANDBOX_STEP_SELF_EXE] = "showing /proc/self/exe",
    [SANDBOX_STEP_CWD] = "entering the working folder",
    [SANDBOX_STEP_FDS] = "setting up descriptors",
    [SANDBOX_STEP_RLIMITS] = "setting rlimits",
    [SANDBOX_STEP_CREDENTIALS] = "dropping privileges",
    [SANDBOX_STEP_SECCOMP] = "loading the seccomp filter",
    [SANDBOX_STEP_LISTENER] = "passing the seccomp listener",
    [SANDBOX_STEP_EXEC] = "executing the program",
    [SANDBOX_STEP_LIMITS] = "setting the control group's limits",
    [SANDBOX_STEP_OPEN] = "opening the run's pipes",
    [SANDBOX_STEP_REAP] = "waiting for the program's end",
    [SANDBOX_STEP_COLLECT] = "reading the control group's figures",
};

const char *sandbox_step_name(enum sandbox_step step)
{
    return (unsigned)step < sizeof(step_names) / sizeof(step_names[0]) && step_names[step]
               ? step_names[step]
               : "running";
}

/* What the child, or the zygote about it, reports on the report socket when a step fails. */
struct child_msg {
    int step;
    int err;
    int pid; /* from the zygote: the child that died without a word */
};

const char *sandbox_status_name(enum sandbox_status st)
{
    static const char *const names[] = {
        [SANDBOX_EXITED] = "exited",
        [SANDBOX_SIGNALED] = "signaled",
        [SANDBOX_CPU_LIMIT] = "cpu-limit",
        [SANDBOX_WALL_LIMIT] = "wall-limit",
        [SANDBOX_MEMORY_LIMIT] = "memory-limit",
        [SANDBOX_OUTPUT_LIMIT] = "output-limit",
        [SANDBOX_SYSCALL] = "syscall",
        [SANDBOX_OVERLOADED] = "overloaded",
    };
    return st <= SANDBOX_OVERLOADED ? names[st] : "unknown";
}

uint64_t sandbox_wait_bound_us(const struct sandbox_limits *l)
{
    /* Generous for the limits of tests: on a host whose services take 9 of every 10 time slices
     * of the run's CPU, a run using its whole CPU limit waits 9 times that, so 12 times plus 2 s.
     * But never more than 20 s beyond the limit (long limits, a compilation's 10 s): rather than
     * hold a worker for minutes, the run is given up (and tried again, a bounded number of
     * times, by the judge). */
    uint64_t ms = (uint64_t)l->cpu_ms * 12 + 2000, cap = (uint64_t)l->cpu_ms + 20000;
    return (ms < cap ? ms : cap) * 1000;
}

enum sandbox_status sandbox_time_status(const struct sandbox_limits *l, uint64_t cpu_us,
                                        uint64_t wall_us, uint64_t runq_us, uint64_t *waited_us)
{
    /* On its one CPU the run either ran (cpu), slept, or waited while something else ran: the
     * wait for the machine is at most wall - cpu. What its tasks waited beyond that was a wait
     * for each other, which the CPU time already counts. */
    uint64_t idle = wall_us > cpu_us ? wall_us - cpu_us : 0;
    uint64_t waited = runq_us < idle ? runq_us : idle;
    if (waited_us)
        *waited_us = waited;
    if (cpu_us > (uint64_t)l->cpu_ms * 1000)
        return SANDBOX_CPU_LIMIT;
    if (waited > sandbox_wait_bound_us(l))
        return SANDBOX_OVERLOADED;
    if (wall_us - waited > (uint64_t)l->wall_ms * 1000)
        return SANDBOX_WALL_LIMIT;
    return SANDBOX_EXITED;
}

/*** Building the slots ***/

static int mkdirp(const char *path, mode_t mode)
{
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof(tmp), "%s", path) >= (int)sizeof(tmp))
        return -ENAMETOOLONG;
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
            return -errno;
        *p = '/';
    }
    if (mkdir(tmp, mode) < 0 && errno != EEXIST)
        return -errno;
    return 0;
}

static int bind_ro(const char *src, const char *dst, unsigned long extra)
{
    if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) < 0)
        return -errno;
    if (mount(NULL, dst, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | extra,
              NULL) < 0)
        return -errno;
    return 0;
}

/*** The host's part of the root: an allowlist ***/

/*
 * What a root shows of the host, worked out once from the configured paths: folders and files
 * bound read-only at their own (canonical) paths, and the symbolic links met on the way to them,
 * copied as links, so that /usr/bin/gcc -> gcc-12 -> x86_64-linux-gnu-gcc-12 or /lib64 -> usr/lib64
 * resolve inside as they do outside. Nothing else of the host is there.
 */
enum view_kind { VIEW_DIR, VIEW_FILE, VIEW_LINK };

struct view_entry {
    enum view_kind kind;
    char *path;   /* canonical host path, also its path inside */
    char *target; /* VIEW_LINK: the link's text */
};

struct view {
    struct view_entry *items;
    size_t n;
};

static void view_release(struct view *v)
{
    for (size_t i = 0; i < v->n; i++) {
        free(v->items[i].path);
        free(v->items[i].target);
    }
    free(v->items);
    v->items = NULL;
    v->n = 0;
}

static int view_add(struct view *v, enum view_kind kind, const char *path, const char *target)
{
    struct view_entry *grown = realloc(v->items, (v->n + 1) * sizeof(*grown));
    if (!grown)
        return -ENOMEM;
    v->items = grown;
    struct view_entry *e = &v->items[v->n];
    e->kind = kind;
    e->path = strdup(path);
    e->target = target ? strdup(target) : NULL;
    if (!e->path || (target && !e->target)) {
        free(e->path);
        free(e->target);
        return -ENOMEM;
    }
    v->n++;
    return 0;
}

/* `path` is `dir` or below it (both canonical and absolute). */
static bool path_within(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return true;
    return !strncmp(path, dir, n) && (path[n] == '\0' || path[n] == '/');
}

/*
 * Walks host path `path` one component at a time, as the kernel would, adding to `v` each
 * symbolic link met (at its canonical place, with its text) and, last, the folder or regular file
 * it leads to. Returns 0, -ENOENT when the path does not exist (the caller skips it), -ELOOP,
 * -ENAMETOOLONG, or -EINVAL for "/" itself or an object that is neither folder nor file.
 */
static int view_resolve(struct view *v, const char *path)
{
    char cur[PATH_MAX] = "";             /* walked so far: real folders only, so canonical */
    char rest[PATH_MAX], next[PATH_MAX]; /* what is left to walk */
    if (path[0] != '/' || snprintf(rest, sizeof(rest), "%s", path) >= (int)sizeof(rest))
        return -EINVAL;
    const char *p = rest;
    for (int hops = 0;;) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        size_t len = strcspn(p, "/");
        const char *after = p + len;
        if (len == 1 && p[0] == '.') {
            p = after;
            continue;
        }
        if (len == 2 && p[0] == '.' && p[1] == '.') {
            char *slash = strrchr(cur, '/');
            if (slash)
                *slash = '\0';
            p = after;
            continue;
        }
        size_t cl = strlen(cur);
        if (cl + 1 + len >= sizeof(cur))
            return -ENAMETOOLONG;
        char cand[PATH_MAX];
        snprintf(cand, sizeof(cand), "%s/%.*s", cur, (int)len, p);
        struct stat st;
        if (lstat(cand, &st) < 0)
            return -errno;
        if (S_ISLNK(st.st_mode)) {
            if (++hops > 40)
                return -ELOOP;
            char target[PATH_MAX];
            ssize_t n = readlink(cand, target, sizeof(target) - 1);
            if (n < 0)
                return -errno;
            target[n] = '\0';
            int rc = view_add(v, VIEW_LINK, cand, target);
            if (rc)
                return rc;
            /* Go on from the link's folder (or from / for an absolute link) with its text. */
            if (snprintf(next, sizeof(next), "%s%s", target, after) >= (int)sizeof(next))
                return -ENAMETOOLONG;
            if (target[0] == '/')
                cur[0] = '\0';
            memcpy(rest, next, sizeof(rest));
            p = rest;
            continue;
        }
        memcpy(cur, cand, cl + 1 + len + 1);
        p = after;
    }
    if (!cur[0])
        return -EINVAL;
    struct stat st;
    if (stat(cur, &st) < 0)
        return -errno;
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
        return -EINVAL;
    return view_add(v, S_ISDIR(st.st_mode) ? VIEW_DIR : VIEW_FILE, cur, NULL);
}

/*
 * Builds the view of `paths` (NULL: none): missing paths are skipped, and whatever lies within a
 * folder already shown is dropped, since the folder's bind shows it as the host has it.
 */
static int view_build(const char *const *paths, struct view *v)
{
    v->items = NULL;
    v->n = 0;
    int rc = 0;
    for (const char *const *p = paths; p && *p && !rc; p++) {
        rc = view_resolve(v, *p);
        if (rc == -ENOENT || rc == -ENOTDIR)
            rc = 0;
    }
    if (rc)
        goto out;
    /* Decide every entry first, against the whole list as it was built; only then free and
     * compact (deciding while compacting would read entries already moved or freed). */
    bool *drop = calloc(v->n ? v->n : 1, sizeof(*drop));
    if (!drop) {
        rc = -ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < v->n; i++) {
        const struct view_entry *e = &v->items[i];
        for (size_t j = 0; j < v->n && !drop[i]; j++) {
            const struct view_entry *o = &v->items[j];
            if (j == i || o->kind != VIEW_DIR || !path_within(e->path, o->path))
                continue;
            /* Of two equal entries the first stays. */
            drop[i] = strcmp(e->path, o->path) || e->kind != VIEW_DIR || j < i;
        }
        for (size_t j = 0; j < i && !drop[i]; j++)
            drop[i] = !drop[j] && !strcmp(v->items[j].path, e->path);
    }
    size_t kept = 0;
    for (size_t i = 0; i < v->n; i++) {
        if (drop[i]) {
            free(v->items[i].path);
            free(v->items[i].target);
        } else {
            v->items[kept++] = v->items[i];
        }
    }
    free(drop);
    v->n = kept;
out:
    if (rc)
        view_release(v);
    return rc;
}

/* Puts the view into the root tree at `root`, still writable. */
static int view_apply(const struct view *v, const char *root)
{
    for (size_t i = 0; i < v->n; i++) {
        const struct view_entry *e = &v->items[i];
        char dst[2 * PATH_MAX], parent[2 * PATH_MAX];
        if (snprintf(dst, sizeof(dst), "%s%s", root, e->path) >= (int)sizeof(dst))
            return -ENAMETOOLONG;
        memcpy(parent, dst, sizeof(parent));
        *strrchr(parent, '/') = '\0';
        int rc = mkdirp(parent, 0755);
        if (rc)
            return rc;
        if (e->kind == VIEW_LINK) {
            if (symlink(e->target, dst) < 0 && errno != EEXIST)
                return -errno;
            continue;
        }
        if (e->kind == VIEW_DIR) {
            rc = mkdirp(dst, 0755);
        } else {
            int fd = open(dst, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
            rc = fd < 0 ? -errno : 0;
            if (fd >= 0)
                close(fd);
        }
        if (rc || (rc = bind_ro(e->path, dst, 0)))
            return rc;
    }
    return 0;
}

int sandbox_path_hidden(const char *const *paths, const char *dir, char *shown, size_t size)
{
    char real[PATH_MAX], up[PATH_MAX];
    if (!dir || !dir[0] || snprintf(up, sizeof(up), "%s", dir) >= (int)sizeof(up))
        return dir ? -ENAMETOOLONG : -EINVAL;
    /* A folder not made yet is where its nearest existing parent is: it can be inside a shown
     * path then, but contain none. */
    bool exists = true;
    while (!realpath(up, real)) {
        if (errno != ENOENT)
            return -errno;
        exists = false;
        char *slash = strrchr(up, '/');
        while (slash && slash > up && slash[1] == '\0') { /* "a/b/" */
            *slash = '\0';
            slash = strrchr(up, '/');
        }
        if (!slash)
            snprintf(up, sizeof(up), ".");
        else if (slash == up)
            up[1] = '\0';
        else
            *slash = '\0';
    }
    struct view v;
    int rc = view_build(paths, &v);
    if (rc)
        return rc;
    for (size_t i = 0; i < v.n && !rc; i++) {
        const struct view_entry *e = &v.items[i];
        if (e->kind == VIEW_LINK)
            continue; /* a link made in the root shows its text, nothing of the host's */
        if (path_within(real, e->path) || (exists && path_within(e->path, real))) {
            if (shown && size)
                snprintf(shown, size, "%s", e->path);
            rc = -EEXIST;
        }
    }
    view_release(&v);
    return rc;
}

static int build_slot(struct slot *s, unsigned slot_mb, const struct view *view)
{
    int rc;
    char opts[64];

    /* The slot's own tmpfs: what a run may write is bounded by its size. */
    if ((rc = mkdirp(s->fs, 0755)))
        return rc;
    snprintf(opts, sizeof(opts), "size=%um,mode=0755", slot_mb);
    if (mount("judged-slot", s->fs, "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0)
        return -errno;
    if (mkdir(s->box, 0755) < 0 || mkdir(s->tmp, 01777) < 0 || chmod(s->tmp, 01777) < 0)
        return -errno;

    /* The root tree. */
    if ((rc = mkdirp(s->root, 0755)))
        return rc;
    if (mount("judged-root", s->root, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755") < 0)
        return -errno;
    static const char *const dirs[] = {"dev", "box", "tmp", "data", "proc"};
    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        char p[PATH_MAX + 16];
        snprintf(p, sizeof(p), "%s/%s", s->root, dirs[i]);
        if (mkdir(p, 0755) < 0)
            return -errno;
    }
    /* The host: only what the toolchains need, never /usr or / wholesale. */
    if ((rc = view_apply(view, s->root)))
        return rc;
    char p[PATH_MAX + 32];
    static const char *const devs[] = {"null", "zero", "full", "random", "urandom"};
    for (size_t i = 0; i < sizeof(devs) / sizeof(devs[0]); i++) {
        char host[32];
        snprintf(host, sizeof(host), "/dev/%s", devs[i]);
        snprintf(p, sizeof(p), "%s/dev/%s", s->root, devs[i]);
        int fd = open(p, O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
        if (fd < 0)
            return -errno;
        close(fd);
        if (mount(host, p, NULL, MS_BIND, NULL) < 0)
            return -errno;
        if (mount(NULL, p, NULL, MS_BIND | MS_REMOUNT | MS_NOSUID | MS_NOEXEC, NULL) < 0)
            return -errno;
    }
    snprintf(p, sizeof(p), "%s/box", s->root);
    if ((rc = bind_ro(s->box, p, 0)))
        return rc;
    snprintf(p, sizeof(p), "%s/tmp", s->root);
    if (mount(s->tmp, p, NULL, MS_BIND, NULL) < 0 ||
        mount(NULL, p, NULL, MS_BIND | MS_REMOUNT | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
        return -errno;
    if (mount(NULL, s->root, NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) < 0)
        return -errno;
    if (mount(NULL, s->root, NULL, MS_REC | MS_PRIVATE, NULL) < 0)
        return -errno;
    return 0;
}

static int make_netns(void)
{
    int self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    if (self < 0)
        return -errno;
    int fd = -1;
    if (unshare(CLONE_NEWNET) < 0) {
        fd = -errno;
        close(self);
        return fd;
    }
    fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    int saved = errno;
    if (setns(self, CLONE_NEWNET) < 0) {
        /* Stuck in the empty namespace: nothing the judge could serve from here. */
        abort();
    }
    close(self);
    return fd < 0 ? -saved : fd;
}

/*** The zygote ***/

static int zygote_main(const sandbox *sb, struct slot *s, int sock, pid_t judge);

/* Forks the slot's zygote and waits for its word that it is ready. */
static int zygote_start(const sandbox *sb, struct slot *s)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
        return -errno;
    pid_t judge = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int rc = -errno;
        close(sv[0]);
        close(sv[1]);
        return rc;
    }
    if (pid == 0) {
        close(sv[0]);
        _exit(zygote_main(sb, s, sv[1], judge));
    }
    close(sv[1]);
    s->zygote = pid;
    s->zsock = sv[0];
    struct child_msg m = {0, 0, 0};
    ssize_t n;
    do
        n = recv(s->zsock, &m, sizeof(m), 0);
    while (n < 0 && errno == EINTR);
    if (n != (ssize_t)sizeof(m))
        return n < 0 ? -errno : -EPIPE;
    return -m.err;
}

static void zygote_stop(struct slot *s)
{
    if (s->zsock >= 0)
        close(s->zsock);
    s->zsock = -1;
    if (s->zygote > 0) {
        kill(s->zygote, SIGKILL);
        while (waitpid(s->zygote, NULL, 0) < 0 && errno == EINTR)
            ;
    }
    s->zygote = 0;
}

/*
 * The zygote's own set-up; returns 0 or an errno. Its socket ends up as descriptor 3 (*sock).
 */
static int zygote_setup(const sandbox *sb, const struct slot *s, int *sock, pid_t judge)
{
    /* It dies with judged; a session of its own keeps terminal signals to judged's away. */
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0)
        return errno;
    if (getppid() != judge)
        return ESRCH;
    if (setsid() < 0)
        return errno;
    /* Nothing may attach to it, nor to a child while the child shares its memory. */
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
        return errno;
    /* Runs start with default signal handling and nothing blocked, as after a fresh exec. */
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    for (int sig = 1; sig < NSIG; sig++)
        sigaction(sig, &dfl, NULL); /* SIGKILL, SIGSTOP and glibc's own refuse: no matter */
    sigset_t none;
    sigemptyset(&none);
    if (sigprocmask(SIG_SETMASK, &none, NULL) < 0)
        return errno;
    if (unshare(CLONE_NEWNS | CLONE_NEWUTS) < 0 || sethostname("judge", 5) < 0)
        return errno;
    if (setns(sb->netns_fd, CLONE_NEWNET) < 0)
        return errno;
    /* The slot's tree becomes the root; the old root, and all else with it, is detached. */
    if (chdir(s->root) < 0 || syscall(SYS_pivot_root, ".", ".") < 0 ||
        umount2(".", MNT_DETACH) < 0 || chdir("/") < 0)
        return errno;
    /* Descriptors: /dev/null as 0 (a run's stdin by default), 1 and 2, the socket as 3. */
    int hi = fcntl(*sock, F_DUPFD_CLOEXEC, 3);
    int nr = open("/dev/null", O_RDONLY), nw = open("/dev/null", O_WRONLY);
    if (hi < 0 || nr < 0 || nw < 0 || dup2(nr, 0) < 0 || dup2(nw, 1) < 0 || dup2(nw, 2) < 0)
        return errno;
    if (hi != 3 && dup3(hi, 3, O_CLOEXEC) < 0)
        return errno;
    *sock = 3;
    if (syscall(SYS_close_range, 4, ~0U, 0) < 0)
        return errno;
    return 0;
}

static int zygote_recv(int sock, struct zygote_req *req, int fds[FD__COUNT]);
static void zygote_spawn(const sandbox *sb, const struct slot *s, struct zygote_req *req,
                         const int fds[FD__COUNT], char *stack_top);

static int zygote_main(const sandbox *sb, struct slot *s, int sock, pid_t judge)
{
    struct child_msg m = {0, zygote_setup(sb, s, &sock, judge), 0};
    char *stack = MAP_FAILED;
    if (!m.err) {
        stack = mmap(NULL, CHILD_STACK, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
        if (stack == MAP_FAILED || mprotect(stack, 4096, PROT_NONE) < 0) /* a guard page */
            m.err = errno;
    }
    if (send(sock, &m, sizeof(m), MSG_NOSIGNAL) != (ssize_t)sizeof(m) || m.err)
        return 1;
    for (;;) {
        int fds[FD__COUNT];
        int rc = zygote_recv(sock, s->req, fds);
        if (rc == 0)
            return 0; /* judged closed the socket: the sandbox is closing */
        if (rc < 0)
            continue;
        zygote_spawn(sb, s, s->req, fds, stack + CHILD_STACK);
        for (int i = 0; i < FD__COUNT; i++)
            if (fds[i] >= 0)
                close(fds[i]);
    }
}

/*
 * Receives a request and its descriptors (close-on-exec, so that none reaches a program by
 * mistake). Returns 1, 0 at the end of the socket, or -1 for a request it could not take.
 */
static int zygote_recv(int sock, struct zygote_req *req, int fds[FD__COUNT])
{
    union {
        char buf[CMSG_SPACE(sizeof(int) * FD__COUNT)];
        struct cmsghdr align;
    } u;
    struct iovec iov = {req, sizeof(*req)};
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf)};
    for (int i = 0; i < FD__COUNT; i++)
        fds[i] = -1;
    ssize_t n;
    do
        n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n <= 0)
        return 0;
    int got[FD__COUNT];
    size_t ngot = 0;
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm)) {
        if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
            continue;
        size_t k = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < k; i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(cm) + i * sizeof(int), sizeof(int));
            if (ngot < FD__COUNT)
                got[ngot++] = fd;
            else
                close(fd);
        }
    }
    size_t want = 0;
    for (int i = 0; i < FD__COUNT; i++)
        want += (req->fds >> i) & 1;
    bool ok = !(msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) && want == ngot && (req->fds & 7) == 7 &&
              n >= (ssize_t)offsetof(struct zygote_req, text) &&
              req->len <= (size_t)n - offsetof(struct zygote_req, text);
    for (int i = 0, k = 0; i < FD__COUNT; i++)
        if (((req->fds >> i) & 1) && k < (int)ngot)
            fds[i] = got[k++];
    if (!ok) {
        for (size_t i = 0; i < ngot; i++)
            close(got[i]);
        for (int i = 0; i < FD__COUNT; i++)
            fds[i] = -1;
        return -1;
    }
    return 1;
}

/*** Opening, closing, the slots' folders ***/

int sandbox_cpus_available(void)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static int cpu_pool_init(struct cpu_pool *p)
{
    memset(p, 0, sizeof(*p));
    if (pthread_mutex_init(&p->lock, NULL))
        return -ENOMEM;
    if (pthread_cond_init(&p->freed, NULL)) {
        pthread_mutex_destroy(&p->lock);
        return -ENOMEM;
    }
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) < 0)
        return 0; /* not pinned, not counted: as before there was a pool */
    int n = CPU_COUNT(&set);
    p->cpu = calloc((size_t)n, sizeof(*p->cpu));
    p->busy = calloc((size_t)n, sizeof(*p->busy));
    if (!p->cpu || !p->busy) {
        free(p->cpu);
        free(p->busy);
        pthread_cond_destroy(&p->freed);
        pthread_mutex_destroy(&p->lock);
        return -ENOMEM;
    }
    for (int c = 0; c < CPU_SETSIZE && p->n < n; c++)
        if (CPU_ISSET(c, &set))
            p->cpu[p->n++] = c;
    return 0;
}

static void cpu_pool_release(struct cpu_pool *p)
{
    free(p->cpu);
    free(p->busy);
    pthread_cond_destroy(&p->freed);
    pthread_mutex_destroy(&p->lock);
}

/* Waits for a free CPU, preferring the slot's own (the one its last run warmed); its index or -1.
 */
static int cpu_take(struct cpu_pool *p, int slot)
{
    if (p->n == 0)
        return -1;
    pthread_mutex_lock(&p->lock);
    int got = -1;
    for (;;) {
        if (!p->busy[slot % p->n])
            got = slot % p->n;
        for (int i = 0; got < 0 && i < p->n; i++)
            if (!p->busy[i])
                got = i;
        if (got >= 0)
            break;
        pthread_cond_wait(&p->freed, &p->lock);
    }
    p->busy[got] = true;
    pthread_mutex_unlock(&p->lock);
    return got;
}

static void cpu_give(struct cpu_pool *p, int idx)
{
    if (idx < 0)
        return;
    pthread_mutex_lock(&p->lock);
    p->busy[idx] = false;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

/* The zygote's children inherit its affinity: pinning it pins the run it is about to start. */
static int pin_zygote(const struct slot *s, int cpu)
{
    if (cpu < 0)
        return 0;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    return sched_setaffinity(s->zygote, sizeof(one), &one) < 0 ? -errno : 0;
}

int sandbox_open(const struct sandbox_config *cfg, sandbox **out)
{
    if (!cfg || !cfg->workdir || cfg->slots <= 0 || cfg->slots * (cfg->peers ? 2 : 1) > 256)
        return -EINVAL;
    if (geteuid() != 0)
        return -EPERM;
    sandbox *sb = calloc(1, sizeof(*sb));
    if (!sb)
        return -ENOMEM;
    sb->netns_fd = -1;
    sb->uid_lock = -1;
    sb->npublic = cfg->slots;
    sb->nslots = cfg->slots * (cfg->peers ? 2 : 1);
    int rc = cpu_pool_init(&sb->cpus);
    if (rc) {
        free(sb);
        return rc;
    }
    struct view view = {NULL, 0};
    sb->slots = calloc((size_t)sb->nslots, sizeof(*sb->slots));
    if (!sb->slots) {
        rc = -ENOMEM;
        goto fail;
    }
    for (int i = 0; i < sb->nslots; i++)
        sb->slots[i].zsock = -1;
    if (!realpath(cfg->workdir, sb->workdir)) {
        if ((rc = mkdirp(cfg->workdir, 0700)))
            goto fail;
        if (!realpath(cfg->workdir, sb->workdir)) {
            rc = -errno;
            goto fail;
        }
    }
    if (unshare(CLONE_NEWNS) < 0 || mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) < 0) {
        rc = -errno;
        goto fail;
    }
    if ((rc = view_build(cfg->paths, &view)))
        goto fail;
    /* Without a range of its own, one is claimed as judged claims its own (host.h), so that a
     * test or a tool never shares uids, and with them RLIMIT_NPROC, with a judge running here. */
    unsigned uid_base = cfg->uid_base;
    if (!uid_base && (sb->uid_lock = host_claim_uid_range(&uid_base)) < 0) {
        rc = sb->uid_lock;
        sb->uid_lock = -1;
        goto fail;
    }
    for (int i = 0; i < sb->nslots; i++) {
        struct slot *s = &sb->slots[i];
        snprintf(s->fs, sizeof(s->fs), "%s/slot%d", sb->workdir, i);
        snprintf(s->box, sizeof(s->box), "%s/box", s->fs);
        snprintf(s->tmp, sizeof(s->tmp), "%s/tmp", s->fs);
        snprintf(s->root, sizeof(s->root), "%s/root%d", sb->workdir, i);
        s->uid = uid_base + (unsigned)i;
        s->req = malloc(sizeof(*s->req));
        if (!s->req) {
            rc = -ENOMEM;
            goto fail;
        }
        if ((rc = build_slot(s, cfg->slot_mb ? cfg->slot_mb : 512, &view)))
            goto fail;
    }
    view_release(&view);
    sb->netns_fd = make_netns();
    if (sb->netns_fd < 0) {
        rc = sb->netns_fd;
        goto fail;
    }
    if ((rc = cgroup_open(cfg->cgroup, sb->nslots, &sb->cgroups)))
        goto fail;
    for (int k = 0; k < POLICY__COUNT; k++)
        if ((rc = policy_build((enum policy_kind)k, exec_path, &sb->policies[k])))
            goto fail;
    /* Last: each zygote takes a copy of all the above. */
    for (int i = 0; i < sb->nslots; i++)
        if ((rc = zygote_start(sb, &sb->slots[i])))
            goto fail;
    snprintf(sb->mode, sizeof(sb->mode), "%s", cgroup_mode_name(cgroup_mode_of(sb->cgroups)));
    *out = sb;
    return 0;
fail:
    view_release(&view);
    sandbox_close(sb);
    return rc;
}

void sandbox_close(sandbox *sb)
{
    if (!sb)
        return;
    for (int i = 0; sb->slots && i < sb->nslots; i++)
        zygote_stop(&sb->slots[i]);
    cgroup_close(sb->cgroups);
    for (int k = 0; k < POLICY__COUNT; k++)
        policy_release(&sb->policies[k]);
    if (sb->netns_fd >= 0)
        close(sb->netns_fd);
    if (sb->uid_lock >= 0)
        close(sb->uid_lock);
    for (int i = 0; sb->slots && i < sb->nslots; i++) {
        struct slot *s = &sb->slots[i];
        if (s->root[0])
            umount2(s->root, MNT_DETACH);
        if (s->fs[0])
            umount2(s->fs, MNT_DETACH);
        rmdir(s->root);
        rmdir(s->fs);
        free(s->req);
    }
    free(sb->slots);
    cpu_pool_release(&sb->cpus);
    free(sb);
}

const char *sandbox_mode(const sandbox *sb)
{
    return sb->mode;
}

int sandbox_slots(const sandbox *sb)
{
    return sb->npublic;
}

int sandbox_peer(const sandbox *sb, int slot)
{
    if (slot < 0 || slot >= sb->npublic)
        return -EINVAL;
    return sb->nslots > sb->npublic ? sb->npublic + slot : -ENOTSUP;
}

/* The descriptors a run was given to close (sandbox_cmd.close_fds), closed once. */
static void close_given(const struct sandbox_cmd *cmd, bool *done)
{
    if (!cmd->close_fds || *done)
        return;
    if (cmd->stdin_fd >= 0)
        close(cmd->stdin_fd);
    if (cmd->stdout_fd > 0)
        close(cmd->stdout_fd);
    *done = true;
}

const char *sandbox_box_dir(const sandbox *sb, int slot)
{
    return slot >= 0 && slot < sb->nslots ? sb->slots[slot].box : NULL;
}

const char *sandbox_tmp_dir(const sandbox *sb, int slot)
{
    return slot >= 0 && slot < sb->nslots ? sb->slots[slot].tmp : NULL;
}

static int empty_dir(int dfd)
{
    DIR *d = fdopendir(dfd);
    if (!d) {
        close(dfd);
        return -errno;
    }
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (unlinkat(dirfd(d), e->d_name, 0) == 0)
            continue;
        if (errno != EISDIR && errno != EPERM) {
            rc = -errno;
            continue;
        }
        int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0 || empty_dir(sub) < 0 || unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR) < 0)
            rc = -errno;
    }
    closedir(d);
    return rc;
}

int sandbox_clean(sandbox *sb, int slot, bool box)
{
    if (slot < 0 || slot >= sb->nslots)
        return -EINVAL;
    int fd = open(sb->slots[slot].tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int rc = fd < 0 ? -errno : empty_dir(fd);
    if (!rc && box) {
        fd = open(sb->slots[slot].box, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        rc = fd < 0 ? -errno : empty_dir(fd);
    }
    return rc;
}

/*** Inside the box (the child, between clone and execve) ***/

/*
 * The child shares the zygote's memory until its execve (CLONE_VM) while the zygote waits
 * (CLONE_VFORK): of the zygote's memory it writes only `reported`, exec_path, errno and its own
 * stack. It calls no malloc and nothing that takes a lock.
 */
struct child_ctx {
    unsigned uid;
    const struct policy_bpf *bpf;
    const struct sandbox_limits *limits;
    char *const *argv;
    char *const *envp;
    const char *cwd;
    const int *fds;         /* enum run_fd; -1 where there is none */
    bool self_exe;          /* show /proc/self/exe (struct sandbox_cmd) */
    bool in_cgroup;         /* created in its cgroup (clone3): nothing to join */
    volatile bool reported; /* the child's word reached judged: the zygote need not speak */
};

/*
 * The child runs on a stack AddressSanitizer does not know of: its check before every call that
 * does not return would take that for a stack switch gone wrong. The functions that make such
 * calls go uninstrumented (in other builds the attribute changes nothing).
 */
#define CHILD_NORETURN_PATH __attribute__((no_sanitize_address))

static void report(struct child_ctx *c, int step)
{
    struct child_msg m = {step, errno, 0};
    struct iovec iov = {&m, sizeof(m)};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
    /* sendmsg, not send: after the filter is loaded only sendmsg is allowed. */
    if (sendmsg(c->fds[FD_REPORT], &msg, MSG_NOSIGNAL) == (ssize_t)sizeof(m))
        c->reported = true;
}

static CHILD_NORETURN_PATH __attribute__((noreturn)) void child_fail(struct child_ctx *c, int step)
{
    report(c, step);
    _exit(127);
}

static int setup_cgroup(const struct child_ctx *c)
{
    if (c->in_cgroup)
        return 0;
    for (int i = FD_CG_MEM; i <= FD_CG_PIDS; i++)
        if (c->fds[i] >= 0 && write(c->fds[i], "0", 1) < 0)
            return -1;
    return 0;
}

/* /data: the read-only tree judged made, attached in the child's own mount namespace. */
static int setup_mount_data(const struct child_ctx *c)
{
    if (c->fds[FD_DATA] < 0)
        return 0;
    return move_mount(c->fds[FD_DATA], "", AT_FDCWD, "/data", MOVE_MOUNT_F_EMPTY_PATH);
}

/*
 * /proc/self/exe as a link to the program, on a tmpfs of the run's own mount namespace: the link
 * text is all it shows (never procfs, whose files would tell of the host), and it is read-only
 * before the program starts. The run being pid 1 of its namespace, "self" is its pid too.
 */
static int setup_self_exe(const struct child_ctx *c)
{
    if (!c->self_exe)
        return 0;
    unsigned long flags = MS_NOSUID | MS_NODEV | MS_NOEXEC;
    if (mount("judged-proc", "/proc", "tmpfs", flags, "size=4k,nr_inodes=4,mode=0555") < 0 ||
        mkdir("/proc/self", 0555) < 0 || symlink(c->argv[0], "/proc/self/exe") < 0)
        return -1;
    return mount(NULL, "/proc", NULL, MS_REMOUNT | MS_RDONLY | flags, NULL);
}

static int setup_fds(const struct child_ctx *c)
{
    /* Without a stdin of its own, 0 stays the zygote's /dev/null, opened read-only. */
    if (c->fds[FD_IN] >= 0 && dup2(c->fds[FD_IN], 0) < 0)
        return -1;
    if (dup2(c->fds[FD_OUT], 1) < 0 || dup2(c->fds[FD_ERR], 2) < 0)
        return -1;
    /* Everything else goes, the zygote's socket too, but for the one that carries the listener
     * out (close-on-exec, like all the zygote received). */
    int sock = c->fds[FD_REPORT];
    if (sock > 3 && syscall(SYS_close_range, 3, sock - 1, 0) < 0)
        return -1;
    return (int)syscall(SYS_close_range, sock + 1, ~0U, 0);
}

static int setup_rlimits(const struct child_ctx *c)
{
    const struct sandbox_limits *l = c->limits;
    rlim_t cpu_s = (l->cpu_ms + 999) / 1000 + 1; /* a backstop: the parent counts milliseconds */
    rlim_t mem = (rlim_t)l->memory_kb * 1024;
    rlim_t stack = l->stack_kb ? (rlim_t)l->stack_kb * 1024 : mem;
    /* Without a memory controller, RLIMIT_AS caps memory, and glibc gives every thread a stack
     * of RLIMIT_STACK: a stack as large as the memory limit would leave no room for threads. */
    if (c->fds[FD_CG_MEM] < 0 && stack > (8u << 20))
        stack = 8u << 20;
    struct {
        int res;
        rlim_t soft, hard;
    } lim[] = {
        {RLIMIT_CPU, cpu_s, cpu_s + 1},
        {RLIMIT_STACK, stack, stack},
        {RLIMIT_FSIZE, l->file_size, l->file_size},
        {RLIMIT_NOFILE, 64, 64},
        {RLIMIT_NPROC, l->processes, l->processes},
        {RLIMIT_CORE, 0, 0},
        {RLIMIT_MEMLOCK, 0, 0},
        {RLIMIT_MSGQUEUE, 0, 0},
        {RLIMIT_SIGPENDING, 256, 256}, /* counted per uid: a timer bomb must not use them all */
        /* Without a memory controller, address space is the only cap there is. */
        {RLIMIT_AS, c->fds[FD_CG_MEM] >= 0 ? RLIM_INFINITY : mem,
         c->fds[FD_CG_MEM] >= 0 ? RLIM_INFINITY : mem},
    };
    for (size_t i = 0; i < sizeof(lim) / sizeof(lim[0]); i++) {
        struct rlimit r = {lim[i].soft, lim[i].hard};
        if (setrlimit(lim[i].res, &r) < 0)
            return -1;
    }
    return 0;
}

static int setup_credentials(const struct child_ctx *c)
{
    gid_t g = c->uid;
    uid_t u = c->uid;
    /* A session of its own: kill(0, ...) must not reach the zygote's process group. */
    if (setsid() < 0)
        return -1;
    /* Raw system calls: glibc's wrappers would apply the change to every thread of the process as
     * glibc's own bookkeeping lists them, and that bookkeeping is the zygote's. */
    if (syscall(SYS_setgroups, 0, NULL) < 0 || syscall(SYS_setresgid, g, g, g) < 0 ||
        syscall(SYS_setresuid, u, u, u) < 0)
        return -1;
    /* After the credential change, which clears it: the run dies with the judge. */
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0)
        return -1;
    return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

static int pass_fd(int sock, int fd)
{
    char dummy = 'L';
    struct iovec iov = {&dummy, 1};
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } u;
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf)};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &fd, sizeof(int));
    return sendmsg(sock, &msg, MSG_NOSIGNAL) == 1 ? 0 : -1;
}

static CHILD_NORETURN_PATH __attribute__((noreturn)) void box_inside(struct child_ctx *c)
{
    if (setup_cgroup(c) < 0)
        child_fail(c, SANDBOX_STEP_CGROUP);
    if (setup_mount_data(c) < 0)
        child_fail(c, SANDBOX_STEP_MOUNT_DATA);
    if (setup_self_exe(c) < 0)
        child_fail(c, SANDBOX_STEP_SELF_EXE);
    if (chdir(c->cwd) < 0)
        child_fail(c, SANDBOX_STEP_CWD);
    if (setup_fds(c) < 0)
        child_fail(c, SANDBOX_STEP_FDS);
    if (setup_rlimits(c) < 0)
        child_fail(c, SANDBOX_STEP_RLIMITS);
    if (setup_credentials(c) < 0)
        child_fail(c, SANDBOX_STEP_CREDENTIALS);
    size_t n = strlen(c->argv[0]);
    if (n >= sizeof(exec_path)) {
        errno = ENAMETOOLONG;
        child_fail(c, SANDBOX_STEP_EXEC);
    }
    memcpy(exec_path, c->argv[0], n + 1);
    int listener = (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
                                SECCOMP_FILTER_FLAG_NEW_LISTENER, &c->bpf->prog);
    if (listener < 0)
        child_fail(c, SANDBOX_STEP_SECCOMP);
    if (pass_fd(c->fds[FD_REPORT], listener) < 0)
        child_fail(c, SANDBOX_STEP_LISTENER);
    c->reported = true;
    close(listener);
    execve(exec_path, c->argv, c->envp);
    child_fail(c, SANDBOX_STEP_EXEC);
}

static CHILD_NORETURN_PATH int child_main(void *arg)
{
    box_inside(arg);
}

#if defined(__x86_64__)
#define CLONE3_TRAMPOLINE 1
/*
 * clone3 for a child that shares the caller's memory and runs on a stack of its own. glibc has no
 * clone3 wrapper, and the raw call returns in the child on the new stack, where the caller's frame
 * is not: so the child calls fn(arg) right away, from here, and exits with what it returns (fn
 * does not return). The syscall instruction keeps every register but rax, rcx and r11, and the
 * child starts with the parent's: fn and arg travel in r12 and r13. Returns the child's pid or a
 * negative errno.
 */
static long clone3_run(struct clone_args *args, int (*fn)(void *), void *arg)
{
    register long rax __asm__("rax") = SYS_clone3;
    register struct clone_args *rdi __asm__("rdi") = args;
    register size_t rsi __asm__("rsi") = sizeof(*args);
    register int (*r12)(void *) __asm__("r12") = fn;
    register void *r13 __asm__("r13") = arg;
    __asm__ volatile("syscall\n\t"
                     "test %%rax, %%rax\n\t"
                     "jnz 1f\n\t"
                     "xor %%ebp, %%ebp\n\t" /* the child: the outermost frame of its stack */
                     "mov %%r13, %%rdi\n\t"
                     "call *%%r12\n\t"
                     "mov %%eax, %%edi\n\t"
                     "mov %[nr_exit], %%eax\n\t"
                     "syscall\n\t"
                     "ud2\n"
                     "1:"
                     : "+r"(rax)
                     : "r"(rdi), "r"(rsi), "r"(r12), "r"(r13), [nr_exit] "i"(SYS_exit)
                     : "rcx", "r11", "cc", "memory");
    return rax;
}
#endif

/*
 * Clones the child. On cgroup v2 (a group directory given) it is created in its group
 * (CLONE_INTO_CGROUP), so it has nothing to join: joining is a move, which can wait for an RCU
 * grace period (9-12 ms measured on v1). A kernel older than 5.7, or a seccomp profile that
 * refuses clone3 (Docker's answers ENOSYS), is learnt at the first run and the child then joins
 * by writing cgroup.procs, as on v1. Returns the pid, or -1 with errno.
 */
static pid_t clone_child(struct child_ctx *c, int cgroup_dir, int flags, char *stack_top)
{
#ifdef CLONE3_TRAMPOLINE
    static bool no_clone3; /* the zygote's: the child never writes it */
    if (cgroup_dir >= 0 && !no_clone3) {
        struct clone_args args = {
            /* No exit signal: with CLONE_PARENT clone3 wants none, and the child takes the
             * zygote's own (SIGCHLD, to judged), as clone() does. */
            .flags = (uint64_t)flags | CLONE_INTO_CGROUP,
            .stack = (uint64_t)(uintptr_t)(stack_top - CHILD_STACK),
            .stack_size = CHILD_STACK,
            .cgroup = (uint64_t)cgroup_dir,
        };
        c->in_cgroup = true;
        long r = clone3_run(&args, child_main, c);
        if (r >= 0)
            return (pid_t)r;
        if (r != -ENOSYS && r != -E2BIG && r != -EPERM) {
            errno = (int)-r;
            return -1;
        }
        no_clone3 = true;
        c->in_cgroup = false;
    }
#else
    (void)cgroup_dir;
#endif
    return clone(child_main, stack_top, flags | SIGCHLD, c);
}

/* Starts the child a request asks for; judged hears of it on the report socket. */
static void zygote_spawn(const sandbox *sb, const struct slot *s, struct zygote_req *req,
                         const int fds[FD__COUNT], char *stack_top)
{
    static char *strings[REQ_STRINGS + 2];
    struct child_msg m = {SANDBOX_STEP_SPAWN, E2BIG, 0};
    size_t argc = req->argc, envc = req->envc, k = 0;
    const char *p = req->text, *end = req->text + req->len, *cwd = "/box";
    if (argc == 0 || argc + envc > REQ_STRINGS || req->policy >= POLICY__COUNT)
        goto fail;
    for (size_t i = 0; i < argc + envc + (req->has_cwd ? 1 : 0); i++) {
        const char *z = memchr(p, '\0', (size_t)(end - p));
        if (!z)
            goto fail;
        if (i < argc + envc)
            strings[k++] = (char *)p;
        else
            cwd = p;
        if (i + 1 == argc || i + 1 == argc + envc)
            strings[k++] = NULL;
        p = z + 1;
    }
    if (envc == 0)
        strings[k++] = NULL;
    struct child_ctx c = {
        .uid = s->uid,
        .bpf = &sb->policies[req->policy],
        .limits = &req->limits,
        .argv = strings,
        .envp = strings + argc + 1,
        .cwd = cwd,
        .fds = fds,
        .self_exe = req->self_exe != 0,
    };
    int flags = CLONE_VM | CLONE_VFORK | CLONE_PARENT | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC |
                CLONE_NEWUTS;
    pid_t pid = clone_child(&c, fds[FD_CG_DIR], flags, stack_top);
    if (pid > 0 && c.reported)
        return;
    m.err = pid < 0 ? errno : 0;
    m.pid = pid > 0 ? pid : 0;
fail:
    (void)!send(fds[FD_REPORT], &m, sizeof(m), MSG_NOSIGNAL);
}

/*** The supervisor (judged) ***/

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static uint64_t cpu_us_of(pid_t pid)
{
    clockid_t cid;
    struct timespec ts;
    if (clock_getcpuclockid(pid, &cid) != 0 || clock_gettime(cid, &ts) < 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* A detached, read-only copy of `dir` and what is mounted below it, for a run's /data. */
static int data_tree(const char *dir)
{
    int fd = open_tree(AT_FDCWD, dir, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
    if (fd < 0)
        return -errno;
    struct mount_attr attr = {.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV |
                                          MOUNT_ATTR_NOEXEC};
    if (mount_setattr(fd, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof(attr)) < 0) {
        int rc = -errno;
        close(fd);
        return rc;
    }
    return fd;
}

/* Appends `s` and its NUL to the request's text. */
static bool req_add(struct zygote_req *q, const char *s)
{
    size_t n = strlen(s) + 1;
    if (n > sizeof(q->text) - q->len)
        return false;
    memcpy(q->text + q->len, s, n);
    q->len += (uint32_t)n;
    return true;
}

/* Sends the slot's zygote a run: the command and the descriptors in `fds` that are not -1. */
static int zygote_send(const struct slot *s, const struct sandbox_cmd *cmd,
                       const int fds[FD__COUNT])
{
    struct zygote_req *q = s->req;
    *q = (struct zygote_req){
        .policy = (uint32_t)cmd->policy, .self_exe = cmd->self_exe, .limits = cmd->limits};
    bool ok = true;
    for (const char *const *a = cmd->argv; *a && ok; a++, q->argc++)
        ok = req_add(q, *a);
    for (const char *const *e = cmd->envp; e && *e && ok; e++, q->envc++)
        ok = req_add(q, *e);
    if (cmd->cwd) {
        q->has_cwd = 1;
        ok = ok && req_add(q, cmd->cwd);
    }
    if (!ok || q->argc + q->envc > REQ_STRINGS)
        return -E2BIG;
    union {
        char buf[CMSG_SPACE(sizeof(int) * FD__COUNT)];
        struct cmsghdr align;
    } u;
    int pass[FD__COUNT], n = 0;
    for (int i = 0; i < FD__COUNT; i++) {
        if (fds[i] >= 0) {
            q->fds |= 1u << i;
            pass[n++] = fds[i];
        }
    }
    struct iovec iov = {q, offsetof(struct zygote_req, text) + q->len};
    struct msghdr msg = {.msg_iov = &iov,
                         .msg_iovlen = 1,
                         .msg_control = u.buf,
                         .msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)n)};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)n);
    memcpy(CMSG_DATA(cm), pass, sizeof(int) * (size_t)n);
    ssize_t sent;
    do
        sent = sendmsg(s->zsock, &msg, MSG_NOSIGNAL);
    while (sent < 0 && errno == EINTR);
    return sent < 0 ? -errno : 0;
}

/*
 * The first word about a run: from the child, its listener or the step that failed, with its
 * pid in the credentials the kernel attaches (SO_PASSCRED); from the zygote, that there is no
 * child or that it died without a word. *pid is left 0 when there is no child to reap.
 */
static int recv_first(int sock, int *listener, pid_t *pid, struct child_msg *fail)
{
    union {
        char buf[CMSG_SPACE(sizeof(int)) + CMSG_SPACE(sizeof(struct ucred))];
        struct cmsghdr align;
    } u;
    struct child_msg m = {0, 0, 0};
    struct iovec iov = {&m, sizeof(m)};
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf)};
    ssize_t n;
    do
        n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return -errno;
    int fd = -1;
    pid_t sender = 0;
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm)) {
        if (cm->cmsg_level != SOL_SOCKET)
            continue;
        if (cm->cmsg_type == SCM_RIGHTS && cm->cmsg_len == CMSG_LEN(sizeof(int)))
            memcpy(&fd, CMSG_DATA(cm), sizeof(int));
        if (cm->cmsg_type == SCM_CREDENTIALS) {
            struct ucred cred;
            memcpy(&cred, CMSG_DATA(cm), sizeof(cred));
            sender = cred.pid;
        }
    }
    if (fd >= 0) {
        *listener = fd;
        *pid = sender;
        return 0;
    }
    if (n == (ssize_t)sizeof(m)) {
        *pid = m.step == SANDBOX_STEP_SPAWN ? m.pid : sender;
        *fail = m;
    } else {
        fail->step = SANDBOX_STEP_SPAWN;
        fail->err = 0;
    }
    if (!fail->err)
        fail->err = EPIPE; /* the child, or the zygote, died before it could say anything */
    return -ECHILD;
}

/*
 * How long a run's tasks waited runnable for a CPU: the second field of each task's schedstat, in
 * ns. A task's figure is kept as last seen, so that tasks that exit between two looks still count
 * with what they had waited by the last one. The run's processes are its pid and, once it joined
 * the slot's control group, whatever that group lists (a fork's children included).
 */
#define RUNQ_TASKS         256
#define RUNQ_FIRST_LOOK_US 50000
#define RUNQ_RECHECK_US    5000
struct runq {
    int procs_fd; /* the slot's cgroup.procs, opened for reading; -1: the run's own pid only */
    size_t n;
    struct {
        pid_t tid;
        uint64_t ns;
    } task[RUNQ_TASKS];
    uint64_t gone_ns;   /* tasks that did not fit in the table: their figures as first seen */
    uint64_t zygote_ns; /* the zygote's wait while it started the run, on the run's CPU too */
    uint64_t self_at;   /* the supervising thread's own wait when the run started */
};

static void runq_note(struct runq *q, pid_t tid, uint64_t ns)
{
    for (size_t i = 0; i < q->n; i++) {
        if (q->task[i].tid == tid) {
            if (ns > q->task[i].ns)
                q->task[i].ns = ns;
            return;
        }
    }
    if (q->n < RUNQ_TASKS) {
        q->task[q->n].tid = tid;
        q->task[q->n++].ns = ns;
    } else {
        q->gone_ns += ns; /* an undercount, which at worst judges by wall time as before */
    }
}

static void runq_sample_process(struct runq *q, pid_t pid)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
    int dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0)
        return;
    DIR *d = fdopendir(dfd);
    if (!d) {
        close(dfd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        char file[300];
        snprintf(file, sizeof(file), "%s/schedstat", e->d_name);
        int fd = openat(dfd, file, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        char buf[96];
        ssize_t n = read(fd, buf, sizeof(buf) - 1);
        close(fd);
        unsigned long long on_cpu, waited;
        if (n <= 0)
            continue;
        buf[n] = '\0';
        if (sscanf(buf, "%llu %llu", &on_cpu, &waited) == 2)
            runq_note(q, (pid_t)strtol(e->d_name, NULL, 10), waited);
    }
    closedir(d);
}

/* One task's run-queue delay so far in ns (0 when the kernel does not count it). */
static uint64_t task_wait_ns(pid_t pid)
{
    char path[64], buf[96];
    snprintf(path, sizeof(path), "/proc/%d/schedstat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    unsigned long long on_cpu, waited;
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    return sscanf(buf, "%llu %llu", &on_cpu, &waited) == 2 ? waited : 0;
}

/* The calling thread's run-queue delay so far in ns. */
static uint64_t self_wait_ns(void)
{
    return task_wait_ns((pid_t)syscall(SYS_gettid));
}

/*
 * Looks at every task of the run; returns the total wait in microseconds. The supervising
 * thread's own wait since the start counts too: a program whose output pipe is full waits for
 * judged to read it, and when judged waits for a CPU, so does the program, blocked.
 */
static uint64_t runq_sample(struct runq *q, pid_t pid)
{
    runq_sample_process(q, pid);
    char buf[4096];
    ssize_t n = q->procs_fd >= 0 ? pread(q->procs_fd, buf, sizeof(buf) - 1, 0) : -1;
    if (n > 0) {
        buf[n] = '\0';
        for (char *p = buf, *end; *p; p = end) {
            long other = strtol(p, &end, 10);
            if (end == p)
                break;
            if (other > 0 && other != pid)
                runq_sample_process(q, (pid_t)other);
        }
    }
    uint64_t self = self_wait_ns();
    uint64_t ns = q->gone_ns + q->zygote_ns + (self > q->self_at ? self - q->self_at : 0);
    for (size_t i = 0; i < q->n; i++)
        ns += q->task[i].ns;
    return ns / 1000;
}

/*
 * Whether a task of the run is runnable (state R) now. The scheduler adds a wait to a task's
 * run-queue delay only when the task gets its CPU, so a task that waits now has a wait that no
 * figure shows yet: the wall limit is not applied to it until it has run.
 */
static bool runq_any_runnable(const struct runq *q)
{
    for (size_t i = 0; i < q->n; i++) {
        char path[64], buf[512];
        snprintf(path, sizeof(path), "/proc/%d/stat", (int)q->task[i].tid);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        ssize_t n = read(fd, buf, sizeof(buf) - 1);
        close(fd);
        if (n <= 0)
            continue;
        buf[n] = '\0';
        const char *paren = strrchr(buf, ')'); /* the name may hold spaces and parentheses */
        if (paren && paren[1] == ' ' && paren[2] == 'R')
            return true;
    }
    return false;
}

/* The slot's cgroup.procs, readable: the child holds a write-only copy to join it. */
static int runq_procs_fd(const int cg[2])
{
    for (int i = 0; i < 2; i++) {
        if (cg[i] < 0)
            continue;
        char path[64];
        snprintf(path, sizeof(path), "/proc/self/fd/%d", cg[i]);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd >= 0)
            return fd;
    }
    return -1;
}

struct watch {
    pid_t pid;
    int pidfd;
    bool killed;
    enum sandbox_status why; /* set when the supervisor killed it */
    struct runq runq;
    uint64_t runq_us; /* the last sample */
};

static void kill_run(struct watch *w, enum sandbox_status why)
{
    if (!w->killed) {
        /* Without a pidfd the pid is still safe: it is judged's own child, not yet reaped. */
        if (w->pidfd >= 0)
            syscall(SYS_pidfd_send_signal, w->pidfd, SIGKILL, NULL, 0);
        else
            kill(w->pid, SIGKILL);
        w->killed = true;
        w->why = why;
    }
}

/* Reads what is there; returns false at end of file. */
static bool drain(int fd, struct strbuf *sb, size_t *total)
{
    char buf[65536];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n > 0) {
            strbuf_add(sb, buf, (size_t)n);
            if (total)
                *total += (size_t)n;
            continue;
        }
        if (n == 0)
            return false;
        return errno == EAGAIN || errno == EINTR;
    }
}

static void supervise(struct watch *w, const struct sandbox_cmd *cmd, int out_r, int err_r,
                      int listener, struct sandbox_result *res, uint64_t start)
{
    const struct sandbox_limits *l = &cmd->limits;
    bool out_open = true, err_open = true, exited = false;
    uint64_t cpu_limit = (uint64_t)l->cpu_ms * 1000, wall_limit = (uint64_t)l->wall_ms * 1000;
    uint64_t waited = 0;
    while (!exited) {
        struct pollfd p[4] = {
            {w->pidfd, POLLIN, 0},
            {out_open ? out_r : -1, POLLIN, 0},
            {err_open ? err_r : -1, POLLIN, 0},
            {listener, POLLIN, 0},
        };
        uint64_t t = now_us();
        /* CPU time cannot run ahead of wall time by more than the threads there are, so a CPU
         * check is due no sooner than this; quick runs end before any wake-up. */
        uint64_t cpu_used = cpu_us_of(w->pid);
        uint64_t cpu_left = cpu_used < cpu_limit ? cpu_limit - cpu_used : 0;
        uint64_t next = cpu_left / (l->processes > 1 ? 4 : 1);
        if (next > 100000)
            next = 100000;
        /* The wall limit counts only time not spent waiting for a CPU: it is due no sooner than
         * the limit less what has counted so far, and a look at the waits decides then. */
        uint64_t counted = t - start > waited ? t - start - waited : 0;
        uint64_t wall_left = wall_limit > counted ? wall_limit - counted : 0;
        if (wall_left < RUNQ_RECHECK_US)
            wall_left = RUNQ_RECHECK_US; /* past it, a runnable run is looked at again soon */
        if (next > wall_left)
            next = wall_left;
        int timeout = (int)((next + 999) / 1000);
        int n = poll(p, 4, w->killed ? 50 : timeout);
        if (n < 0 && errno != EINTR)
            break;
        if (p[0].revents & POLLIN)
            exited = true;
        if (p[1].revents) {
            out_open = drain(out_r, &res->out, &res->stdout_bytes);
            if (strbuf_truncated(&res->out))
                kill_run(w, SANDBOX_OUTPUT_LIMIT);
        }
        if (p[2].revents) {
            err_open = drain(err_r, &res->err, NULL);
            if (strbuf_truncated(&res->err))
                kill_run(w, SANDBOX_OUTPUT_LIMIT);
        }
        if (p[3].revents & POLLIN) {
            struct seccomp_notif req;
            memset(&req, 0, sizeof(req));
            if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req) == 0) {
                policy_syscall_name((int)req.data.nr, res->syscall, sizeof(res->syscall));
                kill_run(w, SANDBOX_SYSCALL);
            }
        }
        if (p[3].revents & (POLLHUP | POLLERR))
            listener = -1;
        if (w->killed || exited)
            continue;
        t = now_us();
        uint64_t cpu = cpu_us_of(w->pid);
        if (cpu > cpu_limit) {
            kill_run(w, SANDBOX_CPU_LIMIT);
            continue;
        }
        /* Quick runs never pay for a look at their tasks; longer ones are looked at on every
         * wake-up (at most every 100 ms), so that tasks that come and go are counted too. */
        if (t - start < RUNQ_FIRST_LOOK_US && t - start <= wall_limit)
            continue;
        w->runq_us = runq_sample(&w->runq, w->pid);
        enum sandbox_status st = sandbox_time_status(l, cpu, t - start, w->runq_us, &waited);
        /* A runnable run may be waiting for its CPU now, a wait not in the figures yet: it is
         * not stopped by the wall limit until it has run, unless it is far past it (the CPU
         * limit and the overload bound stop a run that is always runnable anyway). */
        if (st == SANDBOX_WALL_LIMIT && t - start - waited <= 2 * wall_limit &&
            runq_any_runnable(&w->runq))
            continue;
        if (st != SANDBOX_EXITED)
            kill_run(w, st);
    }
    /* The namespace is gone with its pid 1, so every writer is closed: read to the end. */
    if (out_open) {
        fcntl(out_r, F_SETFL, 0);
        while (drain(out_r, &res->out, &res->stdout_bytes))
            ;
    }
    if (err_open) {
        fcntl(err_r, F_SETFL, 0);
        while (drain(err_r, &res->err, NULL))
            ;
    }
    if (strbuf_truncated(&res->out) || strbuf_truncated(&res->err))
        kill_run(w, SANDBOX_OUTPUT_LIMIT);
}

static void classify(struct sandbox_result *res, const struct watch *w, int status,
                     const struct sandbox_limits *l, bool oom, uint64_t cg_peak, bool cgroups)
{
    if (WIFEXITED(status)) {
        res->status = SANDBOX_EXITED;
        res->exit_code = WEXITSTATUS(status);
    } else {
        res->status = SANDBOX_SIGNALED;
        res->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
    bool clean = res->status == SANDBOX_EXITED && res->exit_code == 0;
    uint64_t limit = l->memory_kb * 1024;
    if (w->killed) {
        res->status = w->why;
    } else if (res->signal == SIGSYS) {
        res->status = SANDBOX_SYSCALL; /* killed by the filter: a call through another ABI */
        snprintf(res->syscall, sizeof(res->syscall), "non-native ABI");
    } else if (res->cpu_ms > l->cpu_ms || res->signal == SIGXCPU) {
        res->status = SANDBOX_CPU_LIMIT;
    } else if (oom || (!clean && cgroups && cg_peak >= limit) ||
               (!clean && !cgroups && res->memory_kb * 10 >= l->memory_kb * 9)) {
        res->status = SANDBOX_MEMORY_LIMIT;
    }
    if (res->status == SANDBOX_CPU_LIMIT && res->cpu_ms <= l->cpu_ms)
        res->cpu_ms = l->cpu_ms + 1; /* killed at the check: it had used at least this much */
}

/*** A run, step by step (sandbox_exec) ***/

/* One run's state from its first descriptor to its reaping: what the steps below share. */
struct run {
    sandbox *sb;
    struct slot *slot;
    const struct sandbox_cmd *cmd;
    struct sandbox_result *res;
    int out[2], err[2]; /* stdout and stderr pipes: judged reads [0] */
    int sv[2];          /* the report socket: judged's end is [0] */
    int data;           /* the detached /data tree, or -1 */
    int listener;       /* the seccomp filter's listener the child passed, or -1 */
    int fds[FD__COUNT]; /* what travels to the zygote (-1: not sent) */
    int cpu;            /* the run's CPU, an index of sb->cpus, or -1 */
    uint64_t start;     /* the run's clock starts once it has its CPU */
    struct watch w;
    struct child_msg fail; /* the step that failed and its errno */
    int status;            /* wait4's */
    struct rusage ru;
    uint64_t wall_us;
    bool given_closed; /* the descriptors of a close_fds command are closed */
};

/* The run's result when the limits leave no room for the program at all: 0 when it may run. */
static int set_limits(struct run *r)
{
    const struct sandbox_cmd *cmd = r->cmd;
    int rc = cgroup_prepare(r->sb->cgroups, cmd->slot, cmd->limits.memory_kb * 1024,
                            cmd->limits.processes);
    if (rc == -EBUSY) {
        /* The group already holds more than the limit: the program's own image, written by the
         * compiler into the slot's tmpfs, is larger than the memory it may use. */
        r->res->status = SANDBOX_MEMORY_LIMIT;
        r->res->memory_kb = cmd->limits.memory_kb;
    } else if (rc) {
        r->fail.step = SANDBOX_STEP_LIMITS;
    }
    return rc;
}

/* The pipes, the report socket, the /data tree and the cgroup files the run is sent with. */
static int open_fds(struct run *r)
{
    int one = 1;
    if (pipe2(r->out, O_CLOEXEC) < 0 || pipe2(r->err, O_CLOEXEC) < 0 ||
        socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, r->sv) < 0 ||
        setsockopt(r->sv[0], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)) < 0) {
        r->fail.step = SANDBOX_STEP_OPEN;
        return -errno;
    }
    fcntl(r->out[0], F_SETPIPE_SZ, 1 << 20); /* fewer wake-ups for big outputs */
    fcntl(r->err[0], F_SETPIPE_SZ, 1 << 20);
    fcntl(r->out[0], F_SETFL, O_NONBLOCK);
    fcntl(r->err[0], F_SETFL, O_NONBLOCK);
    if (r->cmd->data_dir && (r->data = data_tree(r->cmd->data_dir)) < 0) {
        r->fail.step = SANDBOX_STEP_MOUNT_DATA;
        return r->data;
    }
    int cg[2];
    cgroup_procs_fds(r->sb->cgroups, r->cmd->slot, cg);
    int *f = r->fds;
    f[FD_OUT] = r->cmd->stdout_fd > 0 ? r->cmd->stdout_fd : r->out[1];
    f[FD_ERR] = r->err[1];
    f[FD_REPORT] = r->sv[1];
    f[FD_IN] = r->cmd->stdin_fd;
    f[FD_CG_MEM] = cg[0];
    f[FD_CG_PIDS] = cg[1];
    f[FD_CG_DIR] = cgroup_dir_fd(r->sb->cgroups, r->cmd->slot);
    f[FD_DATA] = r->data;
    r->w.runq.procs_fd = runq_procs_fd(cg);
    return 0;
}

/*
 * Takes a CPU, starts the clock and sends the zygote the run. A zygote that is gone (killed from
 * outside) is replaced, here and at most once a run; its code after fork calls only what is safe
 * in the child of a threaded process. *zygote_before: the zygote's wait for a CPU so far.
 */
static int ask_zygote(struct run *r, pid_t *zygote, uint64_t *zygote_before)
{
    struct slot *slot = r->slot;
    struct sandbox_result *res = r->res;
    /* A CPU of its own before the clock starts: waiting for one is not the program's time. A
     * peer slot's run shares its partner's (sandbox_peer). */
    r->cpu = r->cmd->slot < r->sb->npublic ? cpu_take(&r->sb->cpus, r->cmd->slot) : -1;
    res->cpu = r->cpu >= 0 ? r->sb->cpus.cpu[r->cpu] : -1;
    r->start = now_us();
    r->w.runq.self_at = self_wait_ns();
    *zygote = slot->zygote;
    *zygote_before = *zygote > 0 ? task_wait_ns(*zygote) : 0;
    int rc = slot->zsock < 0 ? -EPIPE : pin_zygote(slot, res->cpu);
    if (!rc)
        rc = zygote_send(slot, r->cmd, r->fds);
    if (rc == -EPIPE || rc == -ECONNREFUSED || rc == -ESRCH) {
        zygote_stop(slot);
        rc = zygote_start(r->sb, slot);
        if (!rc)
            rc = pin_zygote(slot, res->cpu);
        if (!rc)
            rc = zygote_send(slot, r->cmd, r->fds);
    }
    /* The zygote and the child hold their own copies now: the run ends with the last writer. */
    close(r->out[1]);
    close(r->err[1]);
    close(r->sv[1]);
    r->out[1] = r->err[1] = r->sv[1] = -1;
    close_given(r->cmd, &r->given_closed);
    if (rc)
        r->fail.step = SANDBOX_STEP_SPAWN;
    return rc;
}

/*
 * The child's first word: its seccomp listener (it is about to execve), or the step that failed.
 * r->w.pid is the child to reap (0: none). Returns 0, or the failure's errno, negative.
 */
static int await_child(struct run *r, pid_t zygote, uint64_t zygote_before)
{
    struct slot *slot = r->slot;
    int rc = recv_first(r->sv[0], &r->listener, &r->w.pid, &r->fail);
    /* Until the child's word the zygote worked for the run, pinned to its CPU: its wait for the
     * CPU is the run's (after a replacement, the new zygote's whole wait is). */
    uint64_t zygote_after = slot->zygote > 0 ? task_wait_ns(slot->zygote) : 0;
    if (slot->zygote != zygote)
        zygote_before = 0;
    r->w.runq.zygote_ns = zygote_after > zygote_before ? zygote_after - zygote_before : 0;
    /* Not a word from it: it died with the request, the next run replaces it. */
    if (rc && r->w.pid <= 0 && r->fail.err == EPIPE)
        zygote_stop(slot);
    if (r->w.pid > 0 && (r->w.pidfd = pidfd_open(r->w.pid, 0)) < 0 && !rc) {
        rc = -errno;
        r->fail.step = SANDBOX_STEP_SPAWN;
        r->fail.err = -rc;
    }
    /* A listener from no one is not possible, unless judged is confused. */
    if (!rc && r->w.pid <= 0)
        rc = -EPROTO;
    /* The sandbox failed before the program ran: the judge's fault, with the step named. */
    return rc ? -(r->fail.err ? r->fail.err : EIO) : 0;
}

/* Waits for the child's end (its namespace goes with it) for its status, CPU time and RSS. */
static int reap(struct run *r, bool ran)
{
    /* The last look at its tasks: the leader is a zombie now, its figures still there. */
    if (ran)
        r->w.runq_us = runq_sample(&r->w.runq, r->w.pid);
    while (wait4(r->w.pid, &r->status, 0, &r->ru) < 0) {
        if (errno != EINTR) {
            r->fail.step = SANDBOX_STEP_REAP;
            return -errno;
        }
    }
    r->wall_us = now_us() - r->start;
    r->res->wall_ms = (unsigned)(r->wall_us / 1000);
    return 0;
}

/* The run's figures and what ended it, from wait4, the supervisor and the control group. */
static int classify_run(struct run *r)
{
    struct sandbox_result *res = r->res;
    const struct sandbox_cmd *cmd = r->cmd;
    /* An exec that failed after the filter was loaded reports on the socket too. */
    struct child_msg late;
    if (recv(r->sv[0], &late, sizeof(late), MSG_DONTWAIT) == (ssize_t)sizeof(late)) {
        r->fail.step = SANDBOX_STEP_EXEC;
        return -(late.err ? late.err : EIO);
    }
    uint64_t cpu_us = (uint64_t)(r->ru.ru_utime.tv_sec + r->ru.ru_stime.tv_sec) * 1000000u +
                      (uint64_t)(r->ru.ru_utime.tv_usec + r->ru.ru_stime.tv_usec);
    res->cpu_ms = (unsigned)(cpu_us / 1000);
    uint64_t waited = 0;
    sandbox_time_status(&cmd->limits, cpu_us, r->wall_us, r->w.runq_us, &waited);
    res->wait_ms = (unsigned)(waited / 1000);
    res->memory_kb = (uint64_t)r->ru.ru_maxrss;
    uint64_t peak = 0;
    bool oom = false;
    int rc = cgroup_collect(r->sb->cgroups, cmd->slot, &peak, &oom);
    if (rc) {
        r->fail.step = SANDBOX_STEP_COLLECT;
        return rc;
    }
    classify(res, &r->w, r->status, &cmd->limits, oom, peak,
             cgroup_mode_of(r->sb->cgroups) != CGROUP_NONE);
    return 0;
}

/* Closes what the run opened and gives its CPU back. */
static void run_close(struct run *r)
{
    close_given(r->cmd, &r->given_closed);
    for (int i = 0; i < 2; i++) {
        if (r->out[i] >= 0)
            close(r->out[i]);
        if (r->err[i] >= 0)
            close(r->err[i]);
        if (r->sv[i] >= 0)
            close(r->sv[i]);
    }
    if (r->data >= 0)
        close(r->data);
    if (r->listener >= 0)
        close(r->listener);
    if (r->w.pidfd >= 0)
        close(r->w.pidfd);
    if (r->w.runq.procs_fd >= 0)
        close(r->w.runq.procs_fd);
    cpu_give(&r->sb->cpus, r->cpu);
}

int sandbox_exec(sandbox *sb, const struct sandbox_cmd *cmd, struct sandbox_result *res)
{
    memset(res, 0, sizeof(*res));
    res->cpu = -1;
    strbuf_init(&res->out, cmd->limits.stdout_max);
    strbuf_init(&res->err, cmd->limits.stderr_max);
    bool given_closed = false;
    if (cmd->slot < 0 || cmd->slot >= sb->nslots || !cmd->argv || !cmd->argv[0] ||
        cmd->policy >= POLICY__COUNT) {
        close_given(cmd, &given_closed);
        return -EINVAL;
    }
    struct run r = {.sb = sb,
                    .slot = &sb->slots[cmd->slot],
                    .cmd = cmd,
                    .res = res,
                    .out = {-1, -1},
                    .err = {-1, -1},
                    .sv = {-1, -1},
                    .data = -1,
                    .listener = -1,
                    .cpu = -1,
                    .w = {.pid = 0, .pidfd = -1, .runq = {.procs_fd = -1}}};
    pid_t zygote = 0;
    uint64_t zygote_before = 0;
    int rc = set_limits(&r);
    if (rc == -EBUSY) {
        close_given(cmd, &given_closed);
        return 0; /* a memory limit the program cannot even be loaded in: res says so */
    }
    if (!rc)
        rc = open_fds(&r);
    if (!rc)
        rc = ask_zygote(&r, &zygote, &zygote_before);
    if (!rc)
        rc = await_child(&r, zygote, zygote_before);
    if (r.w.pid > 0) {
        /* A child that failed a step before execve is killed and reaped all the same. */
        if (!rc)
            supervise(&r.w, cmd, r.out[0], r.err[0], r.listener, res, r.start);
        else
            kill_run(&r.w, SANDBOX_SIGNALED);
        int reaped = reap(&r, !rc);
        if (!rc)
            rc = reaped;
    }
    if (!rc)
        rc = classify_run(&r);
    if (rc)
        res->failed_step = (enum sandbox_step)r.fail.step;
    run_close(&r);
    return rc;
}

void sandbox_result_release(struct sandbox_result *res)
{
    if (!res)
        return;
    strbuf_release(&res->out);
    strbuf_release(&res->err);
}
