/*
 * errmap: the one table from the domain's negative errno to the HTTP status a handler answers
 * with. Handlers pick the words of the detail; the status comes from here, so that one kind of
 * failure is answered the same way by every resource. Pure: thread-safe.
 */
#ifndef SERVER_ERRMAP_H
#define SERVER_ERRMAP_H

/* The status of `err` (a negative errno, or 0 for 200); 500 for one the table does not name. */
int http_status_of_errno(int err);

#endif
