/*
 * Webhooks: the deliveries queued in webhook_deliveries (by assess.c's sweep) go out with
 * libcurl, retried with exponential backoff, signed per the Standard Webhooks specification:
 * `webhook-id` (the message id, the same on every retry and redelivery), `webhook-timestamp`
 * (seconds, of this attempt) and `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">` keyed by the team's secret (whsec_ + base64 of 32 random bytes).
 *
 * Theory of operation: WEBHOOK_THREADS threads each claim a team that has a delivery due and no
 * other thread delivering for it (the `busy` table), deliver that team's due deliveries one at
 * a time, and let the team go. A receiver that takes its full time-out holds one thread and its
 * own team; every other team is served by the others.
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
#include <errno.h>
#include <inttypes.h>
#include <sodium.h>

#include "db.h"
#include "netrange.h"

#define WEBHOOK_TRIES 8
/* Due deliveries of one team a pass takes (the rest come in the next pass of its thread). */
#define WEBHOOK_BATCH   8
#define WEBHOOK_BATCH_S "8"

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

/* The first WEBHOOK_EXCERPT bytes of the receiver's answer; the rest is read and dropped. */
struct excerpt {
    char buf[WEBHOOK_EXCERPT + 1];
    size_t len;
};

static size_t keep_excerpt(void *p, size_t size, size_t n, void *ud)
{
    struct excerpt *e = ud;
    size_t len = size * n, take = len < WEBHOOK_EXCERPT - e->len ? len : WEBHOOK_EXCERPT - e->len;
    memcpy(e->buf + e->len, p, take);
    e->len += take;
    e->buf[e->len] = '\0';
    return len;
}

/* The excerpt as text the log can hold: kept when it is UTF-8, bytes past ASCII as '?' if not
 * (a cut in the middle of a character, or a binary answer). */
static void excerpt_text(struct excerpt *e)
{
    json_t *t = json_stringn(e->buf, e->len);
    if (t) {
        json_decref(t);
        return;
    }
    for (size_t i = 0; i < e->len; i++)
        if ((unsigned char)e->buf[i] >= 0x80 || e->buf[i] == '\0')
            e->buf[i] = '?';
}

int webhook_secret_new(dbc *c, int64_t team_id, bool only_if_none, char *secret)
{
    unsigned char raw[WEBHOOK_SECRET_BYTES];
    char made[WEBHOOK_SECRET_LEN];
    randombytes_buf(raw, sizeof(raw));
    memcpy(made, "whsec_", 6);
    sodium_bin2base64(made + 6, sizeof(made) - 6, raw, sizeof(raw), sodium_base64_VARIANT_ORIGINAL);
    sodium_memzero(raw, sizeof(raw));
    int rc = dbc_run(c,
                     only_if_none ? "INSERT INTO webhook_secrets (team_id, secret, created_at) "
                                    "VALUES (?, ?, ?) ON CONFLICT (team_id) DO NOTHING"
                                  : "INSERT INTO webhook_secrets (team_id, secret, created_at) "
                                    "VALUES (?, ?, ?) ON CONFLICT (team_id) DO UPDATE SET "
                                    "secret = excluded.secret, created_at = excluded.created_at",
                     "isi", team_id, made, db_now_ms());
    if (rc)
        return rc;
    if (only_if_none && !dbc_changes(c))
        return 1;
    memcpy(secret, made, sizeof(made));
    sodium_memzero(made, sizeof(made));
    return 0;
}

int webhook_secret_rotate(db *d, int64_t team_id, char *secret)
{
    int64_t known = 1;
    dbc *c = db_get(d);
    int rc = !c        ? -EIO
             : team_id ? dbc_scalar(c, &known, "SELECT count(*) AS n FROM teams WHERE id = ?", "i",
                                    team_id)
                       : 0;
    if (!rc && !known)
        rc = -ENOENT;
    if (!rc)
        rc = webhook_secret_new(c, team_id, false, secret);
    db_put(d, c);
    return rc;
}

int webhook_sign(const char *secret, const char *msg_id, long long timestamp, const char *body,
                 char *out, size_t size)
{
    unsigned char key[WEBHOOK_SECRET_BYTES * 2], mac[crypto_auth_hmacsha256_BYTES];
    size_t keylen = 0;
    if (strncmp(secret, "whsec_", 6) ||
        sodium_base642bin(key, sizeof(key), secret + 6, strlen(secret + 6), NULL, &keylen, NULL,
                          sodium_base64_VARIANT_ORIGINAL) ||
        keylen == 0 ||
        size < 3 + sodium_base64_ENCODED_LEN(sizeof(mac), sodium_base64_VARIANT_ORIGINAL))
        return -EINVAL;
    char ts[24];
    snprintf(ts, sizeof(ts), "%lld", timestamp);
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key, keylen);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg_id, strlen(msg_id));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts, strlen(ts));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, strlen(body));
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_memzero(key, sizeof(key));
    memcpy(out, "v1,", 3);
    sodium_bin2base64(out + 3, size - 3, mac, sizeof(mac), sodium_base64_VARIANT_ORIGINAL);
    return 0;
}

