/* The remote worker's HTTP client: a request is a reset of one curl handle, so connections stay. */
#include "httpc.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>

static size_t to_strbuf(char *p, size_t size, size_t n, void *ud)
{
    /* Past the cap: a short count makes curl fail the transfer. */
    return strbuf_add(ud, p, size * n) ? 0 : size * n;
}

static int abort_when_stopping(void *ud, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d)
{
    const struct httpc *h = ud;
    return h->stop && *h->stop ? 1 : 0;
}

int httpc_init(struct httpc *c, const char *base, const char *auth, const volatile int *stop)
{
    *c = (struct httpc){.base = base, .auth = auth, .stop = stop};
    c->curl = curl_easy_init();
    return c->curl ? 0 : -ENOMEM;
}

void httpc_release(struct httpc *c)
{
    if (c->curl)
        curl_easy_cleanup(c->curl);
    c->curl = NULL;
}

int httpc_call(struct httpc *c, const char *method, const char *path, const char *json,
               long timeout_s, bool abortable, struct httpc_answer *a, size_t body_max, FILE *file,
               curl_off_t file_max)
{
    char url[2048];
    snprintf(url, sizeof(url), "%s%s", c->base, path);
    CURL *h = c->curl;
    curl_easy_reset(h); /* keeps the connection for the next request */
    struct curl_slist *hdr = curl_slist_append(NULL, c->auth);
    if (json)
        hdr = curl_slist_append(hdr, "Content-Type: application/json");
    hdr = curl_slist_append(hdr, "Expect:");
    c->err[0] = '\0';
    strbuf_init(&a->body, body_max);
    a->status = 0;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, timeout_s);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->err);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "judged-worker");
    if (!strcmp(method, "POST")) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, json ? json : "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)(json ? strlen(json) : 0));
    }
    if (file) {
        curl_easy_setopt(h, CURLOPT_WRITEDATA, file);
        curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, file_max);
    } else {
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, to_strbuf);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &a->body);
    }
    if (abortable) {
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, abort_when_stopping);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, c);
    }
    CURLcode rc = curl_easy_perform(h);
    curl_slist_free_all(hdr);
    if (rc != CURLE_OK) {
        if (!c->err[0])
            snprintf(c->err, sizeof(c->err), "%s", curl_easy_strerror(rc));
        strbuf_release(&a->body);
        return -EIO;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &a->status);
    return 0;
}

void httpc_detail(const struct httpc_answer *a, char *out, size_t size)
{
    json_t *j = json_loadb(a->body.buf ? a->body.buf : "", a->body.len, 0, NULL);
    const char *d = json_string_value(json_object_get(j, "detail"));
    snprintf(out, size, "%s", d ? d : "no detail");
    json_decref(j);
}
