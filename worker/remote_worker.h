/* remote_worker: `judged worker`, a judge on another machine that pulls jobs from a judged. */
#ifndef WORKER_REMOTE_WORKER_H
#define WORKER_REMOTE_WORKER_H

/* Thread-safety: call remote_worker_main once, from the main thread, before any other thread. */

/* `judged worker --server URL --token T [--slots N] [--cache DIR] [--cgroup MODE]`: argv[0] is
 * "worker". Runs until SIGTERM or SIGINT; returns the process exit status. */
int remote_worker_main(int argc, char **argv);

#endif
