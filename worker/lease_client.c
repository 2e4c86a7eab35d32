/* The worker API of a judged (server/http/api.c, /api/v1/worker/...), from the worker's side. */
#define _GNU_SOURCE
#include "lease_client.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caps.h"
#include "fsutil.h"
#include "pkg.h"
#include "unpack.h"

int lease_claim(struct httpc *c, int wait_s, json_t **job)
{
    char path[64];
    snprintf(path, sizeof(path), "/api/v1/worker/claim?wait=%d", wait_s);
    struct httpc_answer a;
    int rc = httpc_call(c, "POST", path, NULL, wait_s + 30, true, &a, WORKER_ANSWER_MAX, NULL, 0);
    if (rc)
        return rc;
    if (a.status == 204) {
        rc = -ENOENT;
    } else if (a.status == 200) {
        json_t *j = json_loadb(a.body.buf ? a.body.buf : "", a.body.len, 0, NULL);
        *job = json_incref(json_object_get(j, "job"));
        json_decref(j);
        rc = *job ? 0 : -EPROTO;
        if (rc)
            snprintf(c->err, sizeof(c->err), "the claim's answer has no job");
    } else {
        char d[256];
        httpc_detail(&a, d, sizeof(d));
        snprintf(c->err, sizeof(c->err), "status %ld: %s", a.status, d);
        rc = a.status == 401 || a.status == 403 ? -EACCES : -EIO;
    }
    strbuf_release(&a.body);
    return rc;
}

long lease_post(struct httpc *c, const char *lease, const char *what, json_t *body, long timeout_s)
{
    char path[256];
    snprintf(path, sizeof(path), "/api/v1/worker/jobs/%s/%s", lease, what);
    char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
    json_decref(body);
    if (body && !text)
        return -ENOMEM;
    struct httpc_answer a;
    int rc = httpc_call(c, "POST", path, text, timeout_s, false, &a, WORKER_ANSWER_MAX, NULL, 0);
    free(text);
    if (rc)
        return rc;
    if (a.status >= 400 && a.status != 409) {
        char d[256];
        httpc_detail(&a, d, sizeof(d));
        fprintf(stderr, "judged worker: %s of lease %s: %ld: %s\n", what, lease, a.status, d);
    }
    strbuf_release(&a.body);
    return a.status;
}

int lease_fetch_package(struct httpc *c, const char *hash, const char *tmp, const char *dir,
                        char *err, size_t errsize, bool *transient)
{
    char archive[PATH_MAX], dest[PATH_MAX], path[128], got[65];
    snprintf(archive, sizeof(archive), "%s/%s.tar.gz", tmp, hash);
    snprintf(dest, sizeof(dest), "%s/%s.d", tmp, hash);
    snprintf(path, sizeof(path), "/api/v1/worker/packages/%s", hash);
    FILE *f = fopen(archive, "we");
    if (!f) {
        int e = errno;
        snprintf(err, errsize, "cannot write '%s': %s", archive, strerror(e));
        *transient = true;
        return -e;
    }
    struct httpc_answer a;
    int rc = httpc_call(c, "GET", path, NULL, 600, true, &a, WORKER_ANSWER_MAX, f,
                        (curl_off_t)WORKER_PACKAGE_MAX);
    if (fclose(f) && !rc)
        rc = -EIO;
    if (rc || a.status != 200) {
        if (rc)
            snprintf(err, errsize, "cannot download package %s: %s", hash, c->err);
        else
            snprintf(err, errsize, "cannot download package %s: status %ld", hash, a.status);
        *transient = rc || a.status >= 500 || a.status == 429;
        unlink(archive);
        return rc ? rc : -EIO;
    }
    fs_remove_tree(dest);
    /* The server's own archive, checked by hash below: caps, but no bomb ratio (test data of
     * one repeated line packs very well). */
    struct unpack_limits lim = {
        .entry_bytes = PKG_MAX_FILE_BYTES,
        .total_bytes = 4ull << 30,
        .entries = 2 * PKG_MAX_FILES,
        .ratio = 1u << 30,
        .bomb_floor = 4ull << 30,
    };
    struct diag errors = DIAG_INIT;
    rc = unpack_archive(archive, dest, hash, &lim, &errors);
    unlink(archive);
    if (rc) {
        snprintf(err, errsize, "cannot unpack package %s: %s", hash,
                 errors.n ? errors.items[0] : strerror(-rc));
        *transient = rc == -ENOSPC || rc == -EDQUOT; /* this machine's disk: try again later */
        diag_release(&errors);
        fs_remove_tree(dest);
        return rc;
    }
    diag_release(&errors);
    rc = pkg_tree_hash(dest, got);
    if (!rc && strcmp(got, hash)) {
        snprintf(err, errsize, "package %s: what was downloaded hashes to %s", hash, got);
        rc = -EBADMSG;
    } else if (rc) {
        snprintf(err, errsize, "cannot hash package %s: %s", hash, strerror(-rc));
    }
    if (!rc && rename(dest, dir) < 0)
        rc = -errno;
    if (rc)
        fs_remove_tree(dest);
    return rc;
}
