/*
 * members: the people of a team, who sign in (logins.h) with an e-mail and a password or a
 * one-time link, each with a role (auth.h's enum team_role). A member acts through a principal
 * of its own: a tokens row whose secret was never made known, so that what is keyed by a token
 * (reviews, rate limits, the audit log) knows the member as one actor. A team always keeps an
 * active admin once it has one: the last one can be neither demoted, disabled nor removed.
 *
 * Errors: 0 or a negative errno (-ENOENT no such team, or no such member in it: another team's
 * is as absent as a missing one; -EEXIST the e-mail is an active member's already; -EALREADY
 * the change would leave the team without an active admin; -EINVAL a malformed e-mail;
 * -ENOMEM; or the store's). Thread-safe: each call takes its own pooled connection.
 * Ownership: lists are the caller's, freed with free().
 */
#ifndef SERVER_MEMBERS_H
#define SERVER_MEMBERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "passwords.h"

#define MEMBER_EMAIL_MAX 254 /* bytes of an e-mail address (RFC 5321's path, less its brackets) */
#define MEMBER_NAME_MAX  100 /* characters of a display name */

struct member_row {
    int64_t id, team_id, token_id;
    char email[MEMBER_EMAIL_MAX + 1]; /* lower case */
    char name[MEMBER_NAME_MAX * 4 + 1];
    enum team_role role;
    bool has_password;
    int64_t created_at;
    int64_t disabled_at; /* 0: may sign in */
};

/*
 * `in` as stored: trimmed of nothing, lower-cased, checked to be local@domain with a dot in the
 * domain, no spaces or control characters, at most MEMBER_EMAIL_MAX bytes. 0 or -EINVAL.
 */
int members_email_normalise(const char *in, char out[MEMBER_EMAIL_MAX + 1]);

/* Team `team`'s members (not removed ones), by id. */
int members_list(db *d, int64_t team, struct member_row **out, size_t *n);
/* Member `id` of team `team` (not removed) into *out. */
int members_get(db *d, int64_t team, int64_t id, struct member_row *out);
/*
 * A new member of team `team`: `email` (normalised already), `name`, `role`, and a password
 * hash (passwords.h) or NULL (login links only). Its row into *out.
 */
int members_add(db *d, int64_t team, const char *email, const char *name, enum team_role role,
                const char *password_hash, struct member_row *out);

/* What members_update changes: each field left at its zero value stays as it is. */
struct member_change {
    enum team_role role;       /* 0: unchanged */
    const char *name;          /* NULL: unchanged */
    int disabled;              /* -1 unchanged, 0 enable, 1 disable (ends its sessions) */
    const char *password_hash; /* NULL: unchanged; set: every session of the member but
                                  keep_login ends */
    int64_t keep_login;        /* a session to keep (the member's own, changing its password) */
};
/* Changes member `id` of team `team`; its new row into *out (may be NULL). */
int members_update(db *d, int64_t team, int64_t id, const struct member_change *ch,
                   struct member_row *out);
/* Removes member `id` of team `team`: its sessions and links end, its principal is revoked. */
int members_remove(db *d, int64_t team, int64_t id);

/*
 * The active member (not disabled, not removed) of e-mail `email` (normalised), with its
 * password hash into `hash` ("" when it has none). -ENOENT when none.
 */
int members_for_login(db *d, const char *email, struct member_row *out,
                      char hash[PASSWORD_HASH_MAX]);
/* Member `id` of any team, when it may sign in (neither disabled nor removed). -ENOENT if not. */
int members_get_active(db *d, int64_t id, struct member_row *out);
/* Replaces the stored hash of member `id` (a rehash at login, with today's limits). */
int members_rehash(db *d, int64_t id, const char *hash);

/* The principal member `m` acts as, signed in by session `login_id`. */
struct principal members_principal(const struct member_row *m, int64_t login_id);

#endif
