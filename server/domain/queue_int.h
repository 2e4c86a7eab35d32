/*
 * queue_int: the queue's memory, shared by queue.c (claims, results) and queue_live.c (live
 * progress, watching, waking). Not for other modules: queue.h is the API.
 */
#ifndef SERVER_QUEUE_INT_H
#define SERVER_QUEUE_INT_H

#include <pthread.h>
#include <stdint.h>

#include "queue.h"

struct live {
    struct live *next;
    char id[SUBMISSION_ID_LEN + 1];
    char status[16];
    char *compile_output;
    struct test_row *tests; /* owned copies */
    size_t ntests, cap;
    uint64_t version; /* counts its changes */
    bool mirrored;    /* judged on another node (queue_live_mirror) */
    int64_t since_ms; /* mirrored: when its judgement began, to drop one whose end was lost */
};

/* When a client was last served, by its key (see queue_client_key). */
struct served {
    char *key;
    uint64_t tick;
};

struct queue {
    pthread_mutex_t claim_lock; /* one claim of this process at a time: the pick and its UPDATE */
    struct served *served;      /* sorted by key (strcmp); the clients with work queued or judged */
    size_t nserved;
    uint64_t tick; /* counts claims */
    pthread_mutex_t lock;
    pthread_cond_t work;    /* a submission came in */
    pthread_cond_t changed; /* some submission made progress */
    uint64_t lifecycle;     /* counts judgements beginning and ending, and outside changes */
    unsigned pending;       /* wake-ups not consumed yet */
    struct live *live;
};

/* Frees the live entries (queue_free). */
void queue_live_free_all(struct queue *q);

#endif
