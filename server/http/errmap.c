/* errmap: negative errno -> HTTP status, as one table. */
#include "errmap.h"

#include <errno.h>
#include <stddef.h>

static const struct {
    int err;
    int status;
} table[] = {
    {0, 200},         {ENOENT, 404}, /* no such thing, or not one the caller may know of */
    {EACCES, 403},                   /* known, but not the caller's to touch */
    {EPERM, 403},                    /* not allowed in this state or role */
    {EEXIST, 409},                   /* a name or a state conflicts with one that exists */
    {EALREADY, 409},                 /* already done (started, submitted, revoked) */
    {EINVAL, 422},                   /* the request's content is wrong */
    {E2BIG, 413},                    /* over a cap on size */
    {EMSGSIZE, 413},                 /* over a cap on size */
    {EDQUOT, 429},                   /* over a cap on count (submissions left, rate) */
    {ETIME, 410},                    /* time is up (an assessment's window ended) */
    {ENOTSUP, 501},                  /* not in this build or store */
    {EBUSY, 503},                    /* the store is busy: retry */
    {EAGAIN, 503},                   /* overloaded: retry */
    {ESHUTDOWN, 503},                /* stopping */
    {ENOMEM, 503},                   /* out of memory: retry */
    {EIO, 500},                      /* the store or the judge failed */
};

int http_status_of_errno(int err)
{
    if (err < 0)
        err = -err;
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (table[i].err == err)
            return table[i].status;
    return 500;
}
