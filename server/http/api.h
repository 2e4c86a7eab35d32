/* api: the handlers of the HTTP API, by resource; the route table is in api.c. */
#ifndef SERVER_API_H
#define SERVER_API_H

/*
 * Thread-safety: handlers run in libmicrohttpd's threads, many at once, each on its own struct
 * req; what they share is the server's, behind its modules' locks and the database pool.
 */

#include "http.h"
#include "reqcheck.h"

/* api_problems.c */
void api_problems_list(struct server *s, struct req *r);
void api_problem_get(struct server *s, struct req *r);
void api_problem_put(struct server *s, struct req *r);
void api_problem_delete(struct server *s, struct req *r);
void api_problem_verification(struct server *s, struct req *r);

/* api_submissions.c */
void api_submission_post(struct server *s, struct req *r);
void api_submissions_list(struct server *s, struct req *r);
void api_submission_get(struct server *s, struct req *r);
void api_submission_events(struct server *s, struct req *r);
void api_submission_rejudge(struct server *s, struct req *r);
void api_run(struct server *s, struct req *r);
/*
 * A submission as `who` sees it (render.c's rule applied), with its source when `with_source`:
 * the one renderer of a submission's result, for GET, ?wait, events and candidate views.
 * api_submission_result reads it too: 0 and *out (a new reference), -ENOENT (none, or not
 * theirs), -ENOMEM, -EIO. Thread-safe.
 */
struct submission_row;
json_t *api_submission_json(const struct submission_row *row, const struct principal *who,
                            bool with_source);
int api_submission_result(struct server *s, const char *id, const struct principal *who,
                          bool with_source, json_t **out);
/* GET /api/v1/languages */
void api_languages(struct server *s, struct req *r);

/* api_teams.c */
void api_teams_list(struct server *s, struct req *r);
void api_team_post(struct server *s, struct req *r);
void api_team_keys_list(struct server *s, struct req *r);
void api_team_key_post(struct server *s, struct req *r);
void api_key_delete(struct server *s, struct req *r);
void api_me(struct server *s, struct req *r);

/* api_members.c: a team's members (the team admin's; the instance admin's for any team) */
void api_members_list(struct server *s, struct req *r);
void api_member_post(struct server *s, struct req *r);
void api_member_patch(struct server *s, struct req *r);
void api_member_delete(struct server *s, struct req *r);
void api_member_login_link(struct server *s, struct req *r);
/* The optional role field `field` of `body` into *role (untouched when absent): false after
 * replying 422 (not a role) or 403 (above the caller's own). */
bool api_team_role_field(struct req *r, json_t *body, const char *field, enum team_role *role);
/* Adds the member signed in (and the session's CSRF token) to GET /api/v1/me's `me`: 0, or a
 * negative errno after replying. */
int api_me_member(struct server *s, struct req *r, json_t *me);

/* api_auth.c: members signing in and out */
void api_auth_login(struct server *s, struct req *r);
void api_auth_link(struct server *s, struct req *r);
void api_auth_logout(struct server *s, struct req *r);
void api_auth_password(struct server *s, struct req *r);

/* api_assessments.c: assessments, invites and accommodations (the team's side) */
void api_assessment_post(struct server *s, struct req *r);
void api_assessment_put(struct server *s, struct req *r);
void api_assessment_patch(struct server *s, struct req *r);
void api_assessments_list(struct server *s, struct req *r);
void api_assessment_get(struct server *s, struct req *r);
void api_assessment_delete(struct server *s, struct req *r);
void api_invite_post(struct server *s, struct req *r);
void api_invites_list(struct server *s, struct req *r);
void api_invite_delete(struct server *s, struct req *r);
/* Accommodations: minutes added to a candidate's session; a finished session opened again. */
void api_invite_extra_time(struct server *s, struct req *r);
void api_invite_reopen(struct server *s, struct req *r);
/*
 * The assessment named by the first path parameter of `r`, when the caller (its team, or the
 * admin) owns it; otherwise replies (404: another team's is as absent as a missing one) and
 * returns 0.
 */
