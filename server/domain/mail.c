/* Invite e-mails: the outbox, the reminder, the SMTP client (mail.h). */
#define _GNU_SOURCE
#include "mail.h"

#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "strbuf.h"

#define MAIL_BATCH    8  /* messages a pass */
#define MAIL_ATTEMPTS 6  /* then the invitation is given up (logged) */
#define MAIL_TIMEOUT  30 /* seconds for one message */
/* An invitation being sent is claimed for this long: every node of a shared store runs this
 * thread, and only the node whose claim took sends; a node that dies mid-send leaves the row to
 * be sent again after it (at least once, never by two nodes at a time). */
#define MAIL_CLAIM_MS (10LL * MAIL_TIMEOUT * 1000)

static pthread_t mail_thread;
static bool mail_running;

/* The template: a subject line, a blank line, the text. */
static const char invite_template[] =
    "Your invitation: {{assessment}}\n\n"
    "Hello {{name}},\n\n"
    "you are invited to take the assessment \"{{assessment}}\".\n"
    "Open this link to start when you are ready (the timer starts then):\n\n"
    "  {{link}}\n\n"
    "The link works until {{closes}}. It is yours alone: do not share it.\n";
static const char reminder_template[] =
    "Reminder: {{assessment}} closes soon\n\n"
    "Hello {{name}},\n\n"
    "the assessment \"{{assessment}}\" is open to you until {{closes}} and you have not started "
    "it yet.\nStart it from the link in your invitation e-mail.\n";

static const char login_template[] =
    "Your sign-in link: {{assessment}}\n\n"
    "Hello {{name}},\n\n"
    "here is your link to sign in to the hiring team \"{{assessment}}\" on judged:\n\n"
    "  {{link}}\n\n"
    "It signs you in once and works until {{closes}}. It is yours alone: do not share it.\n";

bool mail_enabled(const struct server *s)
{
    return s->cfg.smtp_url && *s->cfg.smtp_url && s->cfg.mail_from && *s->cfg.mail_from;
}

int mail_queue_invite(struct server *s, int64_t invite, const char *token)
{
    if (!mail_enabled(s))
        return 0;
    int64_t now = db_now_ms();
    dbc *c = db_get(s->db);
    int rc = c ? dbc_run(c,
                         "INSERT INTO mail_outbox (invite_id, token, next_at, created_at) "
                         "VALUES (?, ?, ?, ?)",
                         "isii", invite, token, now, now)
               : -EIO;
    db_put(s->db, c);
    return rc;
}

int mail_queue_login_link(struct server *s, int64_t link, const char *token)
{
    if (!mail_enabled(s))
        return 0;
    dbc *c = db_get(s->db);
    int rc = c ? dbc_run(c, "INSERT INTO login_mail (link_id, token, next_at) VALUES (?, ?, ?)",
                         "isi", link, token, db_now_ms())
               : -EIO;
    db_put(s->db, c);
    return rc;
}

/* `v` without line breaks, so that no value starts a header of its own. */
static void add_clean(struct strbuf *b, const char *v)
{
    for (const char *p = v; *p; p++)
        strbuf_addstr(b, *p == '\r' || *p == '\n' ? " " : (char[]){*p, 0});
}

struct fields {
    const char *name, *email, *assessment, *link;
    char closes[40];
};

/* The template filled in: its subject into `subject`, its text into `text`. */
static void fill(const char *tmpl, const struct fields *f, struct strbuf *subject,
                 struct strbuf *text)
{
    struct strbuf *b = subject;
    for (const char *p = tmpl; *p;) {
        if (b == subject && *p == '\n') {
            b = text;
            p += p[1] == '\n' ? 2 : 1;
            continue;
        }
        const char *v = NULL;
        size_t skip = 0;
        static const char *const keys[] = {"{{name}}", "{{assessment}}", "{{link}}", "{{closes}}"};
        const char *vals[] = {f->name, f->assessment, f->link, f->closes};
        for (size_t k = 0; k < 4 && !v; k++)
            if (!strncmp(p, keys[k], strlen(keys[k]))) {
                v = vals[k];
                skip = strlen(keys[k]);
            }
        if (v) {
            if (b == subject)
                add_clean(b, v);
            else
                strbuf_addstr(b, v);
            p += skip;
        } else {
            strbuf_addstr(b, (char[]){*p++, 0});
        }
    }
}

struct upload {
    const char *data;
    size_t len, at;
};

static size_t read_cb(char *buf, size_t size, size_t n, void *ud)
{
    struct upload *u = ud;
    size_t want = size * n, left = u->len - u->at;
    if (want > left)
        want = left;
    memcpy(buf, u->data + u->at, want);
    u->at += want;
    return want;
}

