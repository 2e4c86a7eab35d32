/*
 * The sandbox: theory of operation.
 *
 * Opening the sandbox (once per process, before threads):
 *   - judged moves into a mount namespace of its own (slave to the host's), so its mounts vanish
 *     with it and never show on the host;
 *   - each slot gets a tmpfs (its /box, read-only to the program, and its /tmp, the only writable
 *     place, noexec) and a root tree: a read-only tmpfs holding /usr bound read-only and nosuid,
 * the usual /bin /lib links, five device nodes, /box, /tmp and an empty /data. No /etc, no /proc,
 *     nothing of the host's or the judge's data;
 *   - one empty network namespace is made and kept: creating one per run costs 0.9 ms here, more
 *     than a whole bare run, and the program cannot create a socket to use it anyway;
 *   - control groups per slot (cgroup.c) and the seccomp filters (policy.c) are built.
 *
 * A run (sandbox_exec) clones a child into fresh pid, mount, ipc and uts namespaces. The child is
 * pid 1 of its namespace, so when it exits the kernel kills whatever it left behind. Inside, in
 * order, the child runs box_inside(): join the cgroup, enter the network namespace, mount /data
 * when asked, chroot into the slot's root, wire stdin/stdout/stderr, set rlimits, drop to the
 * slot's uid and gid, set no_new_privs, close every other descriptor, load the seccomp filter, hand
 * the filter's listener to the parent and execve the program. The parent meanwhile collects stdout
 * and stderr through pipes with caps, answers seccomp notifications by killing the run and naming
 * the call, enforces CPU time (per millisecond, from the process CPU clock) and wall time, and
 * reaps the child with wait4 for its CPU time and peak RSS.
 */
#define _GNU_SOURCE
#include "sandbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
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

struct slot {
    char fs[PATH_MAX];   /* tmpfs: box/ and tmp/ */
    char box[PATH_MAX];  /* fs/box */
    char tmp[PATH_MAX];  /* fs/tmp */
    char root[PATH_MAX]; /* the root tree */
    char root_data[PATH_MAX];
    unsigned uid;
};

struct sandbox {
    char workdir[PATH_MAX];
    int nslots;
    struct slot *slots;
    int netns_fd;
    cgroup_set *cgroups;
    struct policy_bpf policies[POLICY__COUNT];
    char mode[64];
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
    };
    return st <= SANDBOX_SYSCALL ? names[st] : "unknown";
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

/* /bin, /lib, ... are links into /usr on merged-/usr systems and real folders elsewhere. */
static int mirror_top(const char *root, const char *name)
{
    char host[64], dst[PATH_MAX + 64];
    snprintf(host, sizeof(host), "/%s", name);
    snprintf(dst, sizeof(dst), "%s/%s", root, name);
    struct stat st;
    if (lstat(host, &st) < 0)
        return 0;
    if (S_ISLNK(st.st_mode)) {
        char target[PATH_MAX];
        ssize_t n = readlink(host, target, sizeof(target) - 1);
        if (n < 0)
            return -errno;
        target[n] = '\0';
        return symlink(target, dst) < 0 && errno != EEXIST ? -errno : 0;
    }
    if (!S_ISDIR(st.st_mode))
        return 0;
    int rc = mkdirp(dst, 0755);
    return rc ? rc : bind_ro(host, dst, 0);
}

static int build_slot(struct slot *s, unsigned slot_mb)
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
    static const char *const dirs[] = {"usr", "dev", "box", "tmp", "data"};
    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        char p[PATH_MAX + 16];
        snprintf(p, sizeof(p), "%s/%s", s->root, dirs[i]);
        if (mkdir(p, 0755) < 0)
            return -errno;
    }
    char p[PATH_MAX + 32];
    snprintf(p, sizeof(p), "%s/usr", s->root);
    if ((rc = bind_ro("/usr", p, 0)))
        return rc;
    static const char *const tops[] = {"bin", "sbin", "lib", "lib32", "lib64", "libx32"};
    for (size_t i = 0; i < sizeof(tops) / sizeof(tops[0]); i++)
        if ((rc = mirror_top(s->root, tops[i])))
            return rc;
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

