/* sandbox: runs one untrusted program in fresh namespaces, a read-only root, limits and seccomp. */
#ifndef JUDGE_SANDBOX_H
#define JUDGE_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cgroup.h"
#include "policy.h"
#include "strbuf.h"

typedef struct sandbox sandbox;

struct sandbox_config {
    const char *workdir;     /* created; holds the slots' file systems while the sandbox is open */
    int slots;               /* runs that may happen at once: one per judging worker */
    unsigned uid_base;       /* slot i runs as uid and gid uid_base + i; 0: a range is claimed */
    enum cgroup_mode cgroup; /* CGROUP_AUTO, or a mode forced (tests cover each) */
    unsigned slot_mb;        /* size of a slot's tmpfs, which holds /box and /tmp */
    /*
     * The host paths every compile and run sees, read-only, NULL-terminated (NULL: none; a static
     * program needs none). The caller builds the list from its languages (lang_sandbox_paths()),
     * so that this module knows no language: the sandbox shows each path at its own place, whole
     * for a folder, with the symbolic links on the way to it made as links, skips a path missing
     * on this host, and shows nothing else of the host. Borrowed; read in sandbox_open only.
     */
    const char *const *paths;
    /*
     * Give each slot a peer slot (sandbox_peer), made the same way with a uid, a tmpfs, a cgroup
     * and a zygote of its own: where an interactive problem's validator runs while the submission
     * runs in the slot itself. Peer slots count against the 256 slots.
     */
    bool peers;
};

struct sandbox_limits {
    unsigned cpu_ms;    /* user + system time of the whole process */
    unsigned wall_ms;   /* real time from start to exit, less the time it waited for a CPU */
    uint64_t memory_kb; /* peak memory of the process tree */
    size_t stdout_max;  /* bytes; one more ends the run with SANDBOX_OUTPUT_LIMIT */
    size_t stderr_max;  /* the same for stderr */
    unsigned processes; /* processes and threads at once */
    uint64_t file_size; /* largest file it may write (in /tmp) */
    unsigned stack_kb;  /* 0: as large as memory_kb */
};

struct sandbox_cmd {
    int slot;
    enum policy_kind policy;
    const char *const *argv; /* argv[0]: the program's path inside the sandbox */
    const char *const *envp; /* NULL: an empty environment */
    const char *cwd;         /* inside the sandbox; NULL: /box */
    int stdin_fd;            /* -1: /dev/null */
    /*
     * > 0: the program's stdout is this descriptor (a pipe to a peer program), not captured;
     * 0: captured into the result, up to stdout_max.
     */
    int stdout_fd;
    /*
     * stdin_fd and stdout_fd (those >= 0 and > 0) are the run's: sandbox_exec closes them once
     * the program holds its copies, and on every failure, so that the end of a pipe the caller
     * no longer has is closed when the program exits (its peer reads end of file).
     */
    bool close_fds;
    const char *data_dir; /* a host folder shown read-only at /data, or NULL */
    /*
     * Show /proc/self/exe as a symbolic link to argv[0], in a read-only /proc of the run's own
     * that holds nothing else: for a compiler that finds its files through it (rustc 1.63 does
     * even when told its sysroot). Nothing of the host's /proc is shown.
     */
    bool self_exe;
    struct sandbox_limits limits;
};

enum sandbox_status {
    SANDBOX_EXITED,       /* exit_code says how */
    SANDBOX_SIGNALED,     /* killed by `signal`, not by the sandbox */
    SANDBOX_CPU_LIMIT,    /* used more than cpu_ms */
    SANDBOX_WALL_LIMIT,   /* ran longer than wall_ms (sleeping, blocked, stopped) */
    SANDBOX_MEMORY_LIMIT, /* the memory limit killed it or made it fail */
    SANDBOX_OUTPUT_LIMIT, /* wrote more than stdout_max or stderr_max */
    SANDBOX_SYSCALL,      /* made a system call outside its policy: `syscall` names it */
    SANDBOX_OVERLOADED,   /* waited for a CPU past sandbox_wait_bound_us: the machine's fault */
};

/*
 * The steps of a run, in order: where sandbox_exec failed when it returns a negative errno
 * (sandbox_result.failed_step), for the message of the judge's own error. The child's steps
 * (CGROUP to EXEC) are box_inside()'s, reported by the child on its report socket.
 */
enum sandbox_step {
    SANDBOX_STEP_NONE,       /* no failure (or the command itself was invalid: -EINVAL) */
    SANDBOX_STEP_SPAWN,      /* asking the zygote, its clone, or a child that died without a word */
    SANDBOX_STEP_CGROUP,     /* the child: joining the slot's control group */
    SANDBOX_STEP_MOUNT_DATA, /* the detached copy of the /data folder, or mounting it */
    SANDBOX_STEP_SELF_EXE,   /* the child: the /proc holding only self/exe (compile_self_exe) */
    SANDBOX_STEP_CWD,        /* the child: entering the working folder */
    SANDBOX_STEP_FDS,        /* the child: wiring stdin, stdout and stderr */
    SANDBOX_STEP_RLIMITS,    /* the child: setting rlimits */
    SANDBOX_STEP_CREDENTIALS, /* the child: dropping to the slot's uid and gid */
    SANDBOX_STEP_SECCOMP,     /* the child: loading the seccomp filter */
    SANDBOX_STEP_LISTENER,    /* the child: passing the filter's listener to judged */
    SANDBOX_STEP_EXEC,        /* the child: execve of the program */
    SANDBOX_STEP_LIMITS,      /* judged: setting the slot's control group to the run's limits */
    SANDBOX_STEP_OPEN,        /* judged: the run's pipes and report socket */
    SANDBOX_STEP_REAP,        /* judged: waiting for the program's end (wait4) */
    SANDBOX_STEP_COLLECT,     /* judged: reading the control group's figures of the run */
};

