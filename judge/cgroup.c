/*
 * Control groups for the sandbox. Each slot (one run at a time) owns a group that is created once
 * and reused: before a run its peak is reset, after it the peak and the OOM count are read. A child
 * joins its slot by writing "0" into the group's cgroup.procs before it drops privileges, so
 * joining costs the parent nothing.
 *
 * cgroup v2: groups live under judged-PID below this process's own group. If that group holds
 * processes (v2 forbids controllers there), judged moves itself into judged-PID-supervisor first.
 * cgroup v1: one tree under the memory hierarchy and one under pids, same names.
 */
#define _GNU_SOURCE
#include "cgroup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct slot {
    char mem_dir[PATH_MAX];
    char pids_dir[PATH_MAX];
    int mem_procs, pids_procs;
    int mem_limit, pids_max;
    int peak;   /* v2 memory.peak (resettable per fd), v1 memory.max_usage_in_bytes */
    int events; /* v2 memory.events, v1 memory.oom_control */
    uint64_t limit_set;
    unsigned pids_set;
    uint64_t oom_before;
};

struct cgroup_set {
    enum cgroup_mode mode;
    bool peak_recreate; /* v2 without a resettable memory.peak: a new group per run */
    char mem_base[PATH_MAX];
    char pids_base[PATH_MAX];
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

/* Removes empty judged-* groups that a judge killed earlier left behind. */
static void sweep_stale(const char *base)
{
    DIR *d = opendir(base);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, "judged-", 7))
            continue;
        /* Another judged that is still running keeps its groups. */
        long pid = strtol(e->d_name + 7, NULL, 10);
        if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM))
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

/*** Slots ***/

static int open_at(const char *dir, const char *file, int flags)
{
    char p[PATH_MAX + 64];
    snprintf(p, sizeof(p), "%s/%s", dir, file);
    return open(p, flags | O_CLOEXEC);
}

static void slot_close_fds(struct slot *s)
{
    int *fds[] = {&s->mem_procs, &s->pids_procs, &s->mem_limit, &s->pids_max, &s->peak, &s->events};
    for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
        if (*fds[i] >= 0)
            close(*fds[i]);
        *fds[i] = -1;
    }
}

static int slot_open(cgroup_set *set, struct slot *s)
{
    if (mkdir(s->mem_dir, 0755) < 0 && errno != EEXIST)
        return -errno;
    if (set->mode == CGROUP_V2) {
        s->mem_procs = open_at(s->mem_dir, "cgroup.procs", O_WRONLY);
        s->mem_limit = open_at(s->mem_dir, "memory.max", O_WRONLY);
        s->pids_max = open_at(s->mem_dir, "pids.max", O_WRONLY);
        s->peak = open_at(s->mem_dir, "memory.peak", O_RDWR);
        s->events = open_at(s->mem_dir, "memory.events", O_RDONLY);
        int fd = open_at(s->mem_dir, "memory.swap.max", O_WRONLY);
        if (fd >= 0) {
            fd_write(fd, "0"); /* a judged program never swaps: that would hide its memory */
            close(fd);
        }
    } else {
        s->mem_procs = open_at(s->mem_dir, "cgroup.procs", O_WRONLY);
        s->mem_limit = open_at(s->mem_dir, "memory.limit_in_bytes", O_WRONLY);
        s->peak = open_at(s->mem_dir, "memory.max_usage_in_bytes", O_RDWR);
        s->events = open_at(s->mem_dir, "memory.oom_control", O_RDONLY);
        if (set->pids_base[0]) {
            if (mkdir(s->pids_dir, 0755) < 0 && errno != EEXIST)
                return -errno;
            s->pids_procs = open_at(s->pids_dir, "cgroup.procs", O_WRONLY);
            s->pids_max = open_at(s->pids_dir, "pids.max", O_WRONLY);
        }
    }
    if (s->mem_procs < 0 || s->mem_limit < 0 || s->peak < 0)
        return -errno ? -errno : -EIO;
    s->limit_set = 0;
    s->pids_set = 0;
    return 0;
}

