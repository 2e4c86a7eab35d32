/*
 * Webhooks: the deliveries queued in webhook_deliveries (by assess.c when a candidate finishes)
 * go out on a thread of their own with libcurl, retried with exponential backoff.
 */
#define _GNU_SOURCE
#include "webhook.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "db.h"

#define WEBHOOK_TRIES 8

/*
 * A team's webhook URL must not make the judge call into its own network (SSRF): loopback,
 * private, link-local and unspecified addresses are refused unless --webhook-private allows
 * them. The check is on the address curl is about to connect to, after name resolution, so a
 * name that resolves inside does not pass either.
 */
static bool address_private(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET) {
        uint32_t a = ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr);
        return (a >> 24) == 127 || (a >> 24) == 10 || (a >> 24) == 0 ||
               (a >> 20) == (172 << 4 | 1) || (a >> 16) == (192 << 8 | 168) ||
               (a >> 16) == (169 << 8 | 254) || (a >> 22) == (100 << 2 | 1);
    }
    if (sa->sa_family == AF_INET6) {
        const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
        if (IN6_IS_ADDR_V4MAPPED(a)) {
            struct sockaddr_in v4 = {.sin_family = AF_INET};
            memcpy(&v4.sin_addr, &a->s6_addr[12], 4);
            return address_private((const struct sockaddr *)&v4);
        }
        return IN6_IS_ADDR_LOOPBACK(a) || IN6_IS_ADDR_UNSPECIFIED(a) || IN6_IS_ADDR_LINKLOCAL(a) ||
               (a->s6_addr[0] & 0xfe) == 0xfc;
    }
    return true;
}

static curl_socket_t open_socket(void *ud, curlsocktype purpose, struct curl_sockaddr *addr)
{
    struct server *s = ud;
    if (purpose != CURLSOCKTYPE_IPCXN || (!s->cfg.webhook_private && address_private(&addr->addr)))
        return CURL_SOCKET_BAD;
    return socket(addr->family, addr->socktype | SOCK_CLOEXEC, addr->protocol);
}

static size_t discard(void *p, size_t size, size_t n, void *ud)
{
    (void)p;
    (void)ud;
    return size * n;
}

static void deliver(struct server *s, sqlite3 *c)
{
    int64_t now = db_now_ms();
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT id, url, payload, attempts FROM webhook_deliveries "
                                  "WHERE delivered_at IS NULL AND next_at <= ? ORDER BY next_at "
                                  "LIMIT 8",
                                  "i", now);
    struct {
        int64_t id;
        char *url, *payload;
        int attempts;
    } due[8];
    int n = 0;
    while (st && n < 8 && sqlite3_step(st) == SQLITE_ROW) {
        due[n].id = sqlite3_column_int64(st, 0);
        due[n].url = db_column_strdup(st, 1);
        due[n].payload = db_column_strdup(st, 2);
        due[n].attempts = sqlite3_column_int(st, 3);
        n++;
    }
    sqlite3_finalize(st);
    for (int i = 0; i < n && !s->stopping; i++) {
        CURL *curl = curl_easy_init();
        long code = 0;
        CURLcode cc = CURLE_FAILED_INIT;
        if (curl) {
            struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
            curl_easy_setopt(curl, CURLOPT_URL, due[i].url);
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, due[i].payload);
            curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h);
            curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
            curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
            curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
            curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
            curl_easy_setopt(curl, CURLOPT_USERAGENT, "judged-webhook/1");
            curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, open_socket);
            curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, s);
            curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
            cc = curl_easy_perform(curl);
            curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
            curl_slist_free_all(h);
            curl_easy_cleanup(curl);
        }
        int attempts = due[i].attempts + 1;
        if (cc == CURLE_OK && code >= 200 && code < 300) {
            db_exec(c,
                    "UPDATE webhook_deliveries SET delivered_at = ?, attempts = ?, "
                    "last_error = NULL WHERE id = ?",
                    "iii", db_now_ms(), (int64_t)attempts, due[i].id);
        } else {
            char err[256];
            snprintf(err, sizeof(err), "%s", cc == CURLE_OK ? "" : curl_easy_strerror(cc));
            if (cc == CURLE_OK)
                snprintf(err, sizeof(err), "HTTP %ld", code);
            /* 1 s, 2 s, 4 s, ...; after the last try it waits for no one. */
            int64_t next =
                attempts >= WEBHOOK_TRIES ? INT64_MAX : db_now_ms() + (1000ll << (attempts - 1));
            db_exec(c,
                    "UPDATE webhook_deliveries SET attempts = ?, next_at = ?, last_error = ? "
                    "WHERE id = ?",
                    "iisi", (int64_t)attempts, next, err, due[i].id);
            fprintf(stderr, "judged: webhook %s: attempt %d failed: %s\n", due[i].url, attempts,
                    err);
        }
    }
    for (int i = 0; i < n; i++) {
        free(due[i].url);
        free(due[i].payload);
    }
}

/* Webhooks go out on a thread of their own: a slow endpoint must not delay the time-outs. */
static void *webhook_main(void *arg)
{
    struct server *s = arg;
    while (!s->stopping) {
        sqlite3 *c = db_acquire(s->db);
        deliver(s, c);
        db_release(s->db, c);
        for (int i = 0; i < 5 && !s->stopping; i++)
            usleep(100000);
    }
    return NULL;
}

static pthread_t webhook_thread;
static bool webhook_running;

int webhook_start(struct server *s)
{
    int rc = pthread_create(&webhook_thread, NULL, webhook_main, s);
    webhook_running = rc == 0;
    return -rc;
}

void webhook_stop(struct server *s)
{
    (void)s;
    if (webhook_running)
        pthread_join(webhook_thread, NULL);
    webhook_running = false;
    curl_global_cleanup();
}
