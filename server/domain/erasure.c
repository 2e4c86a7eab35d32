/* Erasure of candidates and teams, and the retention sweep (erasure.h). */
#define _GNU_SOURCE
#include "erasure.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "audit.h"

#define DAY_MS (86400 * 1000ll)

/* The rows of invite `invite`, children first (no reliance on ON DELETE CASCADE), in the
 * caller's transaction. */
static const char *const invite_rows_sql[] = {
    "DELETE FROM submission_tests WHERE submission_seq IN "
    "(SELECT seq FROM submissions WHERE invite_id = ?)",
    "DELETE FROM practice_submissions WHERE submission_id IN "
    "(SELECT id FROM submissions WHERE invite_id = ?)",
    "DELETE FROM submissions WHERE invite_id = ?",
    "DELETE FROM drafts WHERE invite_id = ?",
    "DELETE FROM draft_snapshots WHERE invite_id = ?",
    "DELETE FROM candidate_signals WHERE invite_id = ?",
    "DELETE FROM reviews WHERE invite_id = ?",
    "DELETE FROM webhook_deliveries WHERE invite_id = ?",
    "DELETE FROM mail_outbox WHERE invite_id = ?",
    "DELETE FROM invites WHERE id = ?",
};

static int erase_invite_rows(dbc *c, int64_t invite)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < sizeof(invite_rows_sql) / sizeof(*invite_rows_sql); i++)
        rc = dbc_run(c, invite_rows_sql[i], "i", invite);
    return rc;
}

/*
 * SQLite keeps deleted rows in the write-ahead log until a checkpoint (secure_delete zeroes them
 * in the file itself): a truncating checkpoint lets them go now. Best effort: a reader holding
 * an old snapshot makes it partial, and the next checkpoint finishes the work.
 */
static void compact(dbc *c)
{
    if (dbc_kind(c) == DB_SQLITE)
        (void)dbc_run(c, "PRAGMA wal_checkpoint(TRUNCATE)", "");
}

int erasure_candidate(db *d, const struct principal *who, int64_t aid, int64_t invite)
{
    int64_t one = 0;
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    /* Another team's candidate is as absent as a missing one. */
    if (!rc)
        rc = dbc_scalar(c, &one,
                        "SELECT 1 AS one FROM invites i JOIN assessments a ON a.id = "
                        "i.assessment_id WHERE i.id = ? AND a.id = ? AND (? = 1 OR a.team_id = ?)",
                        "iiii", invite, aid, (int64_t)(who->role == ROLE_ADMIN),
                        who->role == ROLE_TEAM ? who->team_id : (int64_t)-1);
    if (!rc)
        rc = erase_invite_rows(c, invite);
    if (!rc)
        rc = dbc_commit(c);
    if (rc)
        goto out;
    compact(c);
out:
    db_put(d, c);
    return rc;
}

/* What team `team` owns besides its candidates, children first, each taking the team id as
 * often as it has `?`. */
#define TEAM_SUBMISSIONS                                                                           \
    "SELECT seq FROM submissions WHERE team_id = ? OR version_id IN (SELECT v.id FROM "            \
    "problem_versions v JOIN problems p ON p.slug = v.slug WHERE p.team_id = ?)"
static const struct {
    const char *sql;
    int params;
} team_rows[] = {
    {"DELETE FROM submission_tests WHERE submission_seq IN (" TEAM_SUBMISSIONS ")", 2},
    {"DELETE FROM practice_submissions WHERE submission_id IN (SELECT id FROM submissions "
     "WHERE seq IN (" TEAM_SUBMISSIONS "))",
     2},
    {"DELETE FROM submissions WHERE seq IN (" TEAM_SUBMISSIONS ")", 2},
    {"DELETE FROM assessment_problems WHERE assessment_id IN (SELECT id FROM assessments "
     "WHERE team_id = ?)",
     1},
    {"DELETE FROM assessments WHERE team_id = ?", 1},
    {"DELETE FROM problem_versions WHERE slug IN (SELECT slug FROM problems WHERE team_id = ?)", 1},
    {"DELETE FROM problems WHERE team_id = ?", 1},
    {"DELETE FROM webhook_deliveries WHERE team_id = ?", 1},
    {"DELETE FROM webhook_secrets WHERE team_id = ?", 1},
    {"DELETE FROM login_mail WHERE link_id IN (SELECT l.id FROM login_links l JOIN members m ON "
     "m.id = l.member_id WHERE m.team_id = ?)",
     1},
    {"DELETE FROM login_links WHERE member_id IN (SELECT id FROM members WHERE team_id = ?)", 1},
    {"DELETE FROM logins WHERE member_id IN (SELECT id FROM members WHERE team_id = ?)", 1},
    {"DELETE FROM members WHERE team_id = ?", 1},
    {"DELETE FROM tokens WHERE team_id = ?", 1},
    {"DELETE FROM teams WHERE id = ?", 1},
};

