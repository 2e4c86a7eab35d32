/*
 * Members signing in and out: POST /api/v1/auth/login (e-mail and password), /auth/link (a
 * one-time login link), /auth/logout, PUT /auth/password (the member's own). A session is a
 * cookie (LOGIN_COOKIE: HttpOnly, SameSite=Strict, Secure) whose
 * requests that change something carry X-CSRF-Token (http.c checks it for every route).
 *
 * Failed sign-ins are limited per e-mail and per client address (token buckets of
 * ratelimit.h, shared by the nodes of a PostgreSQL store), checked before the password is hashed
 * and taken only by a failure. Unknown e-mails, members without a password and wrong passwords
 * answer the same 401 after the same work (passwords.h verifies them against a dummy hash).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "errmap.h"
#include "logins.h"
#include "members.h"
#include "ratelimit.h"

/* Failed sign-ins: a burst, coming back over 15 minutes. */
#define FAILS_PER_EMAIL   5.0
#define FAILS_PER_ADDRESS 20.0
#define FAILS_WINDOW_MIN  15.0

/* The two buckets of a sign-in: by e-mail (hashed: any length fits the key) and by address. */
static void fail_keys(const struct req *r, const char *email, char by_email[64], char by_addr[96])
{
    unsigned char h[16];
    char hex[33];
    crypto_generichash(h, sizeof(h), (const unsigned char *)email, strlen(email), NULL, 0);
    sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
    snprintf(by_email, 64, "login:mail:%s", hex);
    snprintf(by_addr, 96, "login:addr:%s", r->client);
}

/* False after replying 429 when either bucket is empty. */
static bool fails_left(struct server *s, struct req *r, const char *email)
{
    char by_email[64], by_addr[96];
    unsigned retry = 1, retry2 = 1;
    fail_keys(r, email, by_email, by_addr);
    bool mail_ok = ratelimit_peek(s->ratelimit, by_email, FAILS_PER_EMAIL / FAILS_WINDOW_MIN,
                                  FAILS_PER_EMAIL, &retry);
    bool addr_ok = ratelimit_peek(s->ratelimit, by_addr, FAILS_PER_ADDRESS / FAILS_WINDOW_MIN,
                                  FAILS_PER_ADDRESS, &retry2);
    if (mail_ok && addr_ok)
        return true;
    unsigned wait = !mail_ok && (addr_ok || retry > retry2) ? retry : retry2;
    char v[16];
    snprintf(v, sizeof(v), "%u", wait ? wait : 1);
    http_header(r, "Retry-After", v);
    reply_problem(r, 429, "too many failed sign-ins %s; retry in %s s",
                  mail_ok ? "from this address" : "for this e-mail", v);
    return false;
}

static void fail_taken(struct server *s, struct req *r, const char *email)
{
    char by_email[64], by_addr[96];
    fail_keys(r, email, by_email, by_addr);
    ratelimit_take(s->ratelimit, by_email, FAILS_PER_EMAIL / FAILS_WINDOW_MIN, FAILS_PER_EMAIL,
                   NULL);
    ratelimit_take(s->ratelimit, by_addr, FAILS_PER_ADDRESS / FAILS_WINDOW_MIN, FAILS_PER_ADDRESS,
                   NULL);
}

/*
 * The cookie, always Secure: it never crosses a network in clear. Browsers keep and send Secure
 * cookies of http://127.0.0.1 and http://localhost too (potentially trustworthy origins: checked
 * with Chromium by tests/web/roles.test.mjs), so signing in works on this host without TLS,
 * and from elsewhere only through HTTPS (a TLS-terminating proxy in front of judged).
 * `token` "" with `max_age` 0 ends it.
 */
static void set_cookie(struct req *r, const char *token, long long max_age)
{
    char v[128];
    int n = snprintf(v, sizeof(v), "%s=%s; Path=/; Max-Age=%lld; HttpOnly; SameSite=Strict; Secure",
                     LOGIN_COOKIE, token, max_age);
    if (n > 0 && (size_t)n < sizeof(v)) /* it always fits: a token is 46 characters */
        http_header(r, "Set-Cookie", v);
}

/* Signs member `m` in: a session, its cookie, and 200 with the member and the CSRF token. */
static void sign_in(struct server *s, struct req *r, const struct member_row *m, const char *how)
{
    char token[LOGIN_TOKEN_MAX], csrf[LOGIN_CSRF_MAX];
    struct principal who;
    int64_t expires = 0;
    int rc = logins_create(s->db, m, r->client, token, &who, &expires);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot start a session: %s", strerror(-rc));
        return;
    }
    set_cookie(r, token, LOGIN_MAX_MS / 1000);
    logins_csrf(token, csrf);
    sodium_memzero(token, sizeof(token));
    r->who = who; /* the audit log records the sign-in as the member's */
    r->audit_detail = json_pack("{s:s}", "by", how);
    reply_json(r, 200,
               json_pack("{s:{s:I, s:I, s:s, s:s, s:s}, s:s, s:s, s:I, s:I}", "member", "id",
                         (json_int_t)m->id, "team_id", (json_int_t)m->team_id, "email", m->email,
                         "name", m->name, "role", team_role_name(m->role), "team_role",
                         team_role_name(m->role), "csrf_token", csrf, "expires_at",
                         (json_int_t)expires, "idle_timeout_s",
                         (json_int_t)(LOGIN_IDLE_MS / 1000)));
}

