/*
 * Reports (reports.h): the sheet of counted submissions, the totals the report, the candidate's
 * view and the webhooks all read, and the similar pairs.
 */
#define _GNU_SOURCE
#include "reports.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double round2(double v)
{
    return round(v * 100) / 100;
}

/*** The sheet ***/

void reports_sheet_release(struct report_sheet *sh)
{
    free(sh->slugs);
    free(sh->points);
    free(sh->invites);
    free(sh->cells);
    memset(sh, 0, sizeof(*sh));
}

/* Counts submission row `rows` into its cell, when its candidate and problem are on the sheet. */
static void sheet_count(struct report_sheet *sh, const dbrows *rows)
{
    size_t ci = reports_row_of(sh, dbrows_int(rows, "invite_id")), pi = 0;
    const char *slug = dbrows_text(rows, "slug");
    while (pi < sh->nprob && strcmp(sh->slugs[pi], slug))
        pi++;
    if (ci == sh->ncand || pi == sh->nprob)
        return;
    struct report_cell *cl = &sh->cells[ci * sh->nprob + pi];
    cl->submissions++;
    cl->final |= dbrows_int(rows, "final") != 0;
    if (strcmp(dbrows_text(rows, "status"), "done"))
        return;
    double max = dbrows_double(rows, "max_score");
    double f = max > 0 ? dbrows_double(rows, "score") / max : 0;
    const char *v = dbrows_text(rows, "verdict");
    bool ac = v && !strcmp(v, "AC");
    bool better = !cl->counted || sh->last || f > cl->fraction ||
                  (f == cl->fraction && ac && strcmp(cl->verdict, "AC"));
    if (better) {
        cl->counted = true;
        cl->fraction = f;
        snprintf(cl->verdict, sizeof(cl->verdict), "%s", v ? v : "");
        snprintf(cl->submission, sizeof(cl->submission), "%s", dbrows_text(rows, "id"));
        cl->seq = dbrows_int(rows, "seq");
    }
}

int reports_sheet_fill(dbc *c, int64_t aid, struct report_sheet *sh)
{
    memset(sh, 0, sizeof(*sh));
    sh->aid = aid;
    dbrows *rows = NULL;
    int rc = dbc_query(c, &rows,
                       "SELECT counts, (SELECT count(*) FROM assessment_problems WHERE "
                       "assessment_id = a.id) AS nprob, (SELECT count(*) FROM invites WHERE "
                       "assessment_id = a.id) AS ncand FROM assessments a WHERE id = ?",
                       "i", aid);
    if (!rc && (rc = dbrows_next(rows)) == 1) {
        sh->last = !strcmp(dbrows_text(rows, "counts"), "last");
        sh->nprob = (size_t)dbrows_int(rows, "nprob");
        sh->ncand = (size_t)dbrows_int(rows, "ncand");
        rc = 0;
    }
    dbrows_free(rows);
    rows = NULL;
    if (rc < 0)
        goto out;
    rc = -ENOMEM;
    sh->slugs = calloc(sh->nprob + 1, sizeof(*sh->slugs));
    sh->points = calloc(sh->nprob + 1, sizeof(*sh->points));
    sh->invites = calloc(sh->ncand + 1, sizeof(*sh->invites));
    sh->cells = calloc(sh->ncand * sh->nprob + 1, sizeof(*sh->cells));
    if (!sh->slugs || !sh->points || !sh->invites || !sh->cells)
        goto out;
    rc = dbc_query(c, &rows,
                   "SELECT slug, points FROM assessment_problems WHERE assessment_id = ? "
                   "ORDER BY position",
                   "i", aid);
    for (size_t i = 0; !rc && i < sh->nprob && (rc = dbrows_next(rows)) == 1; i++, rc = 0) {
        snprintf(sh->slugs[i], sizeof(sh->slugs[i]), "%s", dbrows_text(rows, "slug"));
        sh->points[i] = dbrows_double(rows, "points");
    }
    dbrows_free(rows);
    rows = NULL;
    if (rc < 0)
        goto out;
    rc =
        dbc_query(c, &rows, "SELECT id FROM invites WHERE assessment_id = ? ORDER BY id", "i", aid);
    for (size_t i = 0; !rc && i < sh->ncand && (rc = dbrows_next(rows)) == 1; i++, rc = 0)
        sh->invites[i] = dbrows_int(rows, "id");
    dbrows_free(rows);
    rows = NULL;
    if (rc < 0)
        goto out;
    rc = dbc_query(c, &rows,
                   "SELECT s.invite_id AS invite_id, s.slug AS slug, s.status AS status, "
                   "s.verdict AS verdict, s.score AS score, s.max_score AS max_score, s.id AS id, "
                   "s.seq AS seq, CASE WHEN s.origin IS NULL THEN 0 ELSE 1 END AS final "
                   "FROM submissions s JOIN invites i ON i.id = s.invite_id "
                   "WHERE i.assessment_id = ? ORDER BY s.seq",
                   "i", aid);
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        sheet_count(sh, rows);
        rc = 0;
    }