/* "executing the program", ...: what the step does, for "sandbox failed while %s". Static. */
const char *sandbox_step_name(enum sandbox_step step);

struct sandbox_result {
    enum sandbox_status status;
    int exit_code;
    int signal;
    unsigned cpu_ms;
    unsigned wall_ms; /* real time, waits for a CPU included */
    unsigned wait_ms; /* of wall_ms, the time it was runnable but waited for a CPU */
    int cpu;          /* the CPU the run was pinned to, or -1 */
    uint64_t memory_kb;
    size_t stdout_bytes;           /* all it wrote, kept or not */
    char syscall[32];              /* SANDBOX_SYSCALL: the call the policy forbade */
    enum sandbox_step failed_step; /* on a negative return of sandbox_exec: where it failed */
    struct strbuf out;             /* stdout, up to stdout_max */
    struct strbuf err;             /* stderr, up to stderr_max */
};

const char *sandbox_status_name(enum sandbox_status st);

/*
 * Time decides a run by what the program did, not by what else the machine did. `runq_us` is the
 * time its tasks spent runnable but waiting for a CPU (the run-queue delay the scheduler counts in
 * /proc/PID/task/TID/schedstat, summed over the run's tasks). Of the wall time, the part spent
 * waiting is not the program's: the wait deducted is runq_us, but never more than wall - cpu (on
 * its one CPU the run's own threads waiting for each other are not a wait for the machine).
 * Returns SANDBOX_CPU_LIMIT past cpu_ms, else SANDBOX_OVERLOADED when the wait passed
 * sandbox_wait_bound_us, else SANDBOX_WALL_LIMIT when the wall time less the wait passed wall_ms
 * (a program that sleeps or blocks), else SANDBOX_EXITED: time decides nothing. *waited_us (may be
 * NULL) receives the wait deducted. Pure and thread-safe.
 */
enum sandbox_status sandbox_time_status(const struct sandbox_limits *l, uint64_t cpu_us,
                                        uint64_t wall_us, uint64_t runq_us, uint64_t *waited_us);
/* The longest wait for a CPU a run under `l` may have before the machine counts as overloaded. */
uint64_t sandbox_wait_bound_us(const struct sandbox_limits *l);

/*
 * Builds the slots (a root tree and a tmpfs each), the network namespace, the control groups and
 * the seccomp filters. Needs root and must run before the process starts threads: it moves the
 * process into a mount namespace of its own, so that nothing it mounts is seen by the host.
 */
int sandbox_open(const struct sandbox_config *cfg, sandbox **out);
/* The CPUs this process may run on (its affinity mask), at least 1: the runs that can happen at
 * once without sharing a CPU, and so the default number of judging workers. Thread-safe. */
int sandbox_cpus_available(void);

/*
 * Whether host folder `dir` stays out of sight of a sandbox given `paths` (as in struct
 * sandbox_config): both are resolved (realpath, symbolic links followed), and `dir` must neither
 * be inside a folder or file the sandbox shows nor contain one. A `dir` not made yet is judged
 * by its nearest existing parent (inside a shown path or not). Returns 0 when it is hidden,
 * -EEXIST when it is not (with the shown host path written to `shown`, `size` bytes, when
 * given; untouched otherwise), or a negative errno when `dir` cannot be resolved (-EACCES,
 * -ENAMETOOLONG, ...). Judges call it at start for their data and problem folders, before
 * making or writing anything there, and refuse to start on -EEXIST. Needs no root;
 * thread-safe.
 */
int sandbox_path_hidden(const char *const *paths, const char *dir, char *shown, size_t size);
void sandbox_close(sandbox *sb);
/*
 * The peer of `slot`, for a program that runs at the same time as the slot's own and talks to it
 * through pipes: its index for sandbox_cmd.slot, or -ENOTSUP when the sandbox was opened without
 * peers, -EINVAL for a slot that is not one. A run in a peer slot takes no CPU of the pool and is
 * not pinned: it shares the machine with its partner, which waits for it most of the time.
 */
int sandbox_peer(const sandbox *sb, int slot);
const char *sandbox_mode(const sandbox *sb);
int sandbox_slots(const sandbox *sb);
/* Host paths of a slot's /box (read-only inside; the caller puts programs there) and /tmp. */
const char *sandbox_box_dir(const sandbox *sb, int slot);
const char *sandbox_tmp_dir(const sandbox *sb, int slot);
/* Empties the slot's /tmp, and its /box too with `box`. */
int sandbox_clean(sandbox *sb, int slot, bool box);

/*
 * Runs `cmd` and fills `res` (whose buffers it initialises; release with sandbox_result_release).
 * Returns 0 when the program ran, whatever it did, or a negative errno when the sandbox itself
 * failed: that is the judge's fault, never the program's. Thread-safe for distinct slots. A run
 * takes one CPU of those the process was given at sandbox_open (its affinity mask) and is pinned
 * to it: when every CPU is running a run, it waits for one to be free before it starts, so runs
 * never outnumber CPUs whatever the number of slots.
 */
int sandbox_exec(sandbox *sb, const struct sandbox_cmd *cmd, struct sandbox_result *res);
void sandbox_result_release(struct sandbox_result *res);

#endif