/* The team's secret into `secret`; a team with none (deliveries queued before secrets existed)
 * gets one, which it learns by rotating. 0 or -EIO. */
static int secret_of(dbc *c, int64_t team, char *secret)
{
    for (int i = 0; i < 2; i++) {
        dbrows *r = NULL;
        int rc =
            dbc_query(c, &r, "SELECT secret FROM webhook_secrets WHERE team_id = ?", "i", team);
        bool found = !rc && dbrows_next(r) == 1;
        if (found)
            snprintf(secret, WEBHOOK_SECRET_LEN, "%s", dbrows_text(r, "secret"));
        dbrows_free(r);
        if (found)
            return 0;
        if (webhook_secret_new(c, team, true, secret) < 0)
            return -EIO;
    }
    return -EIO;
}

struct due {
    int64_t id;
    char *url, *payload, *msg_id;
    int attempts;
};

/* One attempt at delivery `d` of `team`, its outcome recorded in the row. */
static void deliver_one(struct server *s, dbc *c, int64_t team, const struct due *d)
{
    char secret[WEBHOOK_SECRET_LEN], sig[128], h_id[160], h_ts[64], h_sig[160];
    long long ts = (long long)(db_now_ms() / 1000);
    struct attempt at = {s, ""};
    struct excerpt ex = {.len = 0};
    long code = 0;
    CURLcode cc = CURLE_FAILED_INIT;
    int64_t started = db_now_ms();
    if (secret_of(c, team, secret) ||
        webhook_sign(secret, d->msg_id, ts, d->payload, sig, sizeof(sig))) {
        snprintf(at.refused, sizeof(at.refused), "cannot sign: the team's secret is unreadable");
        goto record;
    }
    sodium_memzero(secret, sizeof(secret));
    snprintf(h_id, sizeof(h_id), "webhook-id: %s", d->msg_id);
    snprintf(h_ts, sizeof(h_ts), "webhook-timestamp: %lld", ts);
    snprintf(h_sig, sizeof(h_sig), "webhook-signature: %s", sig);
    CURL *curl = curl_easy_init();
    if (curl) {
        struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
        h = curl_slist_append(h, h_id);
        h = curl_slist_append(h, h_ts);
        h = curl_slist_append(h, h_sig);
        curl_easy_setopt(curl, CURLOPT_URL, d->url);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, d->payload);
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_excerpt);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &ex);
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
record:;
    excerpt_text(&ex);
    int attempts = d->attempts + 1;
    if (cc == CURLE_OK && code >= 200 && code < 300) {
        dbc_run(c,
                "UPDATE webhook_deliveries SET delivered_at = ?, attempts = ?, last_error = NULL, "
                "response_code = ?, response_excerpt = ?, last_attempt_at = ? WHERE id = ?",
                "iiisii", db_now_ms(), (int64_t)attempts, (int64_t)code, ex.buf, started, d->id);
        return;
    }
    char err[256];
    if (at.refused[0])
        snprintf(err, sizeof(err), "%s", at.refused);
    else if (cc == CURLE_OK)
        snprintf(err, sizeof(err), "HTTP %ld", code);
    else
        snprintf(err, sizeof(err), "%s", curl_easy_strerror(cc));
    /* 1 s, 2 s, 4 s, ...; after the last try it waits for no one. */
    bool last = attempts >= WEBHOOK_TRIES;
    int64_t next = last ? INT64_MAX : db_now_ms() + (1000ll << (attempts - 1));
    dbc_run(c,
            "UPDATE webhook_deliveries SET attempts = ?, next_at = ?, last_error = ?, "
            "response_code = nullif(?, 0), response_excerpt = ?, last_attempt_at = ?, "
            "failed_at = CASE WHEN ? = 1 THEN ? END WHERE id = ?",
            "iisisiiii", (int64_t)attempts, next, err, cc == CURLE_OK ? (int64_t)code : (int64_t)0,
            cc == CURLE_OK ? ex.buf : NULL, started, (int64_t)last, db_now_ms(), d->id);
    fprintf(stderr, "judged: webhook %s: attempt %d failed: %s\n", d->url, attempts, err);
}

/*
 * Takes delivery `id` for this thread: every node of a shared store runs these threads, and the
 * in-process team table above keeps only this node's threads apart. The row's next_at is pushed
 * past an attempt's time-out while it is still due and undelivered; only the thread whose update
 * changed it sends. A node that dies mid-attempt leaves it due again after the claim (at least
 * once, as the Standard Webhooks specification expects of receivers, but never two nodes at once).
 */
