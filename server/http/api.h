/* api: the handlers of the HTTP API, by resource; the route table is in api.c. */
#ifndef SERVER_API_H
#define SERVER_API_H

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
/* GET /api/v1/languages */
void api_languages(struct server *s, struct req *r);

/* api_teams.c */
void api_teams_list(struct server *s, struct req *r);
void api_team_post(struct server *s, struct req *r);
void api_team_keys_list(struct server *s, struct req *r);
void api_team_key_post(struct server *s, struct req *r);
void api_key_delete(struct server *s, struct req *r);
void api_me(struct server *s, struct req *r);

/* assess.c */
void api_assessment_post(struct server *s, struct req *r);
void api_assessments_list(struct server *s, struct req *r);
void api_assessment_get(struct server *s, struct req *r);
void api_assessment_delete(struct server *s, struct req *r);
/* api_assessment_edit.c */
void api_assessment_put(struct server *s, struct req *r);
void api_invite_post(struct server *s, struct req *r);
void api_invites_list(struct server *s, struct req *r);
void api_invite_delete(struct server *s, struct req *r);
/* Accommodations: minutes added to a candidate's session; a finished session opened again. */
void api_invite_extra_time(struct server *s, struct req *r);
void api_invite_reopen(struct server *s, struct req *r);
void api_report(struct server *s, struct req *r);
void api_report_csv(struct server *s, struct req *r);
void api_candidate_detail(struct server *s, struct req *r);
void api_similarity(struct server *s, struct req *r);
void api_candidate_session(struct server *s, struct req *r);
void api_candidate_start(struct server *s, struct req *r);
void api_candidate_finish(struct server *s, struct req *r);
void api_candidate_problem(struct server *s, struct req *r);

/* remote.c: remote workers (ACCESS_WORKER) and their tokens (admin) */
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
