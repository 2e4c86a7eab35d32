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
#include <ifaddrs.h>

#include "db.h"
#include "netrange.h"

#define WEBHOOK_TRIES 8

/*
 * A team's webhook URL must not make the judge call into its own networks (SSRF): only global
 * unicast addresses (netrange.h: the IANA special-purpose registries) that are not this host's
 * own, unless --webhook-private allows them. The check is on the address curl is about to
 * connect to, after name resolution, in the socket callback: a name that resolves inside does
 * not pass, nor one that resolves elsewhere the second time (DNS rebinding), since the checked
 * address is the one connected to.
 */
struct attempt {
    struct server *s;
    char refused[160]; /* why a destination was refused, for the delivery's last_error */
};

/* Whether `sa` is one of this host's interface addresses (a public one included). */
static bool address_own(const struct sockaddr *sa)
{
    struct ifaddrs *ifs;
    if (getifaddrs(&ifs))
        return true; /* cannot tell: refuse */
    bool own = false;
    for (struct ifaddrs *i = ifs; i && !own; i = i->ifa_next)
        own = i->ifa_addr && netrange_same_address(sa, i->ifa_addr);
    freeifaddrs(ifs);
    return own;
}

static curl_socket_t open_socket(void *ud, curlsocktype purpose, struct curl_sockaddr *addr)
{
    struct attempt *at = ud;
    if (purpose != CURLSOCKTYPE_IPCXN)
        return CURL_SOCKET_BAD;
    if (!at->s->cfg.webhook_private) {
        const char *why = netrange_special(&addr->addr);
        if (!why && address_own(&addr->addr))
            why = "an address of this host";
        if (why) {
            char ip[INET6_ADDRSTRLEN] = "?";
            const struct sockaddr *sa = &addr->addr;
            if (sa->sa_family == AF_INET)
                inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, ip, sizeof(ip));
            else if (sa->sa_family == AF_INET6)
                inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, ip, sizeof(ip));
            snprintf(at->refused, sizeof(at->refused),
                     "destination %s refused: %s (--webhook-private allows it)", ip, why);
            return CURL_SOCKET_BAD;
        }
    }
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
        struct attempt at = {s, ""};
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
            curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &at);
            /* Straight to the checked address: a proxy from the environment would be checked
             * instead of the destination. */
            curl_easy_setopt(curl, CURLOPT_PROXY, "");
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
            snprintf(err, sizeof(err), "%s",
                     at.refused[0]    ? at.refused
                     : cc == CURLE_OK ? ""
                                      : curl_easy_strerror(cc));
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
