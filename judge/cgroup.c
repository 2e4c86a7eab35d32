/*
 * Control groups for the sandbox. Each slot (one run at a time) owns a group that is created once
 * and reused: before a run its limits are set, its peak reset and its OOM count noted; after it
 * the peak and the OOM count are read.
 *
 * cgroup v2. The rule that shapes everything: a group may hand controllers to its children only
 * while it holds no process itself (the root excepted). judged's own group (a systemd service, a
 * container's root, a login session) holds judged and often its parent too, so at open judged
 * moves every process of that group into a leaf, judged-leaf, enables memory and pids (and cpu,
 * where offered) for the group's children, and builds judged-PID/slotN beside the leaf. A judged
 * started later from a process in that leaf builds beside it, in the leaf's parent. A run is
 * created straight into its slot with clone3's CLONE_INTO_CGROUP (the sandbox takes the slot's
 * directory from cgroup_dir_fd), so no process is ever moved per run; a kernel without clone3
 * gets the v1 way. The peak: memory.peak can be reset (per open descriptor) since Linux 6.12;
 * before, the group's memory.events "max" count says whether the run reached its limit, which is
 * all the verdict needs (the reported memory is the process's own peak RSS, from wait4).
 * memory.oom.group kills the whole run at an OOM, memory.swap.max 0 keeps its memory in RAM.
 *
 * cgroup v1: one tree under the memory hierarchy and one under pids, same names, no leaf needed.
 * A child joins its slot by writing "0" into the groups' cgroup.procs before it drops its
 * privileges: the move costs the child, not judged, but it costs (up to an RCU grace period).
 */
#define _GNU_SOURCE
#include "cgroup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* v2: the leaf every process of judged's own group moves into (see above). */
#define LEAF_NAME "judged-leaf"
/* v2: how often the leaf is refilled while processes of the group keep forking. */
#define EVACUATE_ROUNDS 8

enum peak_kind {
    PEAK_RESET,  /* v1 max_usage_in_bytes, v2 memory.peak of Linux 6.12+: reset before a run */
    PEAK_EVENTS, /* v2 before 6.12: only whether the limit was reached (memory.events "max") */
};

struct slot {
    char mem_dir[PATH_MAX];
    char pids_dir[PATH_MAX];
    int dir; /* v2: the group's directory, for CLONE_INTO_CGROUP */
    int mem_procs, pids_procs;
    int mem_limit, pids_max;
    int peak;    /* v2 memory.peak, v1 memory.max_usage_in_bytes; -1 with PEAK_EVENTS */
    int events;  /* v2 memory.events, v1 memory.oom_control */
    int usage;   /* v2 memory.current, v1 memory.usage_in_bytes */
    int reclaim; /* v2 memory.reclaim (Linux 5.19+, else -1), v1 memory.force_empty */
    uint64_t limit_set;
    unsigned pids_set;
    uint64_t oom_before;
    uint64_t max_before; /* v2: memory.events "max" before the run */
};

struct cgroup_set {
    enum cgroup_mode mode;
    enum peak_kind peak;
    char mem_base[PATH_MAX];
    char pids_base[PATH_MAX];
    char enable[64]; /* v2: what judged-PID enables for the slots ("+memory +pids") */
    int nslots;
    struct slot *slots;
};

const char *cgroup_mode_name(enum cgroup_mode mode)
{
    switch (mode) {
    case CGROUP_V2:
        return "cgroup2";
    case CGROUP_V1:
        return "cgroup1";
    case CGROUP_NONE:
        return "rlimit";
    default:
        return "auto";
    }
}

enum cgroup_mode cgroup_mode_of(const cgroup_set *set)
{
    return set ? set->mode : CGROUP_NONE;
}

static int write_str(const char *path, const char *s)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    ssize_t n = write(fd, s, strlen(s));
    int rc = n < 0 ? -errno : 0;
    close(fd);
    return rc;
}

static int fd_write(int fd, const char *s)
{
    if (fd < 0)
        return 0;
    return write(fd, s, strlen(s)) < 0 ? -errno : 0;
}

static int fd_read_u64(int fd, uint64_t *v)
{
    char buf[64];
    ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
    if (n <= 0)
        return n < 0 ? -errno : -EIO;
    buf[n] = '\0';
    *v = strtoull(buf, NULL, 10);
    return 0;
}

