/*
 * check_assessments: the hiring domain modules (assessments, invites, sessions, reports, drafts,
 * practice) against a real store in a fresh folder, SQLite by default; JUDGED_TEST_STORE=
 * postgresql://... runs the same cases against PostgreSQL. Rows the modules only read (teams,
 * problems, submissions) are written here directly.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessments.h"
#include "db.h"
#include "drafts.h"
#include "fsutil.h"
#include "helpers.h"
#include "helpers_db.h"
#include "invites.h"
#include "practice.h"
#include "reports.h"
#include "sessions.h"
#include "webhook.h"

static char *dir;
static db *d;
static int64_t version_p1;
static const struct principal team1 = {.role = ROLE_TEAM, .team_id = 1};
static const struct principal team2 = {.role = ROLE_TEAM, .team_id = 2};
static const struct principal admin = {.role = ROLE_ADMIN};

static void run(const char *sql)
{
    dbc *c = db_get(d);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(dbc_run(c, sql, ""), 0);
    db_put(d, c);
}

static void setup(void)
{
    char url[4096], err[256];
    const char *env = getenv("JUDGED_TEST_STORE");
    dir = helper_tmpdir();
    if (env && *env)
        snprintf(url, sizeof(url), "%s", env);
    else
        snprintf(url, sizeof(url), "sqlite:%s/t.db", dir);
    ck_assert_msg(db_open_url(url, &d, err, sizeof(err)) == 0, "%s", err);
    run("INSERT INTO teams (id, name, created_at) VALUES (1, 'one', 1), (2, 'two', 1)");
    run("INSERT INTO problems (slug, team_id, public, created_at, updated_at) VALUES "
        "('p1', 1, 0, 1, 1), ('pub', NULL, 1, 1, 1), ('other', 2, 0, 1, 1)");
    run("INSERT INTO problems (slug, public, created_at, updated_at, deleted_at) VALUES "
        "('gone', 1, 1, 1, 5)");
    dbc *c = db_get(d);
    ck_assert_int_eq(dbc_scalar(c, &version_p1,
                                "INSERT INTO problem_versions (slug, version, hash, title, "
                                "time_limit_ms, detail, verification, tests, created_at) VALUES "
                                "('p1', 1, 'h', 'Problem one', 1000, ?, '{}', 1, 1) RETURNING id",
                                "s", "{\"title\": \"Problem one\", \"template\": \"int main\"}"),
                     0);
    ck_assert_int_eq(
        dbc_run(c, "UPDATE problems SET current = ? WHERE slug = 'p1'", "i", version_p1), 0);
    db_put(d, c);
}

static void teardown(void)
{
    helper_db_empty(d);
    db_close(d);
    fs_remove_tree(dir);
    free(dir);
}

/* An assessment of team 1 with p1 (100 points) and pub (50), `duration_s` long. */
static int64_t make_assessment(int64_t duration_s, const char *webhook, const char *langs)
{
    const char *slugs[] = {"p1", "pub"};
    double points[] = {100, 50};
    struct assessment_new a = {.title = "Backend",
                               .rules = "no help",
                               .duration_s = duration_s,
                               .counts = "best",
                               .webhook_url = webhook,
                               .webhook_events = "candidate.finished",
                               .submit_drafts_at_end = true,
                               .languages = langs,
                               .slugs = slugs,
                               .points = points,
                               .nproblems = 2};
    int64_t id = 0;
    char secret[WEBHOOK_SECRET_LEN] = "x";
    ck_assert_int_eq(assessments_create(d, &team1, &a, &id, secret), 0);
    ck_assert_int_gt(id, 0);
    return id;
}

static int64_t make_invite(int64_t aid, int64_t expires)
{
    char token[INVITE_TOKEN_LEN];
    int64_t id = 0;
    ck_assert_int_eq(invites_create(d, aid, "Ada", "ada@example.com", expires, 1000, token, &id),
                     0);
    ck_assert(!strncmp(token, "ji_", 3));
    return id;
}

