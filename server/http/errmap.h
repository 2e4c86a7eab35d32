/*
 * errmap: the one table from a domain module's negative errno to the HTTP status a handler
 * answers with. Handlers add the detail (what was wrong, how to do it right); the kind of failure
 * travels as the errno, never as message text. Pure and thread-safe.
 */
#ifndef SERVER_ERRMAP_H
#define SERVER_ERRMAP_H

/*
 * The status for `err` (a negative errno; a positive one is read as its negation): -ENOENT 404,
 * -EEXIST/-EALREADY/-ESTALE 409, -EACCES/-EPERM 403, -EINVAL 422, -E2BIG 413, -EDQUOT 429,
 * -EBUSY/-EAGAIN/-ECANCELED 503, -ENOSPC 507, and 500 for -ENOMEM, -EIO and anything not in the
 * table. 0 gives 200.
 */
int http_status_of_errno(int err);

#endif
