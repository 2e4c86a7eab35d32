/* The errno-to-HTTP table (errmap.h): one row per kind of failure, with what the domain means. */
#include "errmap.h"

#include <errno.h>
#include <stddef.h>

static const struct {
    int err;
    int status;
} table[] = {
    {ENOENT, 404},   /* no such thing, or one the caller may not see (as absent as a missing one) */
    {EEXIST, 409},   /* a duplicate, or a uniqueness rule refused the write */
    {EALREADY, 409}, /* the thing is in a state that refuses the action (still being judged) */
    {ESTALE, 409},   /* a claim or lease that is no longer current */
    {EACCES, 403},   /* the caller is known but not allowed this */
    {EPERM, 403},    /* the same, for a rule rather than a right */
    {EINVAL, 422},   /* well-formed, but the content is not acceptable */
    {E2BIG, 413},    /* more than a named limit allows */
    {EDQUOT, 429},   /* this client's share is used up */
    {EAGAIN, 503},   /* full for everyone: retry later */
    {EBUSY, 503},    /* the store is busy: retry */
    {ECANCELED, 503}, /* the judge is stopping */
    {ENOTSUP, 501},   /* not in this build or with this store */
    {ENOSPC, 507},    /* the disk is full */
    {ENOMEM, 500},    /* the server's own failure */
    {EIO, 500},       /* the server's own failure */
};

int http_status_of_errno(int err)
{
    if (err == 0)
        return 200;
    if (err < 0)
        err = -err;
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (table[i].err == err)
            return table[i].status;
    return 500;
}