void api_auth_login(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    const char *email_in = json_string_value(json_object_get(body, "email"));
    const char *pw = json_string_value(json_object_get(body, "password"));
    json_t *e = json_array();
    if (!email_in)
        api_field_error(e, "email", "is required: the member's e-mail address");
    if (!pw)
        api_field_error(e, "password", "is required");
    if (json_array_size(e)) {
        reply_problem_errors(r, 422, e, "invalid fields");
        e = NULL;
        goto out;
    }
    /* A malformed or over-long address is nobody's: refused like an unknown one, by its bucket. */
    char email[MEMBER_EMAIL_MAX + 1], hash[PASSWORD_HASH_MAX] = "";
    if (members_email_normalise(email_in, email))
        snprintf(email, sizeof(email), "%.*s", MEMBER_EMAIL_MAX, email_in);
    if (!fails_left(s, r, email))
        goto out;
    struct member_row m;
    int found = members_for_login(s->db, email, &m, hash);
    if (found && found != -ENOENT) {
        reply_problem(r, http_status_of_errno(found), "cannot read the member: %s",
                      strerror(-found));
        goto out;
    }
    bool rehash = false;
    int rc = password_verify(found ? NULL : hash, pw, &rehash);
    sodium_memzero(hash, sizeof(hash));
    if (rc == -EAGAIN) {
        http_header(r, "Retry-After", "5");
        reply_problem(r, 503, "every password hashing slot is busy; retry in a few seconds");
        goto out;
    }
    if (rc == -EACCES) {
        fail_taken(s, r, email);
        reply_problem(r, 401, "the e-mail address or the password is wrong");
        goto out;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot check the password: %s", strerror(-rc));
        goto out;
    }
    /* Hashed with older limits than today's: hashed again now that the password is known. */
    if (rehash && password_hash(pw, hash) == 0)
        members_rehash(s->db, m.id, hash);
    sign_in(s, r, &m, "password");
out:
    json_decref(e);
    json_decref(body);
}

void api_auth_link(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    const char *token = json_string_value(json_object_get(body, "token"));
    struct member_row m;
    int rc =
        token && strlen(token) < LOGIN_TOKEN_MAX ? login_links_redeem(s->db, token, &m) : -ENOENT;
    if (rc == -ENOENT)
        reply_problem(r, 401,
                      "this login link is unknown, used already or expired: ask a team admin for "
                      "a new one");
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot use the link: %s", strerror(-rc));
    else
        sign_in(s, r, &m, "link");
    json_decref(body);
}

void api_auth_logout(struct server *s, struct req *r)
{
    if (!r->who.login_id) {
        reply_problem(r, 409,
                      "this request is signed in by a bearer token, not a session: "
                      "revoke the key instead (DELETE /api/v1/keys/{id})");
        return;
    }
    int rc = logins_end(s->db, r->who.login_id);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot end the session: %s", strerror(-rc));
        return;
    }
    set_cookie(r, "", 0);
    reply_empty(r, 204);
}

void api_auth_password(struct server *s, struct req *r)
{
    if (!r->who.member_id) {
        reply_problem(r, 409, "only a member has a password; this request came with a key");
        return;
    }
    json_t *body = http_json_body(r);
    if (!body)
        return;
    const char *cur = json_string_value(json_object_get(body, "current_password"));
    const char *pw = json_string_value(json_object_get(body, "password")), *why = "is required";
    char hash[PASSWORD_HASH_MAX] = "";
    struct member_row m;
    int rc = members_get(s->db, r->who.team_id, r->who.member_id, &m);
    if (!rc && m.has_password) {
        /* The current one proves it is the member, not a browser left open. */
        char email[MEMBER_EMAIL_MAX + 1];
        snprintf(email, sizeof(email), "%s", m.email);
        if (!fails_left(s, r, email))
            goto out;
        rc = members_for_login(s->db, email, &m, hash);
        if (!rc)
            rc = password_verify(hash, cur ? cur : "", NULL);
        if (rc == -EACCES) {
            fail_taken(s, r, email);
            json_t *e = json_array();
            api_field_error(e, "current_password", "is wrong");
            reply_problem_errors(r, 422, e, "the current password is wrong");
            goto out;
        }
    }
    if (!rc && (!pw || password_check(pw, &why))) {
        json_t *e = json_array();
        api_field_error(e, "password", "%s", pw ? why : "is required: the new password");
        reply_problem_errors(r, 422, e,
                             "the new password %s (at least %d characters, at most %d "
                             "bytes)",
                             pw ? why : "is missing", PASSWORD_MIN, PASSWORD_MAX);
        goto out;
    }
    if (!rc)
        rc = password_hash(pw, hash);
    struct member_change ch = {
        .disabled = -1, .password_hash = hash, .keep_login = r->who.login_id};
    if (!rc)
        rc = members_update(s->db, r->who.team_id, r->who.member_id, &ch, NULL);
    if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot change the password: %s", strerror(-rc));
    else
        reply_empty(r, 204);
out:
    sodium_memzero(hash, sizeof(hash));
    json_decref(body);
}