/* The value of `key` in a flat keyed file ("oom_kill 3"). */
static uint64_t fd_read_key(int fd, const char *key)
{
    char buf[1024];
    ssize_t n = fd < 0 ? -1 : pread(fd, buf, sizeof(buf) - 1, 0);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    size_t kl = strlen(key);
    for (char *line = buf; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
        if (!strncmp(line, key, kl) && line[kl] == ' ')
            return strtoull(line + kl + 1, NULL, 10);
    return 0;
}

/*** Finding the hierarchies ***/

/* Is `word` one of the comma-separated words of `list`? */
static bool has_word(const char *list, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = list; p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
        if (!strncmp(p, word, wl) && (p[wl] == ',' || p[wl] == '\0' || p[wl] == '\n'))
            return true;
    return false;
}

/*
 * The directory of this process's own group in the hierarchy that has controller `ctl` (v1) or the
 * unified one (ctl NULL): the mount point joined with our path below the mount's root.
 */
static int own_group_dir(const char *ctl, char *out, size_t size)
{
    FILE *mi = fopen("/proc/self/mountinfo", "re");
    if (!mi)
        return -errno;
    char line[4096], mnt[PATH_MAX] = "", root[PATH_MAX] = "";
    while (fgets(line, sizeof(line), mi)) {
        char r[PATH_MAX], m[PATH_MAX];
        if (sscanf(line, "%*s %*s %*s %4095s %4095s", r, m) != 2)
            continue;
        char *dash = strstr(line, " - ");
        if (!dash)
            continue;
        char fstype[64], src[256], opts[1024];
        if (sscanf(dash + 3, "%63s %255s %1023s", fstype, src, opts) != 3)
            continue;
        bool match =
            ctl ? (!strcmp(fstype, "cgroup") && has_word(opts, ctl)) : !strcmp(fstype, "cgroup2");
        if (match) {
            snprintf(mnt, sizeof(mnt), "%s", m);
            snprintf(root, sizeof(root), "%s", r);
            break;
        }
    }
    fclose(mi);
    if (!mnt[0])
        return -ENODEV;

    FILE *cg = fopen("/proc/self/cgroup", "re");
    if (!cg)
        return -errno;
    char path[PATH_MAX] = "";
    while (fgets(line, sizeof(line), cg)) {
        char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        if (!c2)
            continue;
        *c2 = '\0';
        bool match = ctl ? has_word(c1 + 1, ctl) : (line[0] == '0' && c1[1] == '\0');
        if (match) {
            snprintf(path, sizeof(path), "%s", c2 + 1);
            path[strcspn(path, "\n")] = '\0';
            break;
        }
    }
    fclose(cg);
    if (!path[0])
        return -ENODEV;
    const char *rel = path;
    size_t rl = strlen(root);
    if (strcmp(root, "/") && !strncmp(path, root, rl))
        rel = path + rl;
    if (snprintf(out, size, "%s%s", mnt, strcmp(rel, "/") ? rel : "") >= (int)size)
        return -ENAMETOOLONG;
    return 0;
}

/*
 * Is `name` a group a judge made: judged-PID (or judged-PID-supervisor, the leaf of older
 * judges)? *pid gets PID.
 */
static bool judge_group_name(const char *name, long *pid)
{
    if (strncmp(name, "judged-", 7))
        return false;
    char *end;
    *pid = strtol(name + 7, &end, 10);
    return *pid > 0 && end != name + 7 && (!*end || !strcmp(end, "-supervisor"));
}

/* Removes the empty groups of judges killed earlier (their slots first). */
static void sweep_stale(const char *base)
{
    DIR *d = opendir(base);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        long pid;
        if (!judge_group_name(e->d_name, &pid))
            continue;
        /* Another judged that is still running keeps its groups. */
        if (kill((pid_t)pid, 0) == 0 || errno == EPERM)
            continue;
        char dir[PATH_MAX];
        snprintf(dir, sizeof(dir), "%s/%s", base, e->d_name);
        DIR *sub = opendir(dir);
        if (sub) {
            struct dirent *s;
            while ((s = readdir(sub))) {
                if (!strncmp(s->d_name, "slot", 4)) {
                    char p[PATH_MAX + 300];
                    snprintf(p, sizeof(p), "%s/%s", dir, s->d_name);
                    rmdir(p);
                }
            }
            closedir(sub);
        }
        rmdir(dir);
    }
    closedir(d);
}

