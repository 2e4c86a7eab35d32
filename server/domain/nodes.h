/*
 * nodes: the other judged nodes on a shared store (PostgreSQL), told when work comes in or a
 * judgement starts or ends, so that their workers and event streams wake as this node's do.
 *
 * Over PostgreSQL's LISTEN/NOTIFY (db_listen, dbc_notify): one listener thread per node, on
 * its own connection, turns each other node's message into queue_notify_local(). A node ignores its
 * own messages (it woke its waiters already). After the listener (re)connects, every waiter is
 * woken once: messages may have been missed. On SQLite there is one node and both calls return
 * at once. Thread-safe.
 */
#ifndef SERVER_NODES_H
#define SERVER_NODES_H

#include "server.h"

/* Starts listening (PostgreSQL). 0, or a negative errno from db_listen(). */
int nodes_listen(struct server *s);
/*
 * Tells the other nodes to wake what queue_notify's bits `what` name (QUEUE_WORK, QUEUE_CHANGED);
 * a failure only delays them (their waits end on their own timeouts).
 */
void nodes_tell(struct server *s, unsigned what);

#endif
