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

typedef struct cgroup_set cgroup_set;

/*
 * Creates `slots` groups under a group of this process's own (judged-PID), with the memory and pids
 * controllers of the requested mode. CGROUP_AUTO settles for what is writable; a requested v1 or v2
 * that is not available is -ENODEV. Returns 0 or a negative errno.
 */
int cgroup_open(enum cgroup_mode want, int slots, cgroup_set **out);
void cgroup_close(cgroup_set *set);
enum cgroup_mode cgroup_mode_of(const cgroup_set *set);
const char *cgroup_mode_name(enum cgroup_mode mode);

/* Before a run: sets the limits, resets the peak and notes the OOM count. */
int cgroup_prepare(cgroup_set *set, int slot, uint64_t memory_bytes, unsigned pids);
/* The cgroup.procs files a child writes "0" into to join the slot; -1 where there is none. */
void cgroup_procs_fds(const cgroup_set *set, int slot, int fds[2]);
/* After a run: the peak memory in bytes and whether the OOM killer acted in the group. */
int cgroup_collect(cgroup_set *set, int slot, uint64_t *peak, bool *oom_killed);

#endif