/* A judged submission of candidate `invite` to p1. */
static void add_submission(const char *id, int64_t invite, const char *slug, double score,
                           const char *verdict)
{
    dbc *c = db_get(d);
    ck_assert_int_eq(dbc_run(c,
                             "INSERT INTO submissions (id, version_id, slug, language, source, "
                             "status, verdict, score, max_score, created_at, finished_at, "
                             "invite_id) VALUES (?, ?, ?, 'c', 'int main(){}', 'done', ?, ?, "
                             "100, 1, 2, nullif(?, 0))",
                             "sissdi", id, version_p1, slug, verdict, score, invite),
                     0);
    db_put(d, c);
}

START_TEST(test_assessment_create_get_list)
{
    int64_t id = make_assessment(3600, NULL, "c,python");
    struct assessment_row a;
    ck_assert_int_eq(assessments_get(d, id, &a), 0);
    ck_assert_str_eq(a.title, "Backend");
    ck_assert_int_eq(a.team_id, 1);
    ck_assert_int_eq(a.duration_s, 3600);
    ck_assert_int_eq(a.opens_at, 0);
    ck_assert_ptr_null(a.webhook_url);
    ck_assert_str_eq(a.languages, "c,python");
    ck_assert_uint_eq(a.nproblems, 2);
    ck_assert_str_eq(a.problems[0].slug, "p1");
    ck_assert_str_eq(a.problems[0].title, "Problem one");
    ck_assert_str_eq(a.problems[1].title, "pub"); /* no version: its slug */
    ck_assert(a.problems[1].points == 50);
    assessment_row_release(&a);
    ck_assert_int_eq(assessments_get(d, id + 100, &a), -ENOENT);

    struct assessment_row *list = NULL;
    size_t n = 9;
    ck_assert_int_eq(assessments_list(d, &team2, &list, &n), 0);
    ck_assert_uint_eq(n, 0);
    assessments_list_free(list, n);
    ck_assert_int_eq(assessments_list(d, &admin, &list, &n), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(list[0].id, id);
    assessments_list_free(list, n);
}
END_TEST

START_TEST(test_assessment_owned_and_usable)
{
    int64_t id = make_assessment(3600, NULL, "");
    ck_assert_int_eq(assessments_owned(d, &team1, id), 0);
    ck_assert_int_eq(assessments_owned(d, &admin, id), 0);
    ck_assert_int_eq(assessments_owned(d, &team2, id), -ENOENT);
    ck_assert_int_eq(assessments_owned(d, &team1, id + 1), -ENOENT);
    ck_assert_int_eq(assessments_problem_usable(d, &team1, "p1"), 0);
    ck_assert_int_eq(assessments_problem_usable(d, &team1, "pub"), 0);
    ck_assert_int_eq(assessments_problem_usable(d, &team1, "other"), -ENOENT);
    ck_assert_int_eq(assessments_problem_usable(d, &team1, "gone"), -ENOENT);
    ck_assert_int_eq(assessments_problem_usable(d, &team1, "nothing"), -ENOENT);
    ck_assert_int_eq(assessments_problem_usable(d, &admin, "other"), 0);
}
END_TEST

START_TEST(test_assessment_duplicate_problem_and_secret)
{
    const char *slugs[] = {"p1", "p1"};
    double points[] = {1, 2};
    struct assessment_new a = {.title = "t",
                               .rules = "",
                               .duration_s = 60,
                               .counts = "best",
                               .webhook_events = "",
                               .languages = "",
                               .slugs = slugs,
                               .points = points,
                               .nproblems = 2};
    int64_t id = 0;
    char secret[WEBHOOK_SECRET_LEN];
    ck_assert_int_eq(assessments_create(d, &team1, &a, &id, secret), -EEXIST);
    ck_assert_int_eq(id, 0);
    /* The team's first webhook makes its secret, once. */
    make_assessment(60, "https://example.com/hook", "");
    a.nproblems = 1;
    a.webhook_url = "https://example.com/hook";
    ck_assert_int_eq(assessments_create(d, &team1, &a, &id, secret), 0);
    ck_assert_str_eq(secret, "");
    a.nproblems = 1;
    ck_assert_int_eq(assessments_create(d, &team2, &a, &id, secret), 0);
    ck_assert(!strncmp(secret, "whsec_", 6));
}
END_TEST

START_TEST(test_assessment_delete_takes_submissions)
{
    int64_t aid = make_assessment(3600, NULL, "");
    int64_t inv = make_invite(aid, 1 << 30);
    add_submission("s1", inv, "p1", 100, "AC");
    add_submission("s2", 0, "p1", 100, "AC");
    ck_assert_int_eq(assessments_delete(d, aid), 0);
    ck_assert_int_eq(assessments_delete(d, aid), -ENOENT);
    dbc *c = db_get(d);
    int64_t n = -1;
    ck_assert_int_eq(dbc_scalar(c, &n, "SELECT count(*) AS n FROM submissions", ""), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(dbc_scalar(c, &n, "SELECT count(*) AS n FROM invites", ""), 0);
    ck_assert_int_eq(n, 0);
    db_put(d, c);
}
END_TEST

START_TEST(test_problem_in_use)
{
    char title[64] = "";
    int64_t aid = make_assessment(3600, NULL, "");
    /* No invite: nothing can start, so the problem is free. */
    ck_assert_int_eq(assessments_problem_in_use(d, "p1", 1000, title, sizeof(title)), 0);
    int64_t inv = make_invite(aid, 5000);
    ck_assert_int_eq(assessments_problem_in_use(d, "p1", 1000, title, sizeof(title)), 1);
    ck_assert_str_eq(title, "Backend");
    ck_assert_int_eq(assessments_problem_in_use(d, "other", 1000, title, sizeof(title)), 0);
    /* The invite expired unused. */
    ck_assert_int_eq(assessments_problem_in_use(d, "p1", 6000, title, sizeof(title)), 0);
    ck_assert_int_eq(invites_revoke(d, &team1, inv, 2000), 0);
    ck_assert_int_eq(assessments_problem_in_use(d, "p1", 1000, title, sizeof(title)), 0);
}
END_TEST

START_TEST(test_invite_states_and_team_changes)
{
    int64_t aid = make_assessment(60, NULL, "");
    int64_t inv = make_invite(aid, 100000);
    struct invite_row i;
    ck_assert_int_eq(invites_get(d, inv, aid, &i), 0);
    ck_assert_str_eq(i.name, "Ada");
    ck_assert_int_eq(invites_state(&i, 2000), INVITE_INVITED);
    ck_assert_int_eq(invites_state(&i, 100000), INVITE_EXPIRED);
    ck_assert_str_eq(invite_state_name(INVITE_EXPIRED), "expired");
    invite_row_release(&i);
    ck_assert_int_eq(invites_get(d, inv, aid + 1, &i), -ENOENT);
    ck_assert_int_eq(invites_owned(d, &team1, inv), 0);
    ck_assert_int_eq(invites_owned(d, &team2, inv), -ENOENT);
    ck_assert_int_eq(invites_revoke(d, &team2, inv, 3000), -ENOENT);

    /* Extra time before the start counts at the start; re-opening needs a finished session. */
    ck_assert_int_eq(invites_extra_time(d, inv, 10, 2000), 0);
    ck_assert_int_eq(invites_reopen(d, inv, 999999, 2000), -EEXIST);
    struct session ss;
    enum session_refusal why;
    ck_assert_int_eq(sessions_start(d, inv, 3000, &ss, &why), 0);
    ck_assert_int_eq(ss.ends, 3000 + 60000 + 600000);
    ck_assert_int_eq(sessions_finish(d, inv, 4000), 0);
    ck_assert_int_eq(invites_extra_time(d, inv, 5, 5000), -EEXIST);
    ck_assert_int_eq(invites_reopen(d, inv, 900000, 5000), 0);
    ck_assert_int_eq(invites_get(d, inv, 0, &i), 0);
    ck_assert_int_eq(i.finished_at, 0);
    ck_assert_int_eq(i.ends_at, 900000);
    ck_assert_int_eq(i.extra_s, 600);
    ck_assert_int_eq(invites_state(&i, 6000), INVITE_STARTED);
    invite_row_release(&i);

    struct principal cand = {.role = ROLE_CANDIDATE, .invite_id = inv};
    ck_assert(invites_token_live(d, &cand));
    ck_assert_int_eq(invites_revoke(d, &team1, inv, 7000), 0);
    ck_assert_int_eq(invites_revoke(d, &team1, inv, 7000), -ENOENT);
    ck_assert(!invites_token_live(d, &cand));
    ck_assert(invites_token_live(d, &team2));

    struct invite_row *list = NULL;
    size_t n = 0;
    make_invite(aid, 100000);
    ck_assert_int_eq(invites_list(d, aid, &list, &n), 0);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(invites_state(&list[0], 8000), INVITE_REVOKED);
    invites_list_free(list, n);
}
END_TEST

START_TEST(test_session_refusals)
{
    int64_t aid = make_assessment(60, NULL, "c");
    int64_t inv = make_invite(aid, 100000);
    struct session ss;
    enum session_refusal why;
    ck_assert_int_eq(sessions_may_submit(d, inv, "p1", "c", true, 2000, &ss, &why), -EACCES);
    ck_assert_int_eq(why, SESSION_NOT_STARTED);
    ck_assert_int_eq(sessions_may_submit(d, inv, "other", "c", true, 2000, &ss, &why), -EINVAL);
    ck_assert_int_eq(why, SESSION_NOT_IN_ASSESSMENT);
    ck_assert_int_eq(sessions_may_submit(d, inv, "p1", "python", true, 2000, &ss, &why), -EINVAL);
    ck_assert_int_eq(why, SESSION_LANGUAGE);
    ck_assert_int_eq(sessions_finish(d, inv, 2000), -EEXIST);
    ck_assert_int_eq(sessions_start(d, inv, 200000, &ss, &why), -EACCES);
    ck_assert_int_eq(why, SESSION_EXPIRED);

    ck_assert_int_eq(sessions_start(d, inv, 2000, &ss, &why), 0);
    ck_assert_int_eq(sessions_start(d, inv, 3000, &ss, &why), 0); /* started already */
    ck_assert_int_eq(ss.started, 2000);
    ck_assert_int_eq(sessions_may_submit(d, inv, "p1", "c", true, 3000, &ss, &why), 0);
    ck_assert_int_eq(sessions_may_submit(d, inv, NULL, NULL, false, 3000, &ss, &why), 0);
    ck_assert_int_eq(sessions_may_submit(d, inv, "p1", "c", true, 62000, &ss, &why), -EACCES);
    ck_assert_int_eq(why, SESSION_TIME_UP);

    char *detail = NULL;
    int64_t version = 0;
    ck_assert_int_eq(sessions_problem(d, inv, "p1", &detail, &version, &why), 0);
    ck_assert_int_eq(version, 1);
    ck_assert_ptr_nonnull(strstr(detail, "Problem one"));
    free(detail);
    ck_assert_int_eq(sessions_problem(d, inv, "pub", &detail, &version, &why), -ENOENT);
    ck_assert_int_eq(why, SESSION_PROBLEM_GONE);
    ck_assert_int_eq(sessions_problem(d, inv, "other", &detail, &version, &why), -ENOENT);
    ck_assert_int_eq(why, SESSION_NOT_IN_ASSESSMENT);

    ck_assert_int_eq(sessions_finish(d, inv, 4000), 0);
    ck_assert_int_eq(sessions_may_submit(d, inv, "p1", "c", true, 5000, &ss, &why), -EACCES);
    ck_assert_int_eq(why, SESSION_FINISHED_EARLY);
    ck_assert_int_eq(sessions_start(d, inv, 5000, &ss, &why), -EEXIST);
    ck_assert_int_eq(why, SESSION_FINISHED);
}
END_TEST

START_TEST(test_session_cap_and_view)
{
    int64_t aid = make_assessment(600, NULL, "");
    run("UPDATE assessments SET max_submissions = 1");
    int64_t inv = make_invite(aid, 100000);
    struct session ss;
    enum session_refusal why;
    ck_assert_int_eq(sessions_start(d, inv, 2000, &ss, &why), 0);
    add_submission("s1", inv, "p1", 40, "WA");
    ck_assert_int_eq(sessions_may_submit(d, inv, "p1", NULL, true, 3000, &ss, &why), -EACCES);
    ck_assert_int_eq(why, SESSION_CAP);
    ck_assert_int_eq(sessions_may_submit(d, inv, "p1", NULL, false, 3000, &ss, &why), 0);
    ck_assert_int_eq(sessions_may_submit(d, inv, "pub", NULL, true, 3000, &ss, &why), 0);
    struct session_view v;
    ck_assert_int_eq(sessions_view(d, inv, &v), 0);
    ck_assert_str_eq(v.name, "Ada");
    ck_assert_str_eq(v.assessment.title, "Backend");
    ck_assert_uint_lt(v.sheet_row, v.sheet.ncand);
    ck_assert_int_eq(reports_cell(&v.sheet, v.sheet_row, 0)->submissions, 1);
    ck_assert(reports_cell_score(&v.sheet, v.sheet_row, 0) == 40);
    sessions_view_release(&v);
}
END_TEST

START_TEST(test_report_best_and_last)
{
    int64_t aid = make_assessment(600, NULL, "");
    int64_t a = make_invite(aid, 100000), b = make_invite(aid, 100000);
    add_submission("a1", a, "p1", 100, "AC");
    add_submission("a2", a, "p1", 30, "WA");
    add_submission("b1", b, "pub", 50, "WA");
    struct report rep;
    ck_assert_int_eq(reports_read(d, aid, &rep), 0);
    ck_assert_uint_eq(rep.ncandidates, 2);
    const struct report_sheet *sh = &rep.sheet;
    size_t ra = reports_row_of(sh, a), rb = reports_row_of(sh, b);
    ck_assert(reports_total(sh, ra) == 100);
    ck_assert_str_eq(reports_cell(sh, ra, 0)->submission, "a1");
    ck_assert_int_eq(reports_cell(sh, ra, 0)->submissions, 2);
    ck_assert(reports_total(sh, rb) == 25);
    ck_assert(reports_max_total(sh) == 150);
    ck_assert_int_eq(reports_time_used_s(&rep.candidates[0], 5000), -1);
    reports_release(&rep);
    run("UPDATE assessments SET counts = 'last'");
    ck_assert_int_eq(reports_read(d, aid, &rep), 0);
    ck_assert(reports_total(&rep.sheet, reports_row_of(&rep.sheet, a)) == 30);
    ck_assert_str_eq(reports_cell(&rep.sheet, reports_row_of(&rep.sheet, a), 0)->verdict, "WA");
    reports_release(&rep);
    ck_assert_int_eq(reports_read(d, aid + 7, &rep), -ENOENT);
}
END_TEST

START_TEST(test_time_used)
{
    struct invite_row i = {.started_at = 1000, .ends_at = 61000};
    ck_assert_int_eq(reports_time_used_s(&i, 31000), 30);
    ck_assert_int_eq(reports_time_used_s(&i, 99000), 60);
    i.revoked_at = 11000;
    ck_assert_int_eq(reports_time_used_s(&i, 99000), 10);
    i.finished_at = 6000;
    ck_assert_int_eq(reports_time_used_s(&i, 99000), 5);
}
END_TEST

START_TEST(test_drafts_and_timeline)
{
    int64_t aid = make_assessment(600, NULL, "");
    int64_t inv = make_invite(aid, 100000);
    struct draft_row dr;
    bool changed = false;
    int64_t updated = 0;
    ck_assert_int_eq(drafts_put(d, inv, "p1", "c", "int a;", 2000, &changed, &updated), 0);
    ck_assert(changed);
    ck_assert_int_eq(updated, 2000);
    /* Not started: the draft is kept but not handed back. */
    ck_assert_int_eq(drafts_get(d, inv, "p1", &dr), -ENOENT);
    struct session ss;
    enum session_refusal why;
    ck_assert_int_eq(sessions_start(d, inv, 2500, &ss, &why), 0);
    ck_assert_int_eq(drafts_get(d, inv, "p1", &dr), 0);
    ck_assert_str_eq(dr.source, "int a;");
    draft_row_release(&dr);
    ck_assert_int_eq(drafts_put(d, inv, "p1", "c", "int a;", 3000, &changed, &updated), 0);
    ck_assert(!changed);
    ck_assert_int_eq(updated, 2000);
    ck_assert_int_eq(drafts_put(d, inv, "p1", "cpp", "int b;", 4000, &changed, &updated), 0);
    ck_assert(changed);
    ck_assert_int_eq(drafts_signal_add(d, inv, "paste", "p1", 120, 0, 4500), 0);
    ck_assert_int_eq(drafts_signal_add(d, inv, "blur", NULL, 0, 900, 4600), 0);
    add_submission("s1", inv, "p1", 100, "AC");

    ck_assert_int_eq(drafts_candidate_of(d, aid, inv), 0);
    ck_assert_int_eq(drafts_candidate_of(d, aid + 1, inv), -ENOENT);
    struct draft_timeline t;
    ck_assert_int_eq(drafts_timeline(d, inv, &t), 0);
    ck_assert_uint_eq(t.nsnapshots, 2);
    ck_assert_int_eq(t.snapshots[1].length, 6);
    ck_assert_uint_eq(t.nsubmissions, 1);
    ck_assert_str_eq(t.submissions[0].verdict, "AC");
    ck_assert_uint_eq(t.nsignals, 2);
    ck_assert_str_eq(t.signals[1].slug, "");
    ck_assert_int_eq(t.started_at, 2500);
    ck_assert_int_eq(t.ended_at, 2500 + 600000);
    struct draft_snapshot snap;
    ck_assert_int_eq(drafts_snapshot(d, inv, t.snapshots[1].id, &snap), 0);
    ck_assert_str_eq(snap.source, "int b;");
    free(snap.source);
    ck_assert_int_eq(drafts_snapshot(d, inv + 1, t.snapshots[1].id, &snap), -ENOENT);
    drafts_timeline_release(&t);
}
END_TEST

START_TEST(test_practice_history)
{
    unsigned char h[PRACTICE_HASH_LEN], other[PRACTICE_HASH_LEN];
    ck_assert(practice_token_valid("abcdefghijklmnop-_"));
    ck_assert(!practice_token_valid("short"));
    ck_assert(!practice_token_valid("abcdefghijklmnop!"));
    ck_assert(!practice_token_valid(NULL));
    practice_hash("abcdefghijklmnop", h);
    practice_hash("abcdefghijklmnoq", other);
    add_submission("x1", 0, "p1", 40, "WA");
    add_submission("x2", 0, "p1", 100, "AC");
    add_submission("x3", 0, "pub", 0, "CE");
    ck_assert_int_eq(practice_add(d, h, "x1", "p1", 1), 0);
    ck_assert_int_eq(practice_add(d, h, "x2", "p1", 2), 0);
    ck_assert_int_eq(practice_add(d, h, "x2", "p1", 2), 0); /* twice: nothing new */
    ck_assert_int_eq(practice_add(d, h, "x3", "pub", 3), 0);
    struct practice_submission *list = NULL;
    size_t n = 0;
    ck_assert_int_eq(practice_list(d, h, NULL, 50, &list, &n), 0);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(list[0].id, "x3"); /* newest first */
    free(list);
    ck_assert_int_eq(practice_list(d, h, "p1", 1, &list, &n), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(list[0].id, "x2");
    free(list);
    ck_assert_int_eq(practice_list(d, other, NULL, 50, &list, &n), 0);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(practice_list(d, h, NULL, 0, &list, &n), -EINVAL);
    ck_assert_int_eq(practice_list(d, h, NULL, PRACTICE_LIST_MAX + 1, &list, &n), -EINVAL);
    struct practice_problem *probs = NULL;
    ck_assert_int_eq(practice_progress(d, h, &probs, &n), 0);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(probs[0].slug, "p1");
    ck_assert(probs[0].solved);
    ck_assert(probs[0].best == 100);
    ck_assert_int_eq(probs[0].submissions, 2);
    ck_assert(!probs[1].solved);
    free(probs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("assessments");
    TCase *tc = tcase_create("hiring");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_assessment_create_get_list);
    tcase_add_test(tc, test_assessment_owned_and_usable);
    tcase_add_test(tc, test_assessment_duplicate_problem_and_secret);
    tcase_add_test(tc, test_assessment_delete_takes_submissions);
    tcase_add_test(tc, test_problem_in_use);
    tcase_add_test(tc, test_invite_states_and_team_changes);
    tcase_add_test(tc, test_session_refusals);
    tcase_add_test(tc, test_session_cap_and_view);
    tcase_add_test(tc, test_report_best_and_last);
    tcase_add_test(tc, test_time_used);
    tcase_add_test(tc, test_drafts_and_timeline);
    tcase_add_test(tc, test_practice_history);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