int sandbox_open(const struct sandbox_config *cfg, sandbox **out)
{
    if (!cfg || !cfg->workdir || cfg->slots <= 0 || cfg->slots > 256)
        return -EINVAL;
    if (geteuid() != 0)
        return -EPERM;
    sandbox *sb = calloc(1, sizeof(*sb));
    if (!sb)
        return -ENOMEM;
    sb->netns_fd = -1;
    sb->nslots = cfg->slots;
    int rc = 0;
    sb->slots = calloc((size_t)cfg->slots, sizeof(*sb->slots));
    if (!sb->slots) {
        rc = -ENOMEM;
        goto fail;
    }
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
    unsigned uid_base = cfg->uid_base ? cfg->uid_base : 60000;
    for (int i = 0; i < sb->nslots; i++) {
        struct slot *s = &sb->slots[i];
        snprintf(s->fs, sizeof(s->fs), "%s/slot%d", sb->workdir, i);
        snprintf(s->box, sizeof(s->box), "%s/box", s->fs);
        snprintf(s->tmp, sizeof(s->tmp), "%s/tmp", s->fs);
        snprintf(s->root, sizeof(s->root), "%s/root%d", sb->workdir, i);
        snprintf(s->root_data, sizeof(s->root_data), "%s/data", s->root);
        s->uid = uid_base + (unsigned)i;
        if ((rc = build_slot(s, cfg->slot_mb ? cfg->slot_mb : 512)))
            goto fail;
    }
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
    snprintf(sb->mode, sizeof(sb->mode), "%s", cgroup_mode_name(cgroup_mode_of(sb->cgroups)));
    *out = sb;
    return 0;
fail:
    sandbox_close(sb);
    return rc;
}

void sandbox_close(sandbox *sb)
{
    if (!sb)
        return;
    cgroup_close(sb->cgroups);
    for (int k = 0; k < POLICY__COUNT; k++)
        policy_release(&sb->policies[k]);
    if (sb->netns_fd >= 0)
        close(sb->netns_fd);
    for (int i = 0; sb->slots && i < sb->nslots; i++) {
        struct slot *s = &sb->slots[i];
        if (s->root[0])
            umount2(s->root, MNT_DETACH);
        if (s->fs[0])
            umount2(s->fs, MNT_DETACH);
        rmdir(s->root);
        rmdir(s->fs);
    }
    free(sb->slots);
    free(sb);
}

const char *sandbox_mode(const sandbox *sb)
{
    return sb->mode;
}