/*** cgroup v2: the leaf and the controllers ***/

/* Moves every process of group `dir` into its leaf; a process that exited meanwhile is no error. */
static int evacuate(const char *dir)
{
    char leaf[PATH_MAX + 32], p[PATH_MAX + 64];
    snprintf(leaf, sizeof(leaf), "%s/" LEAF_NAME, dir);
    if (mkdir(leaf, 0755) < 0 && errno != EEXIST)
        return -errno;
    snprintf(p, sizeof(p), "%s/cgroup.procs", dir);
    FILE *f = fopen(p, "re");
    if (!f)
        return -errno;
    snprintf(p, sizeof(p), "%s/cgroup.procs", leaf);
    int to = open(p, O_WRONLY | O_CLOEXEC);
    if (to < 0) {
        int rc = -errno;
        fclose(f);
        return rc;
    }
    int rc = 0;
    char line[32];
    while (!rc && fgets(line, sizeof(line), f)) {
        /* One pid per write(2): the kernel takes one and reports its own error for it. */
        line[strcspn(line, "\n")] = '\0';
        if (line[0] && write(to, line, strlen(line)) < 0 && errno != ESRCH)
            rc = -errno;
    }
    fclose(f);
    close(to);
    return rc;
}

/*
 * Enables the controllers for the children of `dir` (which must then hold no process): memory,
 * pids where the kernel has it, and cpu where offered (each run its own scheduling entity; not
 * needed, so a refusal is ignored). `what` gets what was enabled.
 */
static int enable_controllers(const char *dir, const char *ctl, char *what, size_t size)
{
    char p[PATH_MAX + 64];
    snprintf(p, sizeof(p), "%s/cgroup.subtree_control", dir);
    snprintf(what, size, "%s", has_word(ctl, "pids") ? "+memory +pids" : "+memory");
    int rc = write_str(p, what);
    if (!rc && has_word(ctl, "cpu"))
        (void)write_str(p, "+cpu");
    return rc;
}

/* The controllers the group `dir` may enable for its children, as "a,b,c". */
static int read_controllers(const char *dir, char *ctl, size_t size)
{
    char p[PATH_MAX + 64];
    snprintf(p, sizeof(p), "%s/cgroup.controllers", dir);
    FILE *f = fopen(p, "re");
    if (!f)
        return -errno;
    if (!fgets(ctl, (int)size, f))
        ctl[0] = '\0';
    fclose(f);
    ctl[strcspn(ctl, "\n")] = '\0';
    for (char *t = ctl; *t; t++)
        if (*t == ' ')
            *t = ',';
    return 0;
}

static int setup_v2(cgroup_set *set)
{
    char base[PATH_MAX], ctl[512];
    int rc = own_group_dir(NULL, base, sizeof(base));
    if (rc)
        return rc;
    /* Started from inside a leaf (ours or another judge's): build beside it. */
    char *slash = strrchr(base, '/');
    if (slash && !strcmp(slash + 1, LEAF_NAME))
        *slash = '\0';
    if ((rc = read_controllers(base, ctl, sizeof(ctl))))
        return rc;
    if (!has_word(ctl, "memory"))
        return -ENODEV;
    sweep_stale(base);
    /*
     * No internal processes: until the group is empty, move its processes into the leaf. A few
     * rounds, for processes forked while the previous round moved their parents.
     */
    char what[64];
    rc = enable_controllers(base, ctl, what, sizeof(what));
    for (int round = 0; rc == -EBUSY && round < EVACUATE_ROUNDS; round++) {
        if ((rc = evacuate(base)))
            return rc;
        rc = enable_controllers(base, ctl, what, sizeof(what));
    }
    if (rc)
        return rc;
    snprintf(set->mem_base, sizeof(set->mem_base), "%s/judged-%d", base, (int)getpid());
    if (mkdir(set->mem_base, 0755) < 0 && errno != EEXIST)
        return -errno;
    if ((rc = read_controllers(set->mem_base, ctl, sizeof(ctl))))
        return rc;
    rc = enable_controllers(set->mem_base, ctl, set->enable, sizeof(set->enable));
    return rc;
}