/* Sends one message to `to`. 0, or -EIO with `err` saying why. */
static int smtp_send(const struct server *s, const char *to, const struct strbuf *subject,
                     const struct strbuf *text, char *err, size_t errsize)
{
    struct strbuf m = STRBUF_INIT(0), from = STRBUF_INIT(0), rcpt = STRBUF_INIT(0);
    char date[64], id[33];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
    auth_random_hex(id, 16);
    strbuf_addstr(&from, "<");
    add_clean(&from, s->cfg.mail_from);
    strbuf_addstr(&from, ">");
    strbuf_addstr(&rcpt, "<");
    add_clean(&rcpt, to);
    strbuf_addstr(&rcpt, ">");
    strbuf_addstr(&m, "Date: ");
    strbuf_addstr(&m, date);
    strbuf_addstr(&m, "\r\nFrom: ");
    strbuf_addstr(&m, strbuf_str(&from));
    strbuf_addstr(&m, "\r\nTo: ");
    strbuf_addstr(&m, strbuf_str(&rcpt));
    strbuf_addstr(&m, "\r\nMessage-ID: <");
    strbuf_addstr(&m, id);
    strbuf_addstr(&m, "@judged>\r\nSubject: ");
    strbuf_addstr(&m, strbuf_str(subject));
    strbuf_addstr(&m, "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                      "Content-Transfer-Encoding: 8bit\r\n\r\n");
    /* Lines end in CRLF on the wire. */
    for (const char *p = strbuf_str(text); *p; p++)
        strbuf_addstr(&m, *p == '\n' ? "\r\n" : (char[]){*p, 0});
    int rc = -EIO;
    struct upload up = {strbuf_str(&m), m.len, 0};
    struct curl_slist *rcpts = curl_slist_append(NULL, strbuf_str(&rcpt));
    CURL *h = curl_easy_init();
    if (!h || !rcpts) {
        snprintf(err, errsize, "out of memory");
        goto out;
    }
    char curl_err[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(h, CURLOPT_URL, s->cfg.smtp_url);
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, strbuf_str(&from));
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpts);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(h, CURLOPT_READDATA, &up);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)MAIL_TIMEOUT);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, curl_err);
    CURLcode cc = curl_easy_perform(h);
    if (cc == CURLE_OK)
        rc = 0;
    else
        snprintf(err, errsize, "%s", curl_err[0] ? curl_err : curl_easy_strerror(cc));
out:
    curl_easy_cleanup(h);
    curl_slist_free_all(rcpts);
    strbuf_release(&m);
    strbuf_release(&from);
    strbuf_release(&rcpt);
    return rc;
}

#define DUE_COLS                                                                                   \
    "i.id AS invite, i.name AS name, i.email AS email, a.title AS title, CASE WHEN a.closes_at "   \
    "IS NOT NULL AND a.closes_at < i.expires_at THEN a.closes_at ELSE i.expires_at END AS closes"

struct due {
    int64_t outbox, invite, closes;
    char *name, *email, *title, *token;
};

static void due_release(struct due *d)
{
    free(d->name);
    free(d->email);
    free(d->title);
    free(d->token);
}

static void send_one(struct server *s, const struct due *d, bool reminder, char *err,
                     size_t errsize, int *rc)
{
    struct strbuf subject = STRBUF_INIT(0), text = STRBUF_INIT(0), link = STRBUF_INIT(0);
    struct fields f = {.name = d->name, .email = d->email, .assessment = d->title};
    time_t t = (time_t)(d->closes / 1000);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(f.closes, sizeof(f.closes), "%Y-%m-%d %H:%M UTC", &tm);
    if (d->token) {
        strbuf_addstr(&link, s->cfg.public_url ? s->cfg.public_url : "");
        strbuf_addstr(&link, "/invite#");
        strbuf_addstr(&link, d->token);
    }
    f.link = strbuf_str(&link);
    fill(reminder ? reminder_template : invite_template, &f, &subject, &text);
    *rc = smtp_send(s, d->email, &subject, &text, err, errsize);
    strbuf_release(&subject);
    strbuf_release(&text);
    strbuf_release(&link);
}

