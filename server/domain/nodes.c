/* nodes: wake-ups between the judged nodes of one PostgreSQL store (nodes.h). */
#define _GNU_SOURCE
#include "nodes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "db.h"
#include "queue.h"

#define CHANNEL "judged_queue"

/* This process's id in messages, so that it skips its own: 16 hex digits, random. */
static char self[17];

static void on_message(const char *payload, void *ud)
{
    struct server *s = ud;
    /* NULL: (re)connected, anything may have been missed; else "BITS:SENDER". */
    if (!payload) {
        queue_notify_local(s, QUEUE_WORK | QUEUE_CHANGED);
        return;
    }
    const char *colon = strchr(payload, ':');
    if (!colon || !strcmp(colon + 1, self))
        return;
    unsigned what = (unsigned)strtoul(payload, NULL, 10) & (QUEUE_WORK | QUEUE_CHANGED);
    if (what)
        queue_notify_local(s, what);
}

int nodes_listen(struct server *s)
{
    if (db_kind_of(s->db) != DB_POSTGRES)
        return 0;
    unsigned char r[8] = {0};
    if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
        return -EIO;
    for (int i = 0; i < 8; i++)
        snprintf(self + 2 * i, 3, "%02x", r[i]);
    return db_listen(s->db, CHANNEL, on_message, s);
}

void nodes_tell(struct server *s, unsigned what)
{
    if (!s->db || db_kind_of(s->db) != DB_POSTGRES)
        return;
    char payload[64];
    snprintf(payload, sizeof(payload), "%u:%s", what, self);
    dbc *c = db_get(s->db);
    if (c)
        dbc_notify(c, CHANNEL, payload);
    db_put(s->db, c);
}
