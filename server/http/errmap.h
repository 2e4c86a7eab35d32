/*
 * errmap: the one table from a domain module's negative errno to the HTTP status a handler
 * answers with. Pure and thread-safe.
 */
#ifndef SERVER_ERRMAP_H
#define SERVER_ERRMAP_H

/* The status for `err` (negative or positive errno); 500 for anything the table does not name. */
int http_status_of_errno(int err);

#endif