/* Invitations due: sent, then the token goes; a failure waits longer each time. */
static void send_invitations(struct server *s, dbc *c, int64_t now)
{
    struct due due[MAIL_BATCH];
    size_t n = 0;
    dbrows *rows = NULL;
    int rc = dbc_query(c, &rows,
                       "SELECT o.id AS outbox, o.token AS token, " DUE_COLS
                       " FROM mail_outbox o JOIN invites i ON i.id = o.invite_id JOIN "
                       "assessments a ON a.id = i.assessment_id WHERE o.next_at <= ? "
                       "ORDER BY o.id LIMIT ?",
                       "ii", now, (int64_t)MAIL_BATCH);
    while (!rc && n < MAIL_BATCH && (rc = dbrows_next(rows)) == 1) {
        rc = 0;
        due[n] = (struct due){.outbox = dbrows_int(rows, "outbox"),
                              .invite = dbrows_int(rows, "invite"),
                              .closes = dbrows_int(rows, "closes"),
                              .name = dbrows_strdup(rows, "name"),
                              .email = dbrows_strdup(rows, "email"),
                              .title = dbrows_strdup(rows, "title"),
                              .token = dbrows_strdup(rows, "token")};
        n++;
    }
    dbrows_free(rows);
    for (size_t i = 0; i < n; i++) {
        char err[256] = "";
        struct due *d = &due[i];
        rc = dbc_run(c, "UPDATE mail_outbox SET next_at = ? WHERE id = ? AND next_at <= ?", "iii",
                     now + MAIL_CLAIM_MS, d->outbox, now);
        if (rc || dbc_changes(c) != 1) {
            due_release(d); /* another node took it, or the store failed: a later pass looks */
            rc = 0;
            continue;
        }
        if (!d->name || !d->email || !d->title || !d->token)
            rc = -ENOMEM;
        else
            send_one(s, d, false, err, sizeof(err), &rc);
        int64_t t = db_now_ms();
        if (!rc) {
            (void)dbc_run(c, "UPDATE invites SET mailed_at = ? WHERE id = ?", "ii", t, d->invite);
            (void)dbc_run(c, "DELETE FROM mail_outbox WHERE id = ?", "i", d->outbox);
        } else {
            fprintf(stderr, "judged: invite %lld: the invitation e-mail failed: %s\n",
                    (long long)d->invite, err[0] ? err : strerror(-rc));
            /* 10 s, 40 s, 90 s ... then given up: the token goes either way. */
            (void)dbc_run(c,
                          "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, "
                          "next_at = ? + (attempts + 1) * (attempts + 1) * 10000 WHERE id = ?",
                          "sii", err, t, d->outbox);
            (void)dbc_run(c, "DELETE FROM mail_outbox WHERE id = ? AND attempts >= ?", "ii",
                          d->outbox, (int64_t)MAIL_ATTEMPTS);
        }
        due_release(d);
    }
}

/* Reminders due: once, to candidates who were invited by e-mail and have not started. */
static void send_reminders(struct server *s, dbc *c, int64_t now)
{
    struct due due[MAIL_BATCH];
    size_t n = 0;
    dbrows *rows = NULL;
    int rc = dbc_query(c, &rows,
                       "SELECT " DUE_COLS " FROM invites i JOIN assessments a ON a.id = "
                       "i.assessment_id WHERE i.mailed_at IS NOT NULL AND i.reminded_at IS NULL "
                       "AND i.started_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ? "
                       "AND (a.closes_at IS NULL OR a.closes_at > ?) AND (CASE WHEN a.closes_at "
                       "IS NOT NULL AND a.closes_at < i.expires_at THEN a.closes_at ELSE "
                       "i.expires_at END) - ? <= ? ORDER BY i.id LIMIT ?",
                       "iiiii", now, now, (int64_t)s->cfg.remind_before_s * 1000, now,
                       (int64_t)MAIL_BATCH);
    while (!rc && n < MAIL_BATCH && (rc = dbrows_next(rows)) == 1) {
        rc = 0;
        due[n++] = (struct due){.invite = dbrows_int(rows, "invite"),
                                .closes = dbrows_int(rows, "closes"),
                                .name = dbrows_strdup(rows, "name"),
                                .email = dbrows_strdup(rows, "email"),
                                .title = dbrows_strdup(rows, "title")};
    }
    dbrows_free(rows);
    for (size_t i = 0; i < n; i++) {
        char err[256] = "";
        struct due *d = &due[i];
        /* Once, decided before it is sent: the row is claimed only while the candidate has not
         * started and no node reminded them, so neither a start since the look above nor a
         * second node sends it. A failed reminder is not tried again (the invitation holds the
         * link). */
        rc = dbc_run(c,
                     "UPDATE invites SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL "
                     "AND started_at IS NULL",
                     "ii", db_now_ms(), d->invite);
        if (rc || dbc_changes(c) != 1) {
            due_release(d);
            rc = 0;
            continue;
        }
        if (!d->name || !d->email || !d->title)
            rc = -ENOMEM;
        else
            send_one(s, d, true, err, sizeof(err), &rc);
        if (rc)
            fprintf(stderr, "judged: invite %lld: the reminder e-mail failed: %s\n",
                    (long long)d->invite, err[0] ? err : strerror(-rc));
        due_release(d);
    }
}

