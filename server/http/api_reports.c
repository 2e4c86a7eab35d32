/*
 * Reports over HTTP: the JSON report, its CSV, one candidate's detail and the similarity view.
 * The numbers are reports.h's; here they are rendered (scores to hundredths).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api.h"
#include "errmap.h"
#include "queue.h"
#include "reports.h"

static double round2(double v)
{
    return round(v * 100) / 100;
}

/*** Similarity ***/

static json_t *side_json(const struct report_side *sd)
{
    json_t *o = json_pack("{s:I, s:s, s:s}", "invite_id", (json_int_t)sd->invite_id, "name",
                          sd->name ? sd->name : "", "submission", sd->submission);
    if (sd->assessment_title) {
        json_object_set_new(o, "assessment_id", json_integer(sd->assessment_id));
        json_object_set_new(o, "assessment_title", json_string(sd->assessment_title));
    }
    if (sd->source)
        json_object_set_new(o, "source", json_string(sd->source));
    return o;
}

static json_t *pair_json(const struct report_pair *p, bool sources)
{
    json_t *reasons = json_array();
    for (size_t i = 0; i < p->nreasons; i++)
        json_array_append_new(reasons, json_string(p->reasons[i]));
    json_t *o =
        json_pack("{s:s, s:f, s:s, s:{s:f, s:f}, s:o, s:o, s:o}", "problem", p->slug, "score",
                  p->score, "scope", p->other ? "other_assessment" : "this_assessment", "measures",
                  "fingerprints", p->fingerprints, "structure", p->structure, "reasons", reasons,
                  "a", side_json(&p->a), "b", side_json(&p->b));
    if (sources) {
        /* Where the two match, for the side-by-side view; lines are 1-based and inclusive. */
        json_t *regions = json_array();
        for (size_t i = 0; i < p->nregions; i++)
            json_array_append_new(regions,
                                  json_pack("{s:[i,i], s:[i,i]}", "a", (int)p->regions[i].a_from,
                                            (int)p->regions[i].a_to, "b", (int)p->regions[i].b_from,
                                            (int)p->regions[i].b_to));
        json_object_set_new(o, "regions", regions);
    }
    return o;
}

void api_similarity(struct server *s, struct req *r)
{
    struct report_pair *pairs = NULL;
    size_t n = 0;
    int64_t aid = api_assessment_own(s, r);
    if (!aid)
        goto out;
    int rc = reports_similarity(s->db, aid, true, SIMILARITY_NEAR, &pairs, &n);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc),
                      "cannot compare the submissions of assessment %lld: %s", (long long)aid,
                      strerror(-rc));
        goto out;
    }
    /* Flagged pairs, and below the flag the near misses, for a look. */
    json_t *flagged = json_array(), *near = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(pairs[i].score < SIMILARITY_FLAG ? near : flagged,
                              pair_json(&pairs[i], true));
    reply_json(r, 200,
               json_pack("{s:o, s:f, s:o, s:f}", "pairs", flagged, "threshold", SIMILARITY_FLAG,
                         "near_misses", near, "near_threshold", SIMILARITY_NEAR));
out:
    reports_pairs_free(pairs, n);
}

/*** Reports ***/

static json_t *report_json(const struct report *rep)
{
    const struct report_sheet *sh = &rep->sheet;
    int64_t now = db_now_ms();
    json_t *cands = json_array();
    for (size_t c = 0; c < rep->ncandidates; c++) {
        const struct invite_row *inv = &rep->candidates[c];
        size_t i = reports_row_of(sh, inv->id);
        json_t *o = api_invite_json(inv, now);
        int64_t used = reports_time_used_s(inv, now);
        json_object_set_new(o, "invite_id", json_integer(inv->id));
        json_object_del(o, "id");
        json_object_set_new(o, "time_used_s", used < 0 ? json_null() : json_integer(used));
        json_t *probs = json_object();
        for (size_t p = 0; p < sh->nprob; p++) {
            const struct report_cell *cl = reports_cell(sh, i, p);
            json_object_set_new(probs, sh->slugs[p],
                                json_pack("{s:f, s:f, s:o, s:i, s:o, s:b}", "score",
                                          round2(reports_cell_score(sh, i, p)), "points",
                                          sh->points[p], "best_verdict",
                                          cl->counted ? json_string(cl->verdict) : json_null(),
                                          "submissions", cl->submissions, "submission",
                                          cl->counted ? json_string(cl->submission) : json_null(),
                                          "final_submission", cl->final));
        }
        json_object_set_new(o, "problems", probs);
        json_object_set_new(o, "total", json_real(round2(reports_total(sh, i))));
        json_object_set_new(o, "max_total", json_real(reports_max_total(sh)));
        json_array_append_new(cands, o);
    }
    json_t *a = api_assessment_json(&rep->assessment);
    json_t *problems = json_incref(json_object_get(a, "problems"));
    json_t *sim = json_array();
    for (size_t i = 0; i < rep->npairs; i++)
        json_array_append_new(sim, pair_json(&rep->pairs[i], false));
    return json_pack("{s:o, s:o, s:o, s:o}", "assessment", a, "problems", problems, "candidates",
                     cands, "similarity", sim);
}

/* The report of the assessment in the path, read and rendered; NULL after replying. */
static json_t *report_of(struct server *s, struct req *r, struct report *rep, int64_t *aid)
{
    *aid = api_assessment_own(s, r);
    if (!*aid)
        return NULL;
    int rc = reports_read(s->db, *aid, rep);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc),
                      "cannot read the submissions of assessment %lld: %s", (long long)*aid,
                      strerror(-rc));
        return NULL;
    }
    return report_json(rep);
}