out:
    dbrows_free(rows);
    return rc < 0 ? rc : 0;
}

const struct report_cell *reports_cell(const struct report_sheet *sh, size_t cand, size_t prob)
{
    return &sh->cells[cand * sh->nprob + prob];
}

double reports_cell_score(const struct report_sheet *sh, size_t cand, size_t prob)
{
    const struct report_cell *cl = reports_cell(sh, cand, prob);
    return cl->counted ? sh->points[prob] * cl->fraction : 0;
}

double reports_total(const struct report_sheet *sh, size_t cand)
{
    double t = 0;
    for (size_t p = 0; cand < sh->ncand && p < sh->nprob; p++)
        t += reports_cell_score(sh, cand, p);
    return t;
}

double reports_max_total(const struct report_sheet *sh)
{
    double m = 0;
    for (size_t p = 0; p < sh->nprob; p++)
        m += sh->points[p];
    return m;
}

size_t reports_row_of(const struct report_sheet *sh, int64_t invite)
{
    size_t i = 0;
    while (i < sh->ncand && sh->invites[i] != invite)
        i++;
    return i;
}

int reports_candidate_total(dbc *c, int64_t aid, int64_t invite, double *total, double *max)
{
    struct report_sheet sh;
    int rc = reports_sheet_fill(c, aid, &sh);
    if (rc == 0) {
        *total = round2(reports_total(&sh, reports_row_of(&sh, invite)));
        *max = reports_max_total(&sh);
    }
    reports_sheet_release(&sh);
    return rc;
}

int64_t reports_time_used_s(const struct invite_row *i, int64_t now)
{
    if (!i->started_at)
        return -1;
    int64_t until = i->finished_at                   ? i->finished_at
                    : i->ends_at && i->ends_at < now ? i->ends_at
                                                     : now;
    if (i->revoked_at && i->revoked_at < until)
        until = i->revoked_at;
    return (until - i->started_at) / 1000;
}

/*** Similarity ***/

/* A text column of the one row `sql` reads into *out (a new string; NULL when NULL or absent). */
static int text_of(dbc *c, char **out, const char *col, const char *sql, const char *fmt, int64_t i,
                   const char *s)
{
    dbrows *rows = NULL;
    int rc = *fmt == 'i' ? dbc_query(c, &rows, sql, fmt, i) : dbc_query(c, &rows, sql, fmt, s);
    *out = NULL;
    if (!rc && (rc = dbrows_next(rows)) == 1) {
        rc = 0;
        if (!dbrows_null(rows, col) && !(*out = dbrows_strdup(rows, col)))
            rc = -ENOMEM;
    }
    dbrows_free(rows);
    return rc < 0 ? rc : 0;
}

/* The starter code of problem `slug` (NULL: none), from its current version's detail. */
static int template_of(dbc *c, const char *slug, char **out)
{
    char *detail = NULL;
    *out = NULL;
    int rc = text_of(c, &detail, "detail",
                     "SELECT v.detail AS detail FROM problems p JOIN problem_versions v "
                     "ON v.id = p.current WHERE p.slug = ?",
                     "s", 0, slug);
    json_t *j = detail ? json_loads(detail, 0, NULL) : NULL;
    const char *t = json_string_value(json_object_get(j, "template"));
    if (!rc && t && !(*out = strdup(t)))
        rc = -ENOMEM;
    json_decref(j);
    free(detail);
    return rc;
}

static int source_of(dbc *c, const char *id, char **out)
{
    return text_of(c, out, "source", "SELECT source FROM submissions WHERE id = ?", "s", 0, id);
}

/* One counted submission to the problem being compared. */
struct sim_side {
    const struct report_sheet *sh; /* its assessment */
    size_t cand;                   /* its candidate's row in sh */
    const char *submission;        /* borrowed from sh */
    struct sim_doc *doc;
};