#define WEBHOOK_CLAIM_MS 60000
static bool claim_delivery(dbc *c, int64_t id)
{
    int64_t now = db_now_ms();
    int rc = dbc_run(c,
                     "UPDATE webhook_deliveries SET next_at = ? WHERE id = ? AND next_at <= ? AND "
                     "delivered_at IS NULL AND failed_at IS NULL",
                     "iii", now + WEBHOOK_CLAIM_MS, id, now);
    return rc == 0 && dbc_changes(c) == 1;
}

/* Delivers `team`'s due deliveries in the order they were queued, one at a time. */
static void deliver_team(struct server *s, dbc *c, int64_t team)
{
    for (;;) {
        dbrows *r = NULL;
        int rc = dbc_query(c, &r,
                           "SELECT id, url, payload, msg_id, attempts "
                           "FROM webhook_deliveries WHERE team_id = ? AND "
                           "delivered_at IS NULL AND failed_at IS NULL AND next_at <= ? "
                           "ORDER BY id LIMIT " WEBHOOK_BATCH_S,
                           "ii", team, db_now_ms());
        struct due due[WEBHOOK_BATCH];
        int n = 0;
        while (!rc && n < WEBHOOK_BATCH && dbrows_next(r) == 1) {
            due[n].id = dbrows_int(r, "id");
            due[n].url = dbrows_strdup(r, "url");
            due[n].payload = dbrows_strdup(r, "payload");
            due[n].msg_id = dbrows_strdup(r, "msg_id");
            due[n].attempts = (int)dbrows_int(r, "attempts");
            if (due[n].url && due[n].payload && due[n].msg_id)
                n++;
            else {
                free(due[n].url);
                free(due[n].payload);
                free(due[n].msg_id);
            }
        }
        dbrows_free(r);
        for (int i = 0; i < n; i++) {
            if (!s->stopping && claim_delivery(c, due[i].id))
                deliver_one(s, c, team, &due[i]);
            free(due[i].url);
            free(due[i].payload);
            free(due[i].msg_id);
        }
        if (n < WEBHOOK_BATCH || s->stopping)
            return;
    }
}

/* Which thread delivers for which team: a team is claimed by at most one thread at a time. */
static struct {
    pthread_mutex_t lock;
    bool claimed[WEBHOOK_THREADS];
    int64_t team[WEBHOOK_THREADS];
    pthread_t thread[WEBHOOK_THREADS];
    int nthreads;
    struct server *s;
} pool = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Claims for thread `me` the team with the longest-due delivery that no thread has: true and
 * its id into *team, or false when every team with something due is being served. */
static bool claim_team(dbc *c, int me, int64_t *team)
{
    bool got = false;
    pthread_mutex_lock(&pool.lock);
    dbrows *r = NULL;
    int rc = dbc_query(c, &r,
                       "SELECT team_id FROM webhook_deliveries WHERE delivered_at IS "
                       "NULL AND failed_at IS NULL AND next_at <= ? GROUP BY team_id "
                       "ORDER BY min(next_at) LIMIT 64",
                       "i", db_now_ms());
    while (!got && !rc && dbrows_next(r) == 1) {
        int64_t t = dbrows_int(r, "team_id");
        bool busy = false;
        for (int i = 0; i < pool.nthreads && !busy; i++)
            busy = pool.claimed[i] && pool.team[i] == t;
        if (!busy) {
            pool.claimed[me] = true;
            pool.team[me] = t;
            *team = t;
            got = true;
        }
    }
    dbrows_free(r);
    pthread_mutex_unlock(&pool.lock);
    return got;
}

static void *webhook_main(void *arg)
{
    int me = (int)(intptr_t)arg;
    struct server *s = pool.s;
    while (!s->stopping) {
        dbc *c = db_get(s->db);
        int64_t team;
        bool got = c && claim_team(c, me, &team);
        if (got) {
            deliver_team(s, c, team);
            pthread_mutex_lock(&pool.lock);
            pool.claimed[me] = false;
            pthread_mutex_unlock(&pool.lock);
        }
        db_put(s->db, c);
        if (!got)
            usleep(100000);
    }
    return NULL;
}

int webhook_start(struct server *s)
{
    pool.s = s;
    pool.nthreads = 0;
    for (int i = 0; i < WEBHOOK_THREADS; i++) {
        int rc = pthread_create(&pool.thread[i], NULL, webhook_main, (void *)(intptr_t)i);
        if (rc)
            return -rc; /* webhook_stop joins those started */
        pool.nthreads++;
    }
    return 0;
}

void webhook_stop(struct server *s)
{
    (void)s;
    for (int i = 0; i < pool.nthreads; i++)
        pthread_join(pool.thread[i], NULL);
    pool.nthreads = 0;
    curl_global_cleanup();
}