static int setup_v2(cgroup_set *set)
{
    char own[PATH_MAX];
    int rc = own_group_dir(NULL, own, sizeof(own));
    if (rc)
        return rc;
    char p[PATH_MAX + 64];
    snprintf(p, sizeof(p), "%s/cgroup.controllers", own);
    FILE *f = fopen(p, "re");
    if (!f)
        return -errno;
    char ctl[512] = "";
    if (!fgets(ctl, sizeof(ctl), f))
        ctl[0] = '\0';
    fclose(f);
    for (char *t = ctl; *t; t++)
        if (*t == ' ')
            *t = ',';
    if (!has_word(ctl, "memory"))
        return -ENODEV;
    bool pids = has_word(ctl, "pids");
    sweep_stale(own);
    snprintf(set->mem_base, sizeof(set->mem_base), "%s/judged-%d", own, (int)getpid());
    if (mkdir(set->mem_base, 0755) < 0 && errno != EEXIST)
        return -errno;
    snprintf(p, sizeof(p), "%s/cgroup.subtree_control", own);
    const char *enable = pids ? "+memory +pids" : "+memory";
    rc = write_str(p, enable);
    if (rc == -EBUSY) {
        /* Our group holds processes (us): move ourselves into a leaf, then enable. */
        char sup[PATH_MAX + 64];
        snprintf(sup, sizeof(sup), "%s/judged-%d-supervisor", own, (int)getpid());
        if (mkdir(sup, 0755) < 0 && errno != EEXIST)
            return -errno;
        char procs[PATH_MAX + 128], pid[32];
        snprintf(procs, sizeof(procs), "%s/cgroup.procs", sup);
        snprintf(pid, sizeof(pid), "%d", (int)getpid());
        rc = write_str(procs, pid);
        if (!rc)
            rc = write_str(p, enable);
    }
    if (rc)
        return rc;
    snprintf(p, sizeof(p), "%s/cgroup.subtree_control", set->mem_base);
    return write_str(p, enable);
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
    set->mem_base[0] = set->pids_base[0] = '\0';
    int rc = mode == CGROUP_V2 ? setup_v2(set) : setup_v1(set);
    for (int i = 0; !rc && i < set->nslots; i++) {
        struct slot *s = &set->slots[i];
        snprintf(s->mem_dir, sizeof(s->mem_dir), "%s/slot%d", set->mem_base, i);
        if (set->pids_base[0])
            snprintf(s->pids_dir, sizeof(s->pids_dir), "%s/slot%d", set->pids_base, i);
        rc = slot_open(set, s);
    }
    if (!rc && mode == CGROUP_V2) {
        /* memory.peak can be reset per descriptor since Linux 6.12; before, a group per run. */
        set->peak_recreate = fd_write(set->slots[0].peak, "0") != 0;
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
        s->mem_procs = s->pids_procs = s->mem_limit = s->pids_max = s->peak = s->events = -1;
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

int cgroup_prepare(cgroup_set *set, int slot, uint64_t memory_bytes, unsigned pids)
{
    if (!set || set->mode == CGROUP_NONE)
        return 0;
    if (slot < 0 || slot >= set->nslots)
        return -EINVAL;
    struct slot *s = &set->slots[slot];
    int rc;
    /*
     * Someone removed the slot's group (an administrator, a stale-group sweep of an older
     * judge): make it again rather than fail every run from now on.
     */
    struct stat st;
    if (stat(s->mem_dir, &st) < 0 || (s->pids_dir[0] && stat(s->pids_dir, &st) < 0)) {
        slot_close_fds(s);
        char parent[PATH_MAX];
        const char *dirs[] = {s->mem_dir, s->pids_dir};
        for (int i = 0; i < 2; i++) {
            snprintf(parent, sizeof(parent), "%s", dirs[i]);
            char *slash = strrchr(parent, '/');
            if (dirs[i][0] && slash) {
                *slash = '\0';
                mkdir(parent, 0755);
            }
        }
        rc = slot_open(set, s);
        if (rc)
            return rc;
    }
    if (set->peak_recreate) {
        slot_close_fds(s);
        rmdir(s->mem_dir);
        rc = slot_open(set, s);
        if (rc)
            return rc;
    }
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
    if (!set->peak_recreate) {
        rc = fd_write(s->peak, "0");
        if (rc)
            return rc;
    }
    s->oom_before = fd_read_key(s->events, "oom_kill");
    return 0;
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
    int rc = fd_read_u64(s->peak, peak);
    if (rc)
        return rc;
    *oom_killed = fd_read_key(s->events, "oom_kill") > s->oom_before;
    return 0;
}