int64_t api_assessment_own(struct server *s, struct req *r);
/* The API's JSON of an assessment and of an invite (its state at `now`): new references. */
struct assessment_row;
struct invite_row;
json_t *api_assessment_json(const struct assessment_row *a);
json_t *api_invite_json(const struct invite_row *i, int64_t now);

/* api_erasure.c: erasing a candidate, deleting a team (admin), a team's retention period */
void api_candidate_erase(struct server *s, struct req *r);
void api_team_delete(struct server *s, struct req *r);
void api_retention_get(struct server *s, struct req *r);
void api_retention_put(struct server *s, struct req *r);

/* api_reviews.c: PUT .../candidates/{}/review and .../candidates/{}/submissions/{}/review (the
 * caller's own review: written, or edited when it exists) */
void api_review_put(struct server *s, struct req *r);
void api_submission_review_put(struct server *s, struct req *r);
/* Adds to each candidate of `report` (report_json's) its reviews and the mean of its ratings:
 * 0 or a negative errno. */
int api_report_reviews(struct server *s, int64_t aid, json_t *report);

/* api_invites_bulk.c: POST /api/v1/assessments/{}/invites/bulk ({"csv": "name,email[,extra_minutes]
 * ..."}): a result per row, duplicates flagged; 413 past BULK_INVITES_MAX rows */
void api_invites_bulk(struct server *s, struct req *r);

/* api_reports.c: the report, its CSV, one candidate, similarity */
void api_report(struct server *s, struct req *r);
void api_report_csv(struct server *s, struct req *r);
void api_candidate_detail(struct server *s, struct req *r);
void api_similarity(struct server *s, struct req *r);

/* api_candidates.c: the candidate's side (session, problems, drafts, signals) and playback */
void api_candidate_session(struct server *s, struct req *r);
void api_candidate_start(struct server *s, struct req *r);
void api_candidate_finish(struct server *s, struct req *r);
void api_candidate_problem(struct server *s, struct req *r);
/*
 * May the candidate of `r` submit (`counting`) or run code for problem `slug` now? Replies 403
 * (or 422 for a problem not in the assessment, or a `language` outside its allowed ones; NULL
 * skips that check) and returns false when not. A NULL `slug` asks whether the session runs.
 */
bool api_candidate_may_submit(struct server *s, struct req *r, const char *slug,
                              const char *language, bool counting);
/* GET/PUT /api/v1/candidate/drafts/{slug}: the candidate's draft of one problem (413 past
 * SOURCE_MAX, 403 outside the running session, 422 for a problem not in the assessment). */
void api_draft_get(struct server *s, struct req *r);
void api_draft_put(struct server *s, struct req *r);
/* POST /api/v1/candidate/signals: a paste (size) or a focus loss (duration_ms). */
void api_signal_post(struct server *s, struct req *r);
/* GET .../assessments/{}/candidates/{}/timeline and .../snapshots/{}: the team's playback. */
void api_timeline(struct server *s, struct req *r);
void api_snapshot_get(struct server *s, struct req *r);

/* api_practice.c: a browser's practice history (X-Practice-Token) */
/* Remembers submission `id` under the request's practice token, when it is anonymous and has a
 * well-formed one; nothing happens otherwise. */
void api_practice_record(struct server *s, struct req *r, const char *id, const char *slug);
/* GET /api/v1/practice/submissions?problem=&limit= and GET /api/v1/practice/progress. */
void api_practice_submissions(struct server *s, struct req *r);
void api_practice_progress(struct server *s, struct req *r);

/* api_workers.c: remote workers (ACCESS_WORKER) and their tokens (admin) */
void api_worker_claim(struct server *s, struct req *r);
void api_worker_heartbeat(struct server *s, struct req *r);
void api_worker_progress(struct server *s, struct req *r);
void api_worker_result(struct server *s, struct req *r);
void api_worker_release(struct server *s, struct req *r);
void api_worker_package(struct server *s, struct req *r);
void api_worker_token_post(struct server *s, struct req *r);
void api_worker_tokens_list(struct server *s, struct req *r);

/* Shared checks. */
/* A spending request (submit, run) within its rate; replies 429 and returns false when not. */
bool api_rate_ok(struct server *s, struct req *r, const char *what);

#endif
