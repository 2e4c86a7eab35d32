/* The errno-to-HTTP table (errmap.h): one row per kind of failure, with why it maps so. */
#include "errmap.h"

#include <errno.h>
#include <stddef.h>

static const struct {
    int err;
    int status;
    const char *why;
} errmap[] = {
    {ENOENT, 404, "no such thing, or one the caller may not see (as absent as a missing one)"},
    {EEXIST, 409, "a duplicate, or a state that conflicts with the request"},
    {EACCES, 403, "the caller is known but not allowed this, now or at all"},
    {EPERM, 403, "the same, for a rule rather than a right"},
    {EINVAL, 422, "the request is well-formed but its content is not acceptable"},
    {E2BIG, 413, "more than a named limit allows"},
    {EBUSY, 503, "the store is busy; the client may retry"},
    {ENOMEM, 500, "the server's own failure"},
    {EIO, 500, "the server's own failure"},
};

int http_status_of_errno(int err)
{
    if (err == 0)
        return 200;
    if (err < 0)
        err = -err;
    for (size_t i = 0; i < sizeof(errmap) / sizeof(errmap[0]); i++)
        if (errmap[i].err == err)
            return errmap[i].status;
    return 500;
}