static int setup_v1(cgroup_set *set)
{
    char own[PATH_MAX];
    int rc = own_group_dir("memory", own, sizeof(own));
    if (rc)
        return rc;
    sweep_stale(own);
    snprintf(set->mem_base, sizeof(set->mem_base), "%s/judged-%d", own, (int)getpid());
    if (mkdir(set->mem_base, 0755) < 0 && errno != EEXIST)
        return -errno;
    if (own_group_dir("pids", own, sizeof(own)) == 0) {
        sweep_stale(own);
        snprintf(set->pids_base, sizeof(set->pids_base), "%s/judged-%d", own, (int)getpid());
        if (mkdir(set->pids_base, 0755) < 0 && errno != EEXIST)
            set->pids_base[0] = '\0';
    }
    return 0;
}

/*** Slots ***/

static int open_at(const char *dir, const char *file, int flags)
{
    char p[PATH_MAX + 64];
    snprintf(p, sizeof(p), "%s/%s", dir, file);
    return open(p, flags | O_CLOEXEC);
}

static void slot_close_fds(struct slot *s)
{
    int *fds[] = {&s->dir,  &s->mem_procs, &s->pids_procs, &s->mem_limit, &s->pids_max,
                  &s->peak, &s->events,    &s->usage,      &s->reclaim};
    for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
        if (*fds[i] >= 0)
            close(*fds[i]);
        *fds[i] = -1;
    }
}

/* Writes `value` into the group's `file` once, at creation; the file may not exist. */
static void set_once(const char *dir, const char *file, const char *value)
{
    int fd = open_at(dir, file, O_WRONLY);
    if (fd >= 0) {
        (void)fd_write(fd, value);
        close(fd);
    }
}

static int slot_open(cgroup_set *set, struct slot *s)
{
    if (mkdir(s->mem_dir, 0755) < 0 && errno != EEXIST)
        return -errno;
    if (set->mode == CGROUP_V2) {
        s->dir = open_at(s->mem_dir, ".", O_RDONLY | O_DIRECTORY);
        s->mem_procs = open_at(s->mem_dir, "cgroup.procs", O_WRONLY);
        s->mem_limit = open_at(s->mem_dir, "memory.max", O_WRONLY);
        s->pids_max = open_at(s->mem_dir, "pids.max", O_WRONLY);
        s->events = open_at(s->mem_dir, "memory.events", O_RDONLY);
        s->usage = open_at(s->mem_dir, "memory.current", O_RDONLY);
        s->reclaim = open_at(s->mem_dir, "memory.reclaim", O_WRONLY);
        if (set->peak == PEAK_RESET)
            s->peak = open_at(s->mem_dir, "memory.peak", O_RDWR);
        /* A judged program never swaps: that would hide its memory. */
        set_once(s->mem_dir, "memory.swap.max", "0");
        /* An OOM kill takes the whole run, not one of its threads' processes at random. */
        set_once(s->mem_dir, "memory.oom.group", "1");
        if (s->dir < 0 || s->mem_procs < 0 || s->mem_limit < 0 || s->events < 0 ||
            (set->peak == PEAK_RESET && s->peak < 0))
            return -errno ? -errno : -EIO;
    } else {
        s->mem_procs = open_at(s->mem_dir, "cgroup.procs", O_WRONLY);
        s->mem_limit = open_at(s->mem_dir, "memory.limit_in_bytes", O_WRONLY);
        s->peak = open_at(s->mem_dir, "memory.max_usage_in_bytes", O_RDWR);
        s->events = open_at(s->mem_dir, "memory.oom_control", O_RDONLY);
        s->usage = open_at(s->mem_dir, "memory.usage_in_bytes", O_RDONLY);
        s->reclaim = open_at(s->mem_dir, "memory.force_empty", O_WRONLY);
        if (s->mem_procs < 0 || s->mem_limit < 0 || s->peak < 0)
            return -errno ? -errno : -EIO;
        if (set->pids_base[0]) {
            if (mkdir(s->pids_dir, 0755) < 0 && errno != EEXIST)
                return -errno;
            s->pids_procs = open_at(s->pids_dir, "cgroup.procs", O_WRONLY);
            s->pids_max = open_at(s->pids_dir, "pids.max", O_WRONLY);
        }
    }
    s->limit_set = 0;
    s->pids_set = 0;
    return 0;
}