int sandbox_slots(const sandbox *sb)
{
    return sb->nslots;
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
 * Everything the child needs is prepared by the parent: after clone the child is a copy of a
 * possibly threaded process, so it calls no malloc and nothing that takes a lock.
 */
struct child_ctx {
    const struct slot *slot;
    const struct sandbox_cmd *cmd;
    const struct policy_bpf *bpf;
    int netns_fd;
    int cg_fds[2];
    int in_fd, out_fd, err_fd, sock;
};

enum child_step {
    STEP_CGROUP = 1,
    STEP_NETNS,
    STEP_MOUNT_DATA,
    STEP_ROOT,
    STEP_FDS,
    STEP_RLIMITS,
    STEP_CREDENTIALS,
    STEP_SECCOMP,
    STEP_LISTENER,
    STEP_EXEC,
};

static const char *const step_names[] = {
    [STEP_CGROUP] = "joining the cgroup",
    [STEP_NETNS] = "entering the network namespace",
    [STEP_MOUNT_DATA] = "mounting /data",
    [STEP_ROOT] = "entering the root",
    [STEP_FDS] = "setting up descriptors",
    [STEP_RLIMITS] = "setting rlimits",
    [STEP_CREDENTIALS] = "dropping privileges",
    [STEP_SECCOMP] = "loading the seccomp filter",
    [STEP_LISTENER] = "passing the seccomp listener",
    [STEP_EXEC] = "executing the program",
};

struct child_msg {
    int step;
    int err;
};

static __attribute__((noreturn)) void child_fail(int sock, int step)
{
    struct child_msg m = {step, errno};
    struct iovec iov = {&m, sizeof(m)};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
    /* sendmsg, not send: after the filter is loaded only sendmsg is allowed. */
    (void)!sendmsg(sock, &msg, MSG_NOSIGNAL);
    _exit(127);
}

static int setup_cgroup(const struct child_ctx *c)
{
    for (int i = 0; i < 2; i++)
        if (c->cg_fds[i] >= 0 && write(c->cg_fds[i], "0", 1) < 0)
            return -1;
    return 0;
}

static int setup_root(const struct child_ctx *c)
{
    if (sethostname("judge", 5) < 0)
        return -1;
    if (chroot(c->slot->root) < 0)
        return -1;
    return chdir(c->cmd->cwd ? c->cmd->cwd : "/box");
}

static int setup_mount_data(const struct child_ctx *c)
{
    if (!c->cmd->data_dir)
        return 0;
    if (mount(c->cmd->data_dir, c->slot->root_data, NULL, MS_BIND | MS_REC, NULL) < 0)
        return -1;
    return mount(NULL, c->slot->root_data, NULL,
                 MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
}

static int setup_fds(const struct child_ctx *c)
{
    int in = c->in_fd >= 0 ? c->in_fd : open("/dev/null", O_RDONLY);
    if (in < 0 || dup2(in, 0) < 0 || dup2(c->out_fd, 1) < 0 || dup2(c->err_fd, 2) < 0)
        return -1;
    /* Everything else goes, but for the socket that carries the listener out. */
    if (c->sock > 3 && syscall(SYS_close_range, 3, c->sock - 1, 0) < 0)
        return -1;
    return (int)syscall(SYS_close_range, c->sock + 1, ~0U, 0);
}

static int setup_rlimits(const struct child_ctx *c)
{
    const struct sandbox_limits *l = &c->cmd->limits;
    rlim_t cpu_s = (l->cpu_ms + 999) / 1000 + 1; /* a backstop: the parent counts milliseconds */
    rlim_t mem = (rlim_t)l->memory_kb * 1024;
    rlim_t stack = l->stack_kb ? (rlim_t)l->stack_kb * 1024 : mem;
    /* Without a memory controller, RLIMIT_AS caps memory, and glibc gives every thread a stack
     * of RLIMIT_STACK: a stack as large as the memory limit would leave no room for threads. */
    if (c->cg_fds[0] < 0 && stack > (8u << 20))
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
        {RLIMIT_AS, c->cg_fds[0] >= 0 ? RLIM_INFINITY : mem,
         c->cg_fds[0] >= 0 ? RLIM_INFINITY : mem},
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
    gid_t g = c->slot->uid;
    uid_t u = c->slot->uid;
    /* A session of its own: kill(0, ...) must not reach the judge's process group. */
    if (setsid() < 0)
        return -1;
    /*
     * Raw system calls, not glibc's wrappers: those apply the change to every thread of the
     * process by signalling the threads glibc knows of. A child of clone3 in a threaded judge
     * inherits that list but not the threads, and would wait for them forever.
     */
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

static __attribute__((noreturn)) void box_inside(const struct child_ctx *c)
{
    if (setup_cgroup(c) < 0)
        child_fail(c->sock, STEP_CGROUP);
    if (setns(c->netns_fd, CLONE_NEWNET) < 0)
        child_fail(c->sock, STEP_NETNS);
    if (setup_mount_data(c) < 0)
        child_fail(c->sock, STEP_MOUNT_DATA);
    if (setup_root(c) < 0)
        child_fail(c->sock, STEP_ROOT);
    if (setup_fds(c) < 0)
        child_fail(c->sock, STEP_FDS);
    if (setup_rlimits(c) < 0)
        child_fail(c->sock, STEP_RLIMITS);
    if (setup_credentials(c) < 0)
        child_fail(c->sock, STEP_CREDENTIALS);
    size_t n = strlen(c->cmd->argv[0]);
    if (n >= sizeof(exec_path)) {
        errno = ENAMETOOLONG;
        child_fail(c->sock, STEP_EXEC);
    }
    memcpy(exec_path, c->cmd->argv[0], n + 1);
    int listener = (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
                                SECCOMP_FILTER_FLAG_NEW_LISTENER, &c->bpf->prog);
    if (listener < 0)
        child_fail(c->sock, STEP_SECCOMP);
    if (pass_fd(c->sock, listener) < 0)
        child_fail(c->sock, STEP_LISTENER);
    close(listener);
    static const char *const empty_env[] = {NULL};
    execve(exec_path, (char *const *)c->cmd->argv,
           (char *const *)(c->cmd->envp ? c->cmd->envp : empty_env));
    child_fail(c->sock, STEP_EXEC);
}

/*** The supervisor (the parent) ***/

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

/* Receives the listener, or the child's report of the step that failed. */
static int recv_listener(int sock, int *listener, struct child_msg *fail)
{
    union {
        char buf[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } u;
    struct child_msg m = {0, 0};
    struct iovec iov = {&m, sizeof(m)};
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf)};
    ssize_t n;
    do
        n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return -errno;
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    if (cm && cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS) {
        memcpy(listener, CMSG_DATA(cm), sizeof(int));
        return 0;
    }
    if (n == (ssize_t)sizeof(m)) {
        *fail = m;
        return -ECHILD;
    }
    fail->step = 0;
    fail->err = EPIPE; /* the child died before it could say anything */
    return -ECHILD;
}

struct watch {
    pid_t pid;
    int pidfd;
    bool killed;
    enum sandbox_status why; /* set when the supervisor killed it */
};

static void kill_run(struct watch *w, enum sandbox_status why)
{
    if (!w->killed) {
        syscall(SYS_pidfd_send_signal, w->pidfd, SIGKILL, NULL, 0);
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
    uint64_t wall_deadline = start + (uint64_t)l->wall_ms * 1000;
    uint64_t cpu_limit = (uint64_t)l->cpu_ms * 1000;
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
        if (t + next > wall_deadline)
            next = wall_deadline > t ? wall_deadline - t : 0;
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
        t = now_us();
        if (!w->killed && t >= wall_deadline)
            kill_run(w, SANDBOX_WALL_LIMIT);
        if (!w->killed && cpu_us_of(w->pid) > cpu_limit)
            kill_run(w, SANDBOX_CPU_LIMIT);
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

int sandbox_exec(sandbox *sb, const struct sandbox_cmd *cmd, struct sandbox_result *res)
{
    memset(res, 0, sizeof(*res));
    strbuf_init(&res->out, cmd->limits.stdout_max);
    strbuf_init(&res->err, cmd->limits.stderr_max);
    if (cmd->slot < 0 || cmd->slot >= sb->nslots || !cmd->argv || !cmd->argv[0] ||
        cmd->policy >= POLICY__COUNT)
        return -EINVAL;
    const struct slot *slot = &sb->slots[cmd->slot];
    int rc =
        cgroup_prepare(sb->cgroups, cmd->slot, cmd->limits.memory_kb * 1024, cmd->limits.processes);
    if (rc == -EBUSY) {
        /* The group already holds more than the limit: the program's own image, written by the
         * compiler into the slot's tmpfs, is larger than the memory it may use. */
        res->status = SANDBOX_MEMORY_LIMIT;
        res->memory_kb = cmd->limits.memory_kb;
        return 0;
    }
    if (rc)
        return rc;

    int out[2] = {-1, -1}, err[2] = {-1, -1}, sv[2] = {-1, -1}, listener = -1;
    struct watch w = {.pid = -1, .pidfd = -1};
    if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0 ||
        socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
        rc = -errno;
        goto out;
    }
    fcntl(out[0], F_SETPIPE_SZ, 1 << 20); /* fewer wake-ups for big outputs */
    fcntl(out[0], F_SETFL, O_NONBLOCK);
    fcntl(err[0], F_SETFL, O_NONBLOCK);

    struct child_ctx ctx = {
        .slot = slot,
        .cmd = cmd,
        .bpf = &sb->policies[cmd->policy],
        .netns_fd = sb->netns_fd,
        .in_fd = cmd->stdin_fd,
        .out_fd = out[1],
        .err_fd = err[1],
        .sock = sv[1],
    };
    cgroup_procs_fds(sb->cgroups, cmd->slot, ctx.cg_fds);

    uint64_t start = now_us();
    struct clone_args ca = {
        .flags = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_PIDFD,
        .pidfd = (uint64_t)(uintptr_t)&w.pidfd,
        .exit_signal = SIGCHLD,
    };
    long pid = syscall(SYS_clone3, &ca, sizeof(ca));
    if (pid < 0) {
        rc = -errno;
        goto out;
    }
    if (pid == 0)
        box_inside(&ctx);
    w.pid = (pid_t)pid;
    close(out[1]);
    close(err[1]);
    close(sv[1]);
    out[1] = err[1] = sv[1] = -1;

    struct child_msg fail = {0, 0};
    rc = recv_listener(sv[0], &listener, &fail);
    if (rc == 0)
        supervise(&w, cmd, out[0], err[0], listener, res, start);
    else
        kill_run(&w, SANDBOX_SIGNALED);

    int status = 0;
    struct rusage ru;
    while (wait4(w.pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            rc = rc ? rc : -errno;
            goto out;
        }
    }
    res->wall_ms = (unsigned)((now_us() - start) / 1000);
    if (rc) {
        /* The sandbox failed before the program ran: the judge's fault, with the step named. */
        errno = fail.err;
        rc = -(fail.err ? fail.err : EIO);
        snprintf(res->syscall, sizeof(res->syscall), "%s",
                 fail.step > 0 && fail.step <= STEP_EXEC ? step_names[fail.step] : "starting");
        goto out;
    }
    /* An exec that failed after the filter was loaded reports on the socket too. */
    struct child_msg late;
    if (recv(sv[0], &late, sizeof(late), MSG_DONTWAIT) == (ssize_t)sizeof(late)) {
        rc = -(late.err ? late.err : EIO);
        snprintf(res->syscall, sizeof(res->syscall), "%s", step_names[STEP_EXEC]);
        goto out;
    }
    res->cpu_ms = (unsigned)((ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
                             (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000);
    res->memory_kb = (uint64_t)ru.ru_maxrss;
    uint64_t peak = 0;
    bool oom = false;
    rc = cgroup_collect(sb->cgroups, cmd->slot, &peak, &oom);
    if (rc)
        goto out;
    classify(res, &w, status, &cmd->limits, oom, peak, cgroup_mode_of(sb->cgroups) != CGROUP_NONE);
out:
    for (int i = 0; i < 2; i++) {
        if (out[i] >= 0)
            close(out[i]);
        if (err[i] >= 0)
            close(err[i]);
        if (sv[i] >= 0)
            close(sv[i]);
    }
    if (listener >= 0)
        close(listener);
    if (w.pidfd >= 0)
        close(w.pidfd);
    return rc;
}

void sandbox_result_release(struct sandbox_result *res)
{
    if (!res)
        return;
    strbuf_release(&res->out);
    strbuf_release(&res->err);
}