/*** The team's side: the delivery log and redelivery ***/

#define DELIVERY_COLUMNS                                                                           \
    "id, team_id, msg_id, event, url, attempts, delivered_at, failed_at, last_error, "             \
    "response_code, response_excerpt, last_attempt_at, created_at, redelivery_of, invite_id, "     \
    "next_at"

static json_t *ms_or_null(const dbrows *r, const char *col)
{
    return dbrows_null(r, col) ? json_null() : json_integer(dbrows_int(r, col));
}

static json_t *text_or_null(const dbrows *r, const char *col)
{
    const char *t = dbrows_text(r, col);
    return t ? json_string(t) : json_null();
}

static json_t *delivery_json(const dbrows *r)
{
    const char *status = !dbrows_null(r, "delivered_at") ? "delivered"
                         : !dbrows_null(r, "failed_at")  ? "failed"
                         : dbrows_int(r, "attempts") > 0 ? "retrying"
                                                         : "pending";
    int64_t next = dbrows_int(r, "next_at");
    return json_pack(
        "{s:I, s:I, s:o, s:o, s:s, s:s, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:I, "
        "s:o, s:I, s:o}",
        "id", (json_int_t)dbrows_int(r, "id"), "team_id", (json_int_t)dbrows_int(r, "team_id"),
        "msg_id", text_or_null(r, "msg_id"), "event", text_or_null(r, "event"), "url",
        dbrows_text(r, "url"), "status", status, "attempts", (json_int_t)dbrows_int(r, "attempts"),
        "delivered_at", ms_or_null(r, "delivered_at"), "failed_at", ms_or_null(r, "failed_at"),
        "last_error", text_or_null(r, "last_error"), "response_code",
        ms_or_null(r, "response_code"), "response_excerpt", text_or_null(r, "response_excerpt"),
        "last_attempt_at", ms_or_null(r, "last_attempt_at"), "created_at",
        (json_int_t)dbrows_int(r, "created_at"), "redelivery_of", ms_or_null(r, "redelivery_of"),
        "invite_id", (json_int_t)dbrows_int(r, "invite_id"), "next_attempt_at",
        !strcmp(status, "retrying") || !strcmp(status, "pending") ? json_integer(next)
                                                                  : json_null());
}

int webhook_deliveries(dbc *c, int64_t team_id, int64_t before, int limit, json_t **out,
                       int64_t *next)
{
    json_t *list = json_array();
    dbrows *r = NULL;
    int rc = !list ? -ENOMEM
                   : dbc_query(c, &r,
                               "SELECT " DELIVERY_COLUMNS " FROM webhook_deliveries "
                               "WHERE (? < 0 OR team_id = ?) AND (? = 0 OR id < ?) "
                               "ORDER BY id DESC LIMIT ?",
                               "iiiii", team_id, team_id, before, before, (int64_t)limit + 1);
    if (rc)
        goto out;
    int n = 0;
    int64_t last = 0;
    bool more = false;
    while ((rc = dbrows_next(r)) == 1) {
        if (n == limit) {
            more = true;
            break;
        }
        json_t *d = delivery_json(r);
        if (!d || json_array_append_new(list, d)) {
            rc = -ENOMEM;
            goto out;
        }
        last = dbrows_int(r, "id");
        n++;
    }
    if (rc < 0)
        goto out;
    *next = more ? last : 0;
    *out = list;
    list = NULL;
    rc = 0;
out:
    dbrows_free(r);
    json_decref(list);
    return rc;
}

int webhook_redeliver(dbc *c, int64_t team_id, int64_t id, json_t **out)
{
    int64_t now = db_now_ms(), made = 0;
    int rc = dbc_scalar(c, &made,
                        "INSERT INTO webhook_deliveries (invite_id, url, payload, next_at, "
                        "created_at, team_id, msg_id, event, redelivery_of) SELECT invite_id, url, "
                        "payload, ?, ?, team_id, msg_id, event, id FROM webhook_deliveries "
                        "WHERE id = ? AND (? < 0 OR team_id = ?) RETURNING id",
                        "iiiii", now, now, id, team_id, team_id);
    if (rc) /* -ENOENT: no such delivery of that team */
        return rc;
    dbrows *r = NULL;
    rc = dbc_query(c, &r, "SELECT " DELIVERY_COLUMNS " FROM webhook_deliveries WHERE id = ?", "i",
                   made);
    if (!rc)
        rc = dbrows_next(r);
    json_t *d = rc == 1 ? delivery_json(r) : NULL;
    dbrows_free(r);
    if (rc != 1)
        return rc < 0 ? rc : -EIO;
    if (!d)
        return -ENOMEM;
    *out = d;
    return 0;
}
