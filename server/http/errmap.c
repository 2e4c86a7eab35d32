/* The errno-to-HTTP table; errmap.h says why there is one. */
#include "errmap.h"

#include <errno.h>
#include <stddef.h>

static const struct {
    int err;
    int status;
    /* why, for the reader: what the domain means by it */
} table[] = {
    {ENOENT, 404},    /* no such thing, or not one the caller may see */
    {EEXIST, 409},    /* a duplicate, or a uniqueness rule refused the write */
    {EALREADY, 409},  /* the thing is in a state that refuses the action (still being judged) */
    {ESTALE, 409},    /* a claim or lease that is no longer current */
    {EACCES, 403},    /* not allowed to this caller */
    {EPERM, 403},     /* not allowed at all */
    {EINVAL, 422},    /* the input is wrong */
    {E2BIG, 413},     /* the input is too large */
    {EDQUOT, 429},    /* this client's share is used up */
    {EAGAIN, 503},    /* full for everyone: retry later */
    {EBUSY, 503},     /* the database is busy: retry */
    {ECANCELED, 503}, /* the judge is stopping */
    {ENOSPC, 507},    /* the disk is full */
    {ENOMEM, 500},    {EIO, 500},
};

int http_status_of_errno(int err)
{
    if (err == 0)
        return 200;
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (table[i].err == -err)
            return table[i].status;
    return 500;
}