/*
 * Gives back what an earlier use of the group left charged to it: the page cache of the files the
 * compiler read (its libraries: rustc's are hundreds of MiB) and of the last run's reads. Left
 * there, that cache fills the group up to the next run's limit, the kernel reclaims it at the
 * limit, and the run is seen to reach its limit (v1 peak, v2 "max" events): a program that
 * failed for another reason (a thread it could not start) would get MLE. The program's own image
 * in the slot's tmpfs cannot be reclaimed (no swap) and stays charged, as it should. v1
 * force_empty needs a group with no task, which a slot is between runs; a v2 kernel before 5.19
 * has no memory.reclaim, and setting the limit reclaims down to it then. Best effort: a failure
 * changes nothing but the cache.
 */
static void slot_reclaim(enum cgroup_mode mode, struct slot *s)
{
    uint64_t used = 0;
    if (s->reclaim < 0 || s->usage < 0 || fd_read_u64(s->usage, &used) || used == 0)
        return;
    char buf[32];
    /* v1's force_empty takes any value; v2's reclaim takes how much to give back. */
    snprintf(buf, sizeof(buf), "%" PRIu64, mode == CGROUP_V1 ? 0 : used);
    (void)fd_write(s->reclaim, buf);
}

/*
 * v2: can memory.peak be reset? Since Linux 6.12 a write resets it for the descriptor written to;
 * before, the file is read-only (or, before 5.19, missing).
 */
static enum peak_kind probe_peak(const struct slot *s)
{
    int fd = open_at(s->mem_dir, "memory.peak", O_RDWR);
    if (fd < 0)
        return PEAK_EVENTS;
    enum peak_kind k = fd_write(fd, "0") == 0 ? PEAK_RESET : PEAK_EVENTS;
    close(fd);
    return k;
}

static void remove_dirs(cgroup_set *set)
{
    for (int i = 0; i < set->nslots; i++) {
        slot_close_fds(&set->slots[i]);
        if (set->slots[i].mem_dir[0])
            rmdir(set->slots[i].mem_dir);
        if (set->slots[i].pids_dir[0])
            rmdir(set->slots[i].pids_dir);
    }
    if (set->mem_base[0])
        rmdir(set->mem_base);
    if (set->pids_base[0])
        rmdir(set->pids_base);
}

static int try_mode(cgroup_set *set, enum cgroup_mode mode)
{
    set->mode = mode;
    set->peak = PEAK_RESET;
    set->mem_base[0] = set->pids_base[0] = '\0';
    int rc = mode == CGROUP_V2 ? setup_v2(set) : setup_v1(set);
    for (int i = 0; !rc && i < set->nslots; i++) {
        struct slot *s = &set->slots[i];
        snprintf(s->mem_dir, sizeof(s->mem_dir), "%s/slot%d", set->mem_base, i);
        if (set->pids_base[0])
            snprintf(s->pids_dir, sizeof(s->pids_dir), "%s/slot%d", set->pids_base, i);
        if (i == 0 && mode == CGROUP_V2) {
            if (mkdir(s->mem_dir, 0755) < 0 && errno != EEXIST) {
                rc = -errno;
                break;
            }
            set->peak = probe_peak(s);
        }
        rc = slot_open(set, s);
    }
    if (rc) {
        remove_dirs(set);
        for (int i = 0; i < set->nslots; i++)
            set->slots[i].mem_dir[0] = set->slots[i].pids_dir[0] = '\0';
    }
    return rc;
}

int cgroup_open(enum cgroup_mode want, int slots, cgroup_set **out)
{
    if (slots <= 0)
        return -EINVAL;
    cgroup_set *set = calloc(1, sizeof(*set));
    if (!set)
        return -ENOMEM;
    set->slots = calloc((size_t)slots, sizeof(*set->slots));
    if (!set->slots) {
        free(set);
        return -ENOMEM;
    }
    set->nslots = slots;
    for (int i = 0; i < slots; i++) {
        struct slot *s = &set->slots[i];
        s->dir = s->mem_procs = s->pids_procs = s->mem_limit = s->pids_max = s->peak = s->events =
            s->usage = s->reclaim = -1;
    }
    int rc = 0;
    if (want == CGROUP_AUTO) {
        if (try_mode(set, CGROUP_V2) && try_mode(set, CGROUP_V1))
            set->mode = CGROUP_NONE;
    } else if (want == CGROUP_V2 || want == CGROUP_V1) {
        rc = try_mode(set, want) ? -ENODEV : 0;
    } else {
        set->mode = CGROUP_NONE;
    }
    if (rc) {
        cgroup_close(set);
        return rc;
    }
    *out = set;
    return 0;
}

