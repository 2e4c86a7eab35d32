/* cgroup: one memory+pids control group per sandbox slot, on cgroup v2 or v1, or none at all. */
#ifndef JUDGE_CGROUP_H
#define JUDGE_CGROUP_H

#include <stdbool.h>
#include <stdint.h>

enum cgroup_mode {
    CGROUP_AUTO = -1, /* only as a request: v2, else v1, else none */
    CGROUP_NONE = 0,  /* no writable controller: the sandbox falls back to rlimits */
    CGROUP_V1,
    CGROUP_V2,
};

/*
 * A process's groups, one per slot. Not thread-safe: a slot is used by one thread at a time, and
 * open and close happen while no run is under way.
 */
typedef struct cgroup_set cgroup_set;

/*
 * Creates `slots` groups with the memory and pids controllers of the requested mode (and, on v2,
 * the cpu controller where the kernel offers it). CGROUP_AUTO settles for what is writable; a
 * requested v1 or v2 that is not available is -ENODEV.
 *
 * v1: the groups are judged-PID/slotN under this process's own group of the memory and pids
 * hierarchies. v2: v2 lets a group give controllers to its children only while it holds no
 * process itself, so every process of this process's own group (this one, and whatever else shares
 * it: the shell or service that started it) first moves into a leaf group, judged-leaf, and the
 * groups are judged-PID/slotN beside it. A process that already lives in a judged-leaf builds
 * beside that leaf. Must be called before the process starts threads. Returns 0 or a negative
 * errno; *out (the caller's, free with cgroup_close) is set only on success.
 */
int cgroup_open(enum cgroup_mode want, int slots, cgroup_set **out);
/* Removes the groups; accepts NULL. The leaf of v2 stays: it holds processes not judged's own. */
void cgroup_close(cgroup_set *set);
enum cgroup_mode cgroup_mode_of(const cgroup_set *set);
const char *cgroup_mode_name(enum cgroup_mode mode);

/*
 * Before a run: sets the limits, resets the peak and notes the OOM count. -EBUSY (v1) when the
 * group already holds more memory than the limit. 0 or a negative errno.
 */
int cgroup_prepare(cgroup_set *set, int slot, uint64_t memory_bytes, unsigned pids);
/*
 * v2: the slot group's directory, for clone3's CLONE_INTO_CGROUP, which creates the run's process
 * in its group (no move afterwards); valid until the next cgroup_prepare of the slot, which may
 * re-create the group. -1 on v1 and without cgroups. Borrowed: do not close.
 */
int cgroup_dir_fd(const cgroup_set *set, int slot);
/*
 * The cgroup.procs files a child writes "0" into to join the slot (v1, and v2 where clone3 is not
 * available); -1 where there is none. Borrowed, as above.
 */
void cgroup_procs_fds(const cgroup_set *set, int slot, int fds[2]);
/*
 * After a run: the group's peak memory in bytes and whether the OOM killer acted in the group.
 * cgroup v2 before Linux 6.12 has no peak to reset: the peak is then the limit when the run reached
 * it, 0 otherwise.
 */
int cgroup_collect(cgroup_set *set, int slot, uint64_t *peak, bool *oom_killed);

#endif