static int side_fill(dbc *c, const struct sim_side *sd, bool sources, bool other,
                     struct report_side *out)
{
    out->invite_id = sd->sh->invites[sd->cand];
    out->assessment_id = sd->sh->aid;
    snprintf(out->submission, sizeof(out->submission), "%s", sd->submission);
    int rc = text_of(c, &out->name, "name", "SELECT name FROM invites WHERE id = ?", "i",
                     out->invite_id, NULL);
    if (!rc && other)
        rc = text_of(c, &out->assessment_title, "title",
                     "SELECT title FROM assessments WHERE id = ?", "i", sd->sh->aid, NULL);
    if (!rc && sources)
        rc = source_of(c, sd->submission, &out->source);
    return rc;
}

static void side_release(struct report_side *sd)
{
    free(sd->name);
    free(sd->assessment_title);
    free(sd->source);
}

void reports_pairs_free(struct report_pair *pairs, size_t n)
{
    for (size_t i = 0; pairs && i < n; i++) {
        side_release(&pairs[i].a);
        side_release(&pairs[i].b);
        free(pairs[i].regions);
    }
    free(pairs);
}

/* The team's other assessments, each with its sheet; never another team's. */
static int other_sheets(dbc *c, int64_t aid, struct report_sheet **out, size_t *n)
{
    int64_t *ids = NULL;
    size_t nids = 0;
    dbrows *rows = NULL;
    int rc = dbc_query(c, &rows,
                       "SELECT o.id AS id FROM assessments a JOIN assessments o "
                       "ON o.team_id = a.team_id WHERE a.id = ? AND a.team_id IS NOT NULL "
                       "AND o.id != a.id ORDER BY o.id",
                       "i", aid);
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        int64_t *more = realloc(ids, (nids + 1) * sizeof(*ids));
        if (!more) {
            rc = -ENOMEM;
            break;
        }
        ids = more;
        ids[nids++] = dbrows_int(rows, "id");
        rc = 0;
    }
    dbrows_free(rows);
    *out = NULL;
    *n = 0;
    if (!rc && nids && !(*out = calloc(nids, sizeof(**out))))
        rc = -ENOMEM;
    for (size_t i = 0; !rc && i < nids; i++) {
        rc = reports_sheet_fill(c, ids[i], &(*out)[i]);
        (*n)++;
    }
    free(ids);
    return rc < 0 ? rc : 0;
}

/* Every counted submission of `sh` to `slug` that can be compared, appended to sides. */
static int add_sides(dbc *c, const struct report_sheet *sh, const char *slug, const char *tmpl,
                     struct sim_side **sides, size_t *n)
{
    size_t p = 0;
    while (p < sh->nprob && strcmp(sh->slugs[p], slug))
        p++;
    int rc = 0;
    for (size_t i = 0; p < sh->nprob && !rc && i < sh->ncand; i++) {
        const struct report_cell *cl = reports_cell(sh, i, p);
        char *src = NULL;
        struct sim_doc *doc = NULL;
        if (cl->counted)
            rc = source_of(c, cl->submission, &src);
        if (!rc && src)
            rc = similarity_doc_new(src, tmpl, &doc);
        free(src);
        if (rc || !doc)
            continue;
        if (!similarity_doc_comparable(doc)) {
            similarity_doc_free(doc);
            continue;
        }
        struct sim_side *more = realloc(*sides, (*n + 1) * sizeof(**sides));
        if (!more) {
            similarity_doc_free(doc);
            rc = -ENOMEM;
            break;
        }
        *sides = more;
        more[(*n)++] = (struct sim_side){sh, i, cl->submission, doc};
    }
    return rc;
}

static int pair_add(dbc *c, const char *slug, const struct sim_side *a, const struct sim_side *b,
                    const struct similarity_result *res, bool sources, struct report_pair **pairs,
                    size_t *n)
{
    struct report_pair *more = realloc(*pairs, (*n + 1) * sizeof(**pairs));
    if (!more)
        return -ENOMEM;
    *pairs = more;
    struct report_pair *pr = &more[(*n)++];
    memset(pr, 0, sizeof(*pr));
    snprintf(pr->slug, sizeof(pr->slug), "%s", slug);
    pr->score = round2(res->score);
    pr->fingerprints = round2(res->fingerprints);
    pr->structure = round2(res->structure);
    pr->other = a->sh != b->sh;
    pr->nreasons = similarity_reasons(res, pr->reasons, 4);
    int rc = side_fill(c, a, sources, false, &pr->a);
    if (!rc)
        rc = side_fill(c, b, sources, pr->other, &pr->b);
    /* Out of memory for the regions, the pair is still listed: the score stands on its own. */
    if (!rc && sources && similarity_regions(a->doc, b->doc, &pr->regions, &pr->nregions))
        pr->nregions = 0;
    return rc;
}

