/*
 * teams: hiring teams and their API keys (bearer tokens of role "team"). Only the hashes of keys
 * are stored; a new key's text is returned once, to the caller that made it.
 *
 * Errors: 0 or a negative errno (-ENOENT no such team or active key, -EEXIST a team of that name,
 * -ENOMEM, or the store's). Thread-safe: each call takes its own connection from the pool.
 * Ownership: arrays returned are the caller's, freed with teams_free() / team_keys_free().
 */
#ifndef SERVER_TEAMS_H
#define SERVER_TEAMS_H

#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"

#define TEAM_NAME_MAX 100 /* characters of a team's or a key's name */

struct team_row {
    int64_t id;
    char name[TEAM_NAME_MAX * 4 + 1]; /* UTF-8 */
    int64_t created_at;
};

struct team_key_row {
    int64_t id;
    char name[TEAM_NAME_MAX * 4 + 1];
    enum team_role role; /* what the key may do in its team (keys made before roles: admin) */
    int64_t created_at;
    int64_t revoked_at; /* 0 while active */
};

/* Every team, by id: *out (n into *n). */
int teams_list(db *d, struct team_row **out, size_t *n);
/* A new team `name`: its row into *out. -EEXIST when the name is taken. */
int teams_create(db *d, const char *name, struct team_row *out);
/* Team `id` into *out (may be NULL: only whether it exists). */
int teams_get(db *d, int64_t id, struct team_row *out);
/* Team `team`'s keys, revoked ones too, by id (not its members' own principals, members.h).
 * -ENOENT: no such team. */
int team_keys_list(db *d, int64_t team, struct team_key_row **out, size_t *n);
/*
 * A new key for team `team` named `name` (may be "") with role `role`: its row into *out and its
 * text, shown once, into `token` (`size` >= 80). -ENOENT: no such team.
 */
int team_keys_create(db *d, int64_t team, const char *name, enum team_role role,
                     struct team_key_row *out, char *token, size_t size);
/* The team whose key `id` is, into *team, and its role into *role: -ENOENT when it is no
 * team's key (a member's own principal is none). */
int team_keys_team(db *d, int64_t id, int64_t *team, enum team_role *role);
/* Revokes key `id` (any role's, as the admin may). -ENOENT: no such key active. */
int team_keys_revoke(db *d, int64_t id);

#endif
