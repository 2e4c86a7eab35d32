/*
 * caps: every size cap of the judging library and the remote worker, named, each with what it
 * caps (as curl's DYN_* table does). Every buffer a package, a program or a server can grow has
 * one. The server's request caps are in server/server_caps.h.
 */
#ifndef JUDGE_CAPS_H
#define JUDGE_CAPS_H

/*** Packages (pkg.c, yamldoc.c): a package past one is refused, naming the file ***/
#define PKG_MAX_FILES      20000          /* files in a package */
#define PKG_MAX_FILE_BYTES (256ull << 20) /* one file of a package */
#define PKG_MAX_TESTS      1000           /* tests (.in with .ans) in a package */
#define PKG_STATEMENT_MAX  (1u << 20)     /* the statement (Markdown, or LaTeX before conversion) */
#define PKG_TEMPLATE_MAX   (64u << 10)    /* one starter code template */
#define PKG_ARGS_MAX       (4u << 10)     /* validator arguments of the problem or a group */
#define YAMLDOC_MAX_BYTES  (1u << 20)     /* one YAML file (problem.yaml, testdata.yaml) */

/*** Judging (judge.c, verify.c, mutation.c): what a program run may leave in memory ***/
#define JUDGE_COMPILE_OUTPUT_MAX    (1u << 20)  /* compiler stdout and stderr, each, as captured */
#define JUDGE_MESSAGE_MAX           (64u << 10) /* an output validator's output and judgemessage */
#define VERIFY_VALIDATOR_OUTPUT_MAX (64u << 10) /* an input validator's stdout and stderr, each */
#define MUTATION_SOURCE_MAX         (1u << 20)  /* a reference submission's source read to mutate */

/*** What a remote worker sends its server (report.c); the server takes the same or more ***/
#define REPORT_NAME_MAX            512          /* a test's name */
#define REPORT_GROUP_MAX           128          /* a test group's name */
#define REPORT_MESSAGE_MAX         255          /* a test's message (judge.h: message[256]) */
#define REPORT_COMPILE_OUTPUT_MAX  (256u << 10) /* compiler diagnostics with a result */
#define REPORT_PROGRESS_OUTPUT_MAX (64u << 10)  /* the same in a live progress update */
#define REPORT_ERROR_MAX           4000         /* the judge's own error (an IE) */

/*** What a remote worker takes from its server (worker/lease_client.c) ***/
#define WORKER_ANSWER_MAX                                                                          \
    (4u << 20) /* a JSON answer: a claim's job, its source at most 256 KiB                         \
                */
#define WORKER_PACKAGE_MAX (1ull << 30) /* a package archive downloaded */

#endif