void cgroup_close(cgroup_set *set)
{
    if (!set)
        return;
    if (set->mode != CGROUP_NONE)
        remove_dirs(set);
    free(set->slots);
    free(set);
}

/*
 * Someone removed the slot's group (an administrator, a stale-group sweep of an older judge): make
 * it again, and judged-PID with it, rather than fail every run from now on.
 */
static int slot_remake(cgroup_set *set, struct slot *s)
{
    slot_close_fds(s);
    const char *bases[] = {set->mem_base, set->pids_base};
    for (int i = 0; i < 2; i++) {
        if (!bases[i][0] || mkdir(bases[i], 0755) == 0 || errno == EEXIST)
            continue;
        return -errno;
    }
    if (set->mode == CGROUP_V2) {
        char p[PATH_MAX + 64];
        snprintf(p, sizeof(p), "%s/cgroup.subtree_control", set->mem_base);
        int rc = write_str(p, set->enable);
        if (rc)
            return rc;
    }
    return slot_open(set, s);
}

int cgroup_prepare(cgroup_set *set, int slot, uint64_t memory_bytes, unsigned pids)
{
    if (!set || set->mode == CGROUP_NONE)
        return 0;
    if (slot < 0 || slot >= set->nslots)
        return -EINVAL;
    struct slot *s = &set->slots[slot];
    int rc;
    struct stat st;
    if (stat(s->mem_dir, &st) < 0 || (s->pids_dir[0] && stat(s->pids_dir, &st) < 0)) {
        if ((rc = slot_remake(set, s)))
            return rc;
    }
    slot_reclaim(set->mode, s);
    char buf[32];
    if (s->limit_set != memory_bytes) {
        snprintf(buf, sizeof(buf), "%" PRIu64, memory_bytes);
        rc = fd_write(s->mem_limit, buf);
        if (rc)
            return rc;
        s->limit_set = memory_bytes;
    }
    if (s->pids_set != pids) {
        snprintf(buf, sizeof(buf), "%u", pids);
        rc = fd_write(s->pids_max, buf);
        if (rc)
            return rc;
        s->pids_set = pids;
    }
    if (s->peak >= 0) {
        rc = fd_write(s->peak, "0");
        if (rc)
            return rc;
    }
    s->oom_before = fd_read_key(s->events, "oom_kill");
    if (set->mode == CGROUP_V2)
        s->max_before = fd_read_key(s->events, "max");
    return 0;
}

int cgroup_dir_fd(const cgroup_set *set, int slot)
{
    if (!set || set->mode != CGROUP_V2 || slot < 0 || slot >= set->nslots)
        return -1;
    return set->slots[slot].dir;
}

void cgroup_procs_fds(const cgroup_set *set, int slot, int fds[2])
{
    fds[0] = fds[1] = -1;
    if (!set || set->mode == CGROUP_NONE || slot < 0 || slot >= set->nslots)
        return;
    fds[0] = set->slots[slot].mem_procs;
    fds[1] = set->slots[slot].pids_procs;
}

int cgroup_collect(cgroup_set *set, int slot, uint64_t *peak, bool *oom_killed)
{
    *peak = 0;
    *oom_killed = false;
    if (!set || set->mode == CGROUP_NONE)
        return 0;
    if (slot < 0 || slot >= set->nslots)
        return -EINVAL;
    struct slot *s = &set->slots[slot];
    if (s->peak >= 0) {
        int rc = fd_read_u64(s->peak, peak);
        if (rc)
            return rc;
    } else if (fd_read_key(s->events, "max") > s->max_before) {
        *peak = s->limit_set; /* no peak to read, but it reached its limit */
    }
    *oom_killed = fd_read_key(s->events, "oom_kill") > s->oom_before;
    return 0;
}