/* The pairs of one problem of `sh` scoring `lo` or more, appended in candidate order. */
static int problem_pairs(dbc *c, const struct report_sheet *sh, size_t p,
                         const struct report_sheet *others, size_t nothers, bool sources, double lo,
                         struct report_pair **pairs, size_t *npairs)
{
    char *tmpl = NULL;
    struct sim_side *sides = NULL;
    size_t n = 0;
    int rc = template_of(c, sh->slugs[p], &tmpl);
    if (!rc)
        rc = add_sides(c, sh, sh->slugs[p], tmpl, &sides, &n);
    size_t mine = n;
    for (size_t o = 0; !rc && o < nothers; o++)
        rc = add_sides(c, &others[o], sh->slugs[p], tmpl, &sides, &n);
    /* This assessment's candidates with each other, and with the other assessments'. */
    for (size_t i = 0; !rc && i < mine; i++)
        for (size_t j = i + 1; !rc && j < n; j++) {
            struct similarity_result res;
            rc = similarity_compare(sides[i].doc, sides[j].doc, &res);
            if (!rc && res.score >= lo)
                rc = pair_add(c, sh->slugs[p], &sides[i], &sides[j], &res, sources, pairs, npairs);
        }
    for (size_t i = 0; i < n; i++)
        similarity_doc_free(sides[i].doc);
    free(sides);
    free(tmpl);
    return rc;
}

static int pairs_of(dbc *c, const struct report_sheet *sh, bool sources, double lo,
                    struct report_pair **out, size_t *n)
{
    struct report_sheet *others = NULL;
    size_t nothers = 0;
    struct report_pair *pairs = NULL;
    size_t npairs = 0;
    int rc = other_sheets(c, sh->aid, &others, &nothers);
    for (size_t p = 0; !rc && p < sh->nprob; p++)
        rc = problem_pairs(c, sh, p, others, nothers, sources, lo, &pairs, &npairs);
    for (size_t o = 0; o < nothers; o++)
        reports_sheet_release(&others[o]);
    free(others);
    if (rc) {
        reports_pairs_free(pairs, npairs);
        return rc;
    }
    /* Most alike first; an insertion sort, so ties keep their order (problem, then candidate). */
    for (size_t i = 1; i < npairs; i++)
        for (size_t j = i; j > 0 && pairs[j - 1].score < pairs[j].score; j--) {
            struct report_pair x = pairs[j];
            pairs[j] = pairs[j - 1];
            pairs[j - 1] = x;
        }
    *out = pairs;
    *n = npairs;
    return 0;
}

int reports_similarity(db *d, int64_t aid, bool sources, double lo, struct report_pair **out,
                       size_t *n)
{
    struct report_sheet sh = {0};
    dbc *c = db_get(d);
    int rc = c ? reports_sheet_fill(c, aid, &sh) : -EIO;
    if (!rc)
        rc = pairs_of(c, &sh, sources, lo, out, n);
    reports_sheet_release(&sh);
    db_put(d, c);
    return rc;
}

/*** The report ***/

void reports_release(struct report *rep)
{
    assessment_row_release(&rep->assessment);
    reports_sheet_release(&rep->sheet);
    invites_list_free(rep->candidates, rep->ncandidates);
    reports_pairs_free(rep->pairs, rep->npairs);
    memset(rep, 0, sizeof(*rep));
}

int reports_read(db *d, int64_t aid, struct report *out)
{
    struct report rep = {0};
    dbc *c = db_get(d);
    int rc = c ? assessments_read(c, aid, &rep.assessment) : -EIO;
    if (!rc)
        rc = reports_sheet_fill(c, aid, &rep.sheet);
    if (!rc)
        rc = invites_read_all(c, aid, &rep.candidates, &rep.ncandidates);
    /* A candidate invited since the sheet was read waits for the next report. */
    size_t kept = 0;
    for (size_t i = 0; !rc && i < rep.ncandidates; i++) {
        if (reports_row_of(&rep.sheet, rep.candidates[i].id) == rep.sheet.ncand) {
            invite_row_release(&rep.candidates[i]);
            continue;
        }
        rep.candidates[kept++] = rep.candidates[i];
    }
    if (!rc)
        rep.ncandidates = kept;
    if (!rc)
        rc = pairs_of(c, &rep.sheet, false, SIMILARITY_FLAG, &rep.pairs, &rep.npairs);
    db_put(d, c);
    if (rc)
        reports_release(&rep);
    else
        *out = rep;
    return rc;
}