void api_report(struct server *s, struct req *r)
{
    struct report rep = {0};
    int64_t aid;
    json_t *o = report_of(s, r, &rep, &aid);
    if (o)
        reply_json(r, 200, o);
    reports_release(&rep);
}

/* A CSV cell: quoted, and never read as a formula by a spreadsheet. */
static void csv_cell(struct strbuf *b, const char *v, bool last)
{
    strbuf_addstr(b, "\"");
    if (strchr("=+-@\t\r", v[0]) && v[0])
        strbuf_addstr(b, "'");
    for (const char *p = v; *p; p++)
        strbuf_addstr(b, *p == '"' ? "\"\"" : (char[]){*p, 0});
    strbuf_addstr(b, last ? "\"\r\n" : "\",");
}

static void csv_time(struct strbuf *b, json_t *ms)
{
    char t[32] = "";
    if (json_is_integer(ms)) {
        time_t secs = (time_t)(json_integer_value(ms) / 1000);
        struct tm tm;
        gmtime_r(&secs, &tm);
        strftime(t, sizeof(t), "%Y-%m-%dT%H:%M:%SZ", &tm);
    }
    csv_cell(b, t, false);
}

static void csv_candidate(struct strbuf *b, json_t *o, const struct report_sheet *sh)
{
    char num[64];
    csv_cell(b, json_string_value(json_object_get(o, "name")), false);
    csv_cell(b, json_string_value(json_object_get(o, "email")), false);
    csv_cell(b, json_string_value(json_object_get(o, "state")), false);
    csv_time(b, json_object_get(o, "started_at"));
    csv_time(b, json_object_get(o, "finished_at"));
    json_t *tu = json_object_get(o, "time_used_s");
    snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(tu));
    csv_cell(b, json_is_integer(tu) ? num : "", false);
    snprintf(num, sizeof(num), "%.15g", json_real_value(json_object_get(o, "total")));
    csv_cell(b, num, false);
    snprintf(num, sizeof(num), "%.15g", json_real_value(json_object_get(o, "max_total")));
    csv_cell(b, num, sh->nprob == 0);
    for (size_t p = 0; p < sh->nprob; p++) {
        json_t *cell = json_object_get(json_object_get(o, "problems"), sh->slugs[p]);
        snprintf(num, sizeof(num), "%.15g", json_real_value(json_object_get(cell, "score")));
        csv_cell(b, num, false);
        const char *v = json_string_value(json_object_get(cell, "best_verdict"));
        csv_cell(b, v ? v : "", false);
        snprintf(num, sizeof(num), "%lld",
                 (long long)json_integer_value(json_object_get(cell, "submissions")));
        csv_cell(b, num, p + 1 == sh->nprob);
    }
}

void api_report_csv(struct server *s, struct req *r)
{
    struct report rep = {0};
    struct strbuf b = STRBUF_INIT(0);
    int64_t aid;
    json_t *o = report_of(s, r, &rep, &aid);
    if (!o)
        goto out;
    const struct report_sheet *sh = &rep.sheet;
    /* A UTF-8 byte order mark: without it Excel reads the file as the local code page, and
     * names past ASCII come out garbled. */
    strbuf_addstr(&b, "\xEF\xBB\xBF");
    const char *fixed[] = {"name",        "email",       "state", "started_at",
                           "finished_at", "time_used_s", "total", "max_total"};
    for (size_t i = 0; i < 8; i++)
        csv_cell(&b, fixed[i], sh->nprob == 0 && i == 7);
    for (size_t p = 0; p < sh->nprob; p++) {
        char h[128];
        snprintf(h, sizeof(h), "%s score", sh->slugs[p]);
        csv_cell(&b, h, false);
        snprintf(h, sizeof(h), "%s verdict", sh->slugs[p]);
        csv_cell(&b, h, false);
        snprintf(h, sizeof(h), "%s submissions", sh->slugs[p]);
        csv_cell(&b, h, p + 1 == sh->nprob);
    }
    json_t *cands = json_object_get(o, "candidates");
    for (size_t i = 0; i < json_array_size(cands); i++)
        csv_candidate(&b, json_array_get(cands, i), sh);
    char disp[96];
    snprintf(disp, sizeof(disp), "attachment; filename=\"assessment-%lld.csv\"", (long long)aid);
    http_header(r, "Content-Disposition", disp);
    reply_bytes(r, 200, "text/csv; charset=utf-8", strbuf_str(&b), b.len);
out:
    strbuf_release(&b);
    json_decref(o);
    reports_release(&rep);
}

void api_candidate_detail(struct server *s, struct req *r)
{
    struct invite_row inv = {0};
    char(*ids)[40] = NULL;
    size_t n = 0;
    int64_t aid = api_assessment_own(s, r);
    if (!aid)
        goto out;
    char *end;
    long long id = strtoll(r->params[1], &end, 10);
    int rc = *end || id < 1 ? -ENOENT : invites_get(s->db, id, aid, &inv);
    if (rc == -ENOENT) {
        reply_problem(r, 404, "no candidate '%.64s' in assessment %lld", r->params[1],
                      (long long)aid);
        goto out;
    }
    if (!rc)
        rc = invites_submissions(s->db, inv.id, &ids, &n);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read candidate %lld: %s", (long long)id,
                      strerror(-rc));
        goto out;
    }
    json_t *o = api_invite_json(&inv, db_now_ms()), *subs = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *res = NULL;
        if (api_submission_result(s, ids[i], &r->who, true, &res) == 0)
            json_array_append_new(subs, res);
    }
    json_object_set_new(o, "submissions", subs);
    reply_json(r, 200, o);
out:
    free(ids);
    invite_row_release(&inv);
}
