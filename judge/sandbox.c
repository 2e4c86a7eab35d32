/*
 * The sandbox: theory of operation.
 *
 * Opening the sandbox (once per process, before threads):
 *   - judged moves into a mount namespace of its own (slave to the host's), so its mounts vanish
 *     with it and never show on the host;
 *   - each slot gets a tmpfs (its /box, read-only to the program, and its /tmp, the only writable
 *     place, noexec) and a root tree: a read-only tmpfs holding /usr bound read-only and nosuid,
 *     the usual /bin /lib links, five device nodes, /box, /tmp and an empty /data. No /etc, no
 *     /proc, nothing of the host's or the judge's data;
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
 * box_inside(): join the cgroup, mount /data when asked, enter the working folder, wire
 * stdin/stdout/stderr, set rlimits, drop to the slot's uid and gid, set no_new_privs, close every
 * other descriptor, load the seccomp filter, hand the filter's listener to judged on the report
 * socket and execve the program. judged meanwhile collects stdout and stderr through pipes with
 * caps, answers seccomp notifications by killing the run and naming the call, enforces CPU time
 * (per millisecond, from the process CPU clock) and wall time, and reaps the child with wait4 for
 * its CPU time and peak RSS.
 */
#define _GNU_SOURCE
#include "sandbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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

struct sandbox {
    char workdir[PATH_MAX];
    int nslots;
    struct slot *slots;
    int netns_fd;
    cgroup_set *cgroups;
    struct policy_bpf policies[POLICY__COUNT];
    char mode[64];
};

/* What the child, or the zygote about it, reports on the report socket when a step fails. */
enum child_step {
    STEP_SPAWN = 1, /* the zygote: clone failed, or the child died without a word */
    STEP_CGROUP,
    STEP_MOUNT_DATA,
    STEP_CWD,
    STEP_FDS,
    STEP_RLIMITS,
    STEP_CREDENTIALS,
    STEP_SECCOMP,
    STEP_LISTENER,
    STEP_EXEC,
};