/* Login links due: sent, then the token goes; a link used or expired first is not sent. */
static void send_login_links(struct server *s, dbc *c, int64_t now)
{
    struct due due[MAIL_BATCH];
    size_t n = 0;
    dbrows *rows = NULL;
    (void)dbc_run(c,
                  "DELETE FROM login_mail WHERE link_id IN (SELECT id FROM login_links WHERE "
                  "used_at IS NOT NULL OR expires_at <= ?)",
                  "i", now);
    int rc = dbc_query(c, &rows,
                       "SELECT o.id AS outbox, o.token AS token, l.expires_at AS closes, m.name AS "
                       "name, m.email AS email, t.name AS title FROM login_mail o JOIN "
                       "login_links l ON l.id = o.link_id JOIN members m ON m.id = l.member_id "
                       "JOIN teams t ON t.id = m.team_id WHERE o.next_at <= ? ORDER BY o.id "
                       "LIMIT ?",
                       "ii", now, (int64_t)MAIL_BATCH);
    while (!rc && n < MAIL_BATCH && (rc = dbrows_next(rows)) == 1) {
        rc = 0;
        due[n++] = (struct due){.outbox = dbrows_int(rows, "outbox"),
                                .closes = dbrows_int(rows, "closes"),
                                .name = dbrows_strdup(rows, "name"),
                                .email = dbrows_strdup(rows, "email"),
                                .title = dbrows_strdup(rows, "title"),
                                .token = dbrows_strdup(rows, "token")};
    }
    dbrows_free(rows);
    for (size_t i = 0; i < n; i++) {
        char err[256] = "";
        struct due *d = &due[i];
        /* Claimed first, as invitations are (MAIL_CLAIM_MS): one node sends it. */
        rc = dbc_run(c, "UPDATE login_mail SET next_at = ? WHERE id = ? AND next_at <= ?", "iii",
                     now + MAIL_CLAIM_MS, d->outbox, now);
        if (rc || dbc_changes(c) != 1) {
            due_release(d);
            rc = 0;
            continue;
        }
        struct strbuf subject = STRBUF_INIT(0), text = STRBUF_INIT(0), link = STRBUF_INIT(0);
        struct fields f = {.name = d->name, .email = d->email, .assessment = d->title};
        time_t t = (time_t)(d->closes / 1000);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(f.closes, sizeof(f.closes), "%Y-%m-%d %H:%M UTC", &tm);
        strbuf_addstr(&link, s->cfg.public_url ? s->cfg.public_url : "");
        strbuf_addstr(&link, "/team/login#");
        strbuf_addstr(&link, d->token ? d->token : "");
        f.link = strbuf_str(&link);
        if (!d->name || !d->email || !d->title || !d->token) {
            rc = -ENOMEM;
        } else {
            fill(login_template, &f, &subject, &text);
            rc = smtp_send(s, d->email, &subject, &text, err, sizeof(err));
        }
        if (!rc) {
            (void)dbc_run(c, "DELETE FROM login_mail WHERE id = ?", "i", d->outbox);
        } else {
            fprintf(stderr, "judged: the login link e-mail to a member failed: %s\n",
                    err[0] ? err : strerror(-rc));
            (void)dbc_run(c,
                          "UPDATE login_mail SET attempts = attempts + 1, last_error = ?, "
                          "next_at = ? + (attempts + 1) * (attempts + 1) * 10000 WHERE id = ?",
                          "sii", err, db_now_ms(), d->outbox);
            (void)dbc_run(c, "DELETE FROM login_mail WHERE id = ? AND attempts >= ?", "ii",
                          d->outbox, (int64_t)MAIL_ATTEMPTS);
        }
        strbuf_release(&subject);
        strbuf_release(&text);
        strbuf_release(&link);
        due_release(d);
    }
}

static void *mail_main(void *arg)
{
    struct server *s = arg;
    while (!s->stopping) {
        dbc *c = db_get(s->db);
        if (c) {
            int64_t now = db_now_ms();
            send_invitations(s, c, now);
            send_reminders(s, c, now);
            send_login_links(s, c, now);
        }
        db_put(s->db, c);
        for (int i = 0; i < 10 && !s->stopping; i++)
            usleep(100000);
    }
    return NULL;
}

int mail_start(struct server *s)
{
    bool url = s->cfg.smtp_url && *s->cfg.smtp_url, from = s->cfg.mail_from && *s->cfg.mail_from;
    /* Half a mail setting is a mistake to say at the start, not invites that never go. */
    if (url != from) {
        fprintf(stderr, "judged: invite e-mail needs both --smtp-url and --mail-from\n");
        return -EINVAL;
    }
    if (!url)
        return 0;
    int rc = pthread_create(&mail_thread, NULL, mail_main, s);
    mail_running = rc == 0;
    return -rc;
}

void mail_stop(struct server *s)
{
    (void)s;
    if (mail_running)
        pthread_join(mail_thread, NULL);
    mail_running = false;
}
