/*
 * server_caps: every size and count cap of the service, named, each with what it caps. The
 * judging library's caps (packages, program output, the remote worker's wire) are in
 * judge/caps.h.
 */
#ifndef SERVER_SERVER_CAPS_H
#define SERVER_SERVER_CAPS_H

#include "caps.h"

/*** Request bodies (http.c refuses more with 413 before reading it) ***/
#define JSON_BODY_MAX    (1u << 20)   /* a JSON request; a source is capped inside it */
#define PACKAGE_BODY_MAX (256u << 20) /* a problem package (PUT /api/v1/problems/{slug}) */

/*** Fields of requests (reqcheck.c and the handlers answer 422 past them) ***/
#define SOURCE_MAX    (256u << 10) /* a submission's source */
#define RUN_INPUT_MAX (1u << 20)   /* the custom input of a run (POST /api/v1/run) */
#define TITLE_MAX     200          /* an assessment's or a team's title, in bytes */
#define RULES_MAX     20000        /* an assessment's rules text, in bytes */
#define PROBLEMS_MAX  50           /* problems in one assessment */
#define PAGE_MAX      200          /* rows of one page of a list (?limit=) */

/*** What the server keeps and shows ***/
#define RUN_SHOWN_MAX             (64u << 10) /* output of a run shown back (the Run button) */
#define SAMPLE_SHOWN_MAX          (64u << 10) /* a sample's input or answer shown in full */
#define COMPILE_OUTPUT_STORED_MAX (64u << 10) /* compiler diagnostics stored with a submission */
#define REMOTE_COMPILE_OUTPUT_MAX                                                                  \
    (768u << 10)           /* diagnostics a worker's result may carry (the                         \
                              JSON body is capped at 1 MiB) */
#define SNAPSHOTS_MAX 2000 /* snapshots kept per candidate; later saves keep the draft only */
#define SIGNALS_MAX   5000 /* paste and focus signals kept per candidate */

#endif