static const char *const step_names[] = {
    [STEP_SPAWN] = "starting",
    [STEP_CGROUP] = "joining the cgroup",
    [STEP_MOUNT_DATA] = "mounting /data",
    [STEP_CWD] = "entering the working folder",
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
    unsigned uid_base = cfg->uid_base ? cfg->uid_base : 60000;
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
    /* Last: each zygote takes a copy of all the above. */
    for (int i = 0; i < sb->nslots; i++)
        if ((rc = zygote_start(sb, &sb->slots[i])))
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
    for (int i = 0; sb->slots && i < sb->nslots; i++)
        zygote_stop(&sb->slots[i]);
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
        free(s->req);
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
        child_fail(c, STEP_CGROUP);
    if (setup_mount_data(c) < 0)
        child_fail(c, STEP_MOUNT_DATA);
    if (chdir(c->cwd) < 0)
        child_fail(c, STEP_CWD);
    if (setup_fds(c) < 0)
        child_fail(c, STEP_FDS);
    if (setup_rlimits(c) < 0)
        child_fail(c, STEP_RLIMITS);
    if (setup_credentials(c) < 0)
        child_fail(c, STEP_CREDENTIALS);
    size_t n = strlen(c->argv[0]);
    if (n >= sizeof(exec_path)) {
        errno = ENAMETOOLONG;
        child_fail(c, STEP_EXEC);
    }
    memcpy(exec_path, c->argv[0], n + 1);
    int listener = (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
                                SECCOMP_FILTER_FLAG_NEW_LISTENER, &c->bpf->prog);
    if (listener < 0)
        child_fail(c, STEP_SECCOMP);
    if (pass_fd(c->fds[FD_REPORT], listener) < 0)
        child_fail(c, STEP_LISTENER);
    c->reported = true;
    close(listener);
    execve(exec_path, c->argv, c->envp);
    child_fail(c, STEP_EXEC);
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
    struct child_msg m = {STEP_SPAWN, E2BIG, 0};
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
    *q = (struct zygote_req){.policy = (uint32_t)cmd->policy, .limits = cmd->limits};
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
        *pid = m.step == STEP_SPAWN ? m.pid : sender;
        *fail = m;
    } else {
        fail->step = STEP_SPAWN;
        fail->err = 0;
    }
    if (!fail->err)
        fail->err = EPIPE; /* the child, or the zygote, died before it could say anything */
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
    struct slot *slot = &sb->slots[cmd->slot];
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

    int out[2] = {-1, -1}, err[2] = {-1, -1}, sv[2] = {-1, -1}, data = -1, listener = -1;
    struct watch w = {.pid = 0, .pidfd = -1};
    struct child_msg fail = {0, 0, 0};
    int one = 1;
    if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0 ||
        socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0 ||
        setsockopt(sv[0], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)) < 0) {
        rc = -errno;
        goto out;
    }
    fcntl(out[0], F_SETPIPE_SZ, 1 << 20); /* fewer wake-ups for big outputs */
    fcntl(out[0], F_SETFL, O_NONBLOCK);
    fcntl(err[0], F_SETFL, O_NONBLOCK);
    if (cmd->data_dir && (data = data_tree(cmd->data_dir)) < 0) {
        rc = data;
        fail.step = STEP_MOUNT_DATA;
        goto out;
    }

    int fds[FD__COUNT] = {[FD_OUT] = out[1],
                          [FD_ERR] = err[1],
                          [FD_REPORT] = sv[1],
                          [FD_IN] = cmd->stdin_fd,
                          [FD_DATA] = data};
    int cg[2];
    cgroup_procs_fds(sb->cgroups, cmd->slot, cg);
    fds[FD_CG_MEM] = cg[0];
    fds[FD_CG_PIDS] = cg[1];
    fds[FD_CG_DIR] = cgroup_dir_fd(sb->cgroups, cmd->slot);
    uint64_t start = now_us();
    /* A zygote that is gone (killed from outside) is replaced, here and at most once a run. Its
     * code after fork calls only what is safe in the child of a threaded process. */
    rc = slot->zsock < 0 ? -EPIPE : zygote_send(slot, cmd, fds);
    if (rc == -EPIPE || rc == -ECONNREFUSED) {
        zygote_stop(slot);
        rc = zygote_start(sb, slot);
        if (!rc)
            rc = zygote_send(slot, cmd, fds);
    }
    /* The zygote and the child hold their own copies now: the run ends with the last writer. */
    close(out[1]);
    close(err[1]);
    close(sv[1]);
    out[1] = err[1] = sv[1] = -1;
    if (rc) {
        fail.step = STEP_SPAWN;
        goto out;
    }
    rc = recv_first(sv[0], &listener, &w.pid, &fail);
    if (rc && w.pid <= 0 && fail.err == EPIPE)
        zygote_stop(
            slot); /* not a word from it: it died with the request, the next run replaces it */
    if (w.pid > 0 && (w.pidfd = pidfd_open(w.pid, 0)) < 0 && !rc) {
        rc = -errno;
        fail.step = STEP_SPAWN;
        fail.err = -rc;
    }
    if (w.pid <= 0) {
        if (!rc)
            rc = -EPROTO; /* a listener from no one: not possible, unless judged is confused */
        goto failed;
    }
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
failed:
    if (rc) {
        /* The sandbox failed before the program ran: the judge's fault, with the step named. */
        rc = -(fail.err ? fail.err : EIO);
        goto out;
    }
    /* An exec that failed after the filter was loaded reports on the socket too. */
    struct child_msg late;
    if (recv(sv[0], &late, sizeof(late), MSG_DONTWAIT) == (ssize_t)sizeof(late)) {
        rc = -(late.err ? late.err : EIO);
        fail.step = STEP_EXEC;
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
    if (rc && fail.step > 0 && fail.step <= STEP_EXEC)
        snprintf(res->syscall, sizeof(res->syscall), "%s", step_names[fail.step]);
    for (int i = 0; i < 2; i++) {
        if (out[i] >= 0)
            close(out[i]);
        if (err[i] >= 0)
            close(err[i]);
        if (sv[i] >= 0)
            close(sv[i]);
    }
    if (data >= 0)
        close(data);
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