int erasure_team(db *d, int64_t team)
{
    dbrows *rows = NULL;
    int64_t *ids = NULL;
    size_t n = 0, cap = 0;
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    if (!rc)
        rc = dbc_query(c, &rows,
                       "SELECT i.id AS id FROM invites i JOIN assessments a ON a.id = "
                       "i.assessment_id WHERE a.team_id = ?",
                       "i", team);
    /* The ids first: a query's rows are read to the end before the connection writes. */
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        rc = 0;
        if (n == cap) {
            int64_t *more = reallocarray(ids, cap ? cap * 2 : 64, sizeof(*ids));
            if (!more) {
                rc = -ENOMEM;
                break;
            }
            ids = more;
            cap = cap ? cap * 2 : 64;
        }
        ids[n++] = dbrows_int(rows, "id");
    }
    dbrows_free(rows);
    for (size_t i = 0; !rc && i < n; i++)
        rc = erase_invite_rows(c, ids[i]);
    for (size_t i = 0; !rc && i < sizeof(team_rows) / sizeof(*team_rows); i++)
        rc = team_rows[i].params == 2 ? dbc_run(c, team_rows[i].sql, "ii", team, team)
                                      : dbc_run(c, team_rows[i].sql, "i", team);
    if (!rc && !dbc_changes(c))
        rc = -ENOENT; /* the last statement deleted no team */
    if (!rc)
        rc = dbc_commit(c);
    if (rc)
        goto out;
    compact(c);
out:
    free(ids);
    db_put(d, c);
    return rc;
}

int erasure_retention_get(db *d, int64_t team, int64_t *days)
{
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? dbc_query(c, &rows,
                           "SELECT coalesce(retention_days, -1) AS days FROM teams WHERE id = ?",
                           "i", team)
               : -EIO;
    if (!rc)
        rc = dbrows_next(rows);
    if (rc == 1)
        *days = dbrows_int(rows, "days");
    rc = rc == 1 ? 0 : rc == 0 ? -ENOENT : rc;
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}

int erasure_retention_set(db *d, int64_t team, int64_t days)
{
    if (days < -1 || days > RETENTION_DAYS_MAX)
        return -EINVAL;
    dbc *c = db_get(d);
    int rc = !c ? -EIO
             : days < 0
                 ? dbc_run(c, "UPDATE teams SET retention_days = NULL WHERE id = ?", "i", team)
                 : dbc_run(c, "UPDATE teams SET retention_days = ? WHERE id = ?", "ii", days, team);
    if (!rc && !dbc_changes(c))
        rc = -ENOENT;
    db_put(d, c);
    return rc;
}

struct due {
    int64_t invite, team, days;
};

int erasure_sweep(dbc *c, int64_t now, size_t max, size_t *erased)
{
    struct due due[64];
    size_t n = 0;
    dbrows *rows = NULL;
    *erased = 0;
    if (max > sizeof(due) / sizeof(*due))
        max = sizeof(due) / sizeof(*due);
    /* When a candidate is done with: finished, revoked, or never started by the expiry. */
    int rc = dbc_query(c, &rows,
                       "SELECT i.id AS invite, t.id AS team, t.retention_days AS days "
                       "FROM invites i JOIN assessments a ON a.id = i.assessment_id "
                       "JOIN teams t ON t.id = a.team_id WHERE t.retention_days IS NOT NULL "
                       "AND CASE WHEN i.finished_at IS NOT NULL THEN i.finished_at "
                       "WHEN i.revoked_at IS NOT NULL THEN i.revoked_at "
                       "WHEN i.started_at IS NULL THEN i.expires_at END "
                       "+ t.retention_days * ? <= ? ORDER BY i.id LIMIT ?",
                       "iii", DAY_MS, now, (int64_t)max);
    while (!rc && n < max && (rc = dbrows_next(rows)) == 1) {
        rc = 0;
        due[n++] = (struct due){dbrows_int(rows, "invite"), dbrows_int(rows, "team"),
                                dbrows_int(rows, "days")};
    }
    dbrows_free(rows);
    if (rc < 0)
        return rc;
    for (size_t i = 0; i < n; i++) {
        /* The erasure and its audit line together: neither stands without the other. */
        struct principal team = {.role = ROLE_TEAM, .team_id = due[i].team};
        char path[64], target[24];
        snprintf(path, sizeof(path), "retention: %lld days", (long long)due[i].days);
        snprintf(target, sizeof(target), "%lld", (long long)due[i].invite);
        rc = dbc_begin(c);
        if (!rc)
            rc = erase_invite_rows(c, due[i].invite);
        if (!rc)
            rc = audit_record(c, &team, "candidate.erase", "SWEEP", path, 200, target, NULL);
        if (!rc)
            rc = dbc_commit(c);
        if (rc) {
            dbc_rollback(c);
            return rc;
        }
        (*erased)++;
    }
    if (*erased)
        compact(c);
    return 0;
}
