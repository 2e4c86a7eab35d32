/*
 * nodes: the other judged nodes on a shared store (PostgreSQL), told when work comes in or a
 * judgement starts or ends, so that their workers and event streams wake as this node's do.
 *
 * Over PostgreSQL's LISTEN/NOTIFY (db_listen, dbc_notify): one listener thread per node, on
 * its own connection, turns each other node's message into queue_notify_local(). A node ignores its
 * own messages (it woke its waiters already). After the listener (re)connects, every waiter is
 * woken once: messages may have been missed. A second channel carries the live progress of each
 * judgement (nodes_tell_live), mirrored by the other nodes' queues. On SQLite there is one node and
 * both calls return at once. Thread-safe.
 */
#ifndef SERVER_NODES_H
#define SERVER_NODES_H

#include "queue.h"
#include "server.h"

/* Starts listening (PostgreSQL). 0, or a negative errno from db_listen(). */
int nodes_listen(struct server *s);
/*
 * Tells the other nodes to wake what queue_notify's bits `what` name (QUEUE_WORK, QUEUE_CHANGED);
 * a failure only delays them (their waits end on their own timeouts).
 */
void nodes_tell(struct server *s, unsigned what);

/*
 * Tells the other nodes of a change in the live progress of judgement `id` here (queue.h's
 * queue_live_*), so that a client watching it through any node sees its tests as they are run:
 * LIVE_BEGIN and LIVE_END also wake their watchers. `status` and `compile_output` go with
 * LIVE_STATUS, `t` with LIVE_TEST (borrowed); what does not fit a notification (8000 bytes) is cut:
 * the compiler output first, then the test's message. Best effort: a lost message leaves a viewer
 * on the store's state until the result is stored. Nothing on SQLite.
 */
void nodes_tell_live(struct server *s, enum live_event ev, const char *id, const char *status,
                     const char *compile_output, const struct test_row *t);

#endif
