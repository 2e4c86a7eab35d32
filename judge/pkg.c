/*
 * The package reader. It lists every file of the package once (refusing links that leave it and
 * anything past the caps), then reads problem.yaml, the test groups with their testdata.yaml or
 * test_group.yaml, the tests, the statement, the C driver and template, and the programs. Both
 * generations of the format are read: legacy (validator_flags, testdata.yaml, accept_score, range,
 * grader_flags) and the 2023-07 / 2025-09 drafts (output_validator_args, test_group.yaml, scoring).
 */
#define _GNU_SOURCE
#include "pkg.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "latex.h"
#include "strbuf.h"
#include "yamldoc.h"

struct files {
    char **rel; /* sorted, relative to the package */
    size_t n, alloc;
};

struct reader {
    struct pkg *p;
    struct diag *errors;
    struct files files;
    char real[PATH_MAX];
};

#define ERR(r, ...)  diag_add((r)->errors, __VA_ARGS__)
#define WARN(r, ...) diag_add(&(r)->p->warnings, __VA_ARGS__)

bool pkg_slug_valid(const char *slug)
{
    size_t n = slug ? strlen(slug) : 0;
    if (n == 0 || n > 64)
        return false;
    if (!((slug[0] >= 'a' && slug[0] <= 'z') || (slug[0] >= '0' && slug[0] <= '9')))
        return false;
    for (size_t i = 1; i < n; i++) {
        char c = slug[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

/*** Listing the files ***/

static int files_add(struct files *f, const char *rel)
{
    if (f->n == f->alloc) {
        size_t na = f->alloc ? f->alloc * 2 : 64;
        char **p = realloc(f->rel, na * sizeof(*p));
        if (!p)
            return -ENOMEM;
        f->rel = p;
        f->alloc = na;
    }
    if (!(f->rel[f->n] = strdup(rel)))
        return -ENOMEM;
    f->n++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(struct reader *r, const char *rel)
{
    char abs[PATH_MAX];
    snprintf(abs, sizeof(abs), "%s%s%s", r->real, rel[0] ? "/" : "", rel);
    DIR *d = opendir(abs);
    if (!d) {
        ERR(r, "problem '%s': cannot read '%s': %s", r->p->slug, rel[0] ? rel : ".",
            strerror(errno));
        return -EINVAL;
    }
    int rc = 0;
    struct dirent *e;
    while (!rc && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char sub[PATH_MAX], subabs[PATH_MAX];
        snprintf(sub, sizeof(sub), "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
        snprintf(subabs, sizeof(subabs), "%s/%s", r->real, sub);
        struct stat st;
        if (lstat(subabs, &st) < 0)
            continue;
        if (S_ISLNK(st.st_mode)) {
            char target[PATH_MAX];
            size_t rl = strlen(r->real);
            if (!realpath(subabs, target) || strncmp(target, r->real, rl) || target[rl] != '/') {
                ERR(r, "problem '%s': '%s' is a symbolic link that leaves the package", r->p->slug,
                    sub);
                rc = -EINVAL;
                continue;
            }
            if (stat(subabs, &st) < 0 || !S_ISREG(st.st_mode)) {
                WARN(r, "problem '%s': '%s' is a link to a folder; skipped", r->p->slug, sub);
                continue;
            }
        }
        if (S_ISDIR(st.st_mode)) {
            rc = walk(r, sub);
        } else if (S_ISREG(st.st_mode)) {
            if ((unsigned long long)st.st_size > PKG_MAX_FILE_BYTES) {
                ERR(r, "problem '%s': '%s' is larger than %llu MiB", r->p->slug, sub,
                    PKG_MAX_FILE_BYTES >> 20);
                rc = -EINVAL;
            } else if (r->files.n >= PKG_MAX_FILES) {
                ERR(r, "problem '%s': more than %d files", r->p->slug, PKG_MAX_FILES);
                rc = -EINVAL;
            } else {
                rc = files_add(&r->files, sub);
            }
        }
    }
    closedir(d);
    return rc;
}

static bool has_file(const struct reader *r, const char *rel)
{
    /* An empty list is NULL, which bsearch and qsort must not be given. */
    return r->files.n && bsearch(&rel, r->files.rel, r->files.n, sizeof(char *), cmp_str);
}

static bool under(const char *rel, const char *prefix)
{
    size_t n = strlen(prefix);
    return !strncmp(rel, prefix, n) && rel[n] == '/';
}

static char *abs_of(const struct reader *r, const char *rel)
{
    return fs_join(r->real, rel);
}

/*** problem.yaml ***/

/*
 * The keys each YAML mapping of a package may hold, as the three generations of the format name
 * them. A key outside its table is most often a misspelling (`max_scor`), and since a misspelt key
 * silently changes points or limits, it is warned about, as problemtools does. Keys of the format
 * that judged reads but does not act on are listed with `ignored` set: they are warned about too,
 * so that an author knows they change nothing here.
 */
struct key_rule {
    const char *key;
    bool ignored; /* part of the format, but judged does not use it */
};

static const struct key_rule problem_keys[] = {
    {"problem_format_version", false},
    {"type", false},
    {"name", false},
    {"limits", false},
    {"validation", false},
    {"validator_flags", false},
    {"output_validator_args", false},
    {"output_validator_flags", false},
    {"uuid", false},
    {"version", false},
    {"credits", false},
    {"author", false},
    {"source", false},
    {"source_url", false},
    {"license", false},
    {"rights_owner", false},
    {"keywords", false},
    {"difficulty", false}, /* judged's own: easy, medium or hard, shown in the catalogue */
    {"embargo_until", false},
    {"constants", true},
    {"languages", true},
    {"allow_file_writing", true},
    {"grading", true},
    {"scoring", true},
    {"input_validator_args", true},
    {"input_validator_flags", true},
    {NULL, false},
};

static const struct key_rule limits_keys[] = {
    {"time_limit", false},
    {"time_multiplier", false},
    {"time_multipliers", false},
    {"time_safety_margin", false},
    {"memory", false},
    {"output", false},
    {"time_resolution", true},
    {"code", true},
    {"compilation_time", true},
    {"compilation_memory", true},
    {"validation_time", false},
    {"validation_memory", false},
    {"validation_output", true},
    {"validation_passes", false},
    {NULL, false},
};

static const struct key_rule multipliers_keys[] = {
    {"ac_to_time_limit", false},
    {"time_limit_to_tle", false},
    {NULL, false},
};

static const struct key_rule group_keys[] = {
    {"accept_score", false},
    {"range", false},
    {"on_reject", false},
    {"grader_flags", false},
    {"score", false},
    {"scoring", false},
    {"output_validator_args", false},
    {"output_validator_flags", false},
    {"input_validator_args", false},
    {"input_validator_flags", false},
    {"reject_score", true},
    {"grading", true},
    {"max_score", true},
    {"static_validation", true},
    {"full_feedback", true},
    {"args", true},
    {"description", true},
    {"hint", true},
    {NULL, false},
};

static const struct key_rule group_scoring_keys[] = {
    {"score", false},
    {"aggregation", false},
    {"max_score", true},
    {NULL, false},
};

/* Edit distance of two short keys, capped: enough to suggest what a misspelt key meant. */
static size_t key_distance(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > 40 || nb > 40)
        return 99;
    size_t row[41];
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

/* Warns about every key of mapping `map` (in `file`, under `where`) that `rules` does not name. */
static void check_keys(struct reader *r, yamldoc *doc, yaml_node_t *map, const char *file,
                       const char *where, const struct key_rule *rules)
{
    const char *key;
    yaml_node_t *val;
    if (!map || map->type != YAML_MAPPING_NODE)
        return;
    for (size_t i = 0; yamldoc_entry(doc, map, i, &key, &val); i++) {
        if (!key)
            continue;
        const struct key_rule *hit = NULL, *near = NULL;
        size_t near_d = 3; /* suggest only keys at most two edits away */
        for (const struct key_rule *k = rules; k->key && !hit; k++) {
            if (!strcmp(k->key, key)) {
                hit = k;
            } else {
                size_t d = key_distance(k->key, key);
                if (d < near_d) {
                    near_d = d;
                    near = k;
                }
            }
        }
        if (hit && hit->ignored)
            WARN(r, "problem '%s': %s: '%s%s' is not used by this judge and changes nothing",
                 r->p->slug, file, where, key);
        else if (!hit && near)
            WARN(r, "problem '%s': %s: unknown key '%s%s' is ignored (did you mean '%s'?)",
                 r->p->slug, file, where, key, near->key);
        else if (!hit)
            WARN(r, "problem '%s': %s: unknown key '%s%s' is ignored", r->p->slug, file, where,
                 key);
    }
}

/*
 * A string, or a list of strings joined by spaces (2023-07 allows both for arguments). The joined
 * list is capped: with aliases a small file can list one long string many thousand times.
 */
static char *str_or_list(struct reader *r, yamldoc *doc, yaml_node_t *n, const char *file,
                         const char *key)
{
    if (!n)
        return NULL;
    if (yamldoc_str(n))
        return strdup(yamldoc_str(n));
    struct strbuf sb = STRBUF_INIT(PKG_ARGS_MAX);
    yaml_node_t *it;
    int rc = 0;
    for (size_t i = 0; !rc && (it = yamldoc_item(doc, n, i)); i++) {
        const char *v = yamldoc_str(it);
        if (v && sb.len)
            rc = strbuf_addstr(&sb, " ");
        if (v && !rc)
            rc = strbuf_addstr(&sb, v);
    }
    if (rc) {
        if (rc == -EFBIG)
            ERR(r, "problem '%s': %s: '%s' is longer than %u bytes", r->p->slug, file, key,
                PKG_ARGS_MAX);
        strbuf_release(&sb);
        return NULL;
    }
    return strbuf_detach(&sb, NULL);
}

/* What the catalogue shows besides the name; a bad value is warned about and left out. */
#define KEYWORDS_MAX    16
#define KEYWORD_MAX_LEN 40
static const char *const difficulties[] = {"easy", "medium", "hard"};

/*
 * `difficulty` and `keywords` (a list of tags, or in the legacy format one string of them,
 * space-separated) into p->difficulty and p->keywords (one tag per line).
 */
static void catalogue_keys(struct reader *r, yamldoc *doc, yaml_node_t *root)
{
    struct pkg *p = r->p;
    yaml_node_t *d = yamldoc_get(doc, root, "difficulty");
    const char *dv = yamldoc_str(d);
    for (size_t i = 0; dv && i < sizeof(difficulties) / sizeof(difficulties[0]); i++)
        if (!strcmp(dv, difficulties[i]))
            p->difficulty = strdup(difficulties[i]);
    if (d && !p->difficulty)
        WARN(r, "problem '%s': problem.yaml: 'difficulty' must be easy, medium or hard; ignored",
             p->slug);

    yaml_node_t *k = yamldoc_get(doc, root, "keywords");
    if (!k)
        return;
    struct strbuf sb = STRBUF_INIT(KEYWORDS_MAX * (KEYWORD_MAX_LEN + 1));
    size_t n = 0;
    bool bad = false;
    const char *one = yamldoc_str(k);
    char *legacy = one ? strdup(one) : NULL, *save = NULL;
    yaml_node_t *it = NULL;
    for (size_t i = 0;; i++) {
        const char *v;
        if (one)
            v = strtok_r(i ? NULL : legacy, " \t,", &save);
        else if ((it = yamldoc_item(doc, k, i)))
            v = yamldoc_str(it);
        else
            break;
        if (!v && one)
            break;
        size_t len = v ? strlen(v) : 0;
        if (!v || !len || len > KEYWORD_MAX_LEN || strchr(v, '\n') || n == KEYWORDS_MAX) {
            bad = true;
            continue;
        }
        if ((sb.len && strbuf_addstr(&sb, "\n")) || strbuf_addstr(&sb, v)) {
            bad = true;
            break;
        }
        n++;
    }
    free(legacy);
    if (bad)
        WARN(r,
             "problem '%s': problem.yaml: 'keywords' takes at most %d tags of 1 to %d characters "
             "each; the others are left out",
             p->slug, KEYWORDS_MAX, KEYWORD_MAX_LEN);
    if (n)
        p->keywords = strbuf_detach(&sb, NULL);
    else
        strbuf_release(&sb);
}

static void number(struct reader *r, yamldoc *doc, yaml_node_t *map, const char *key, double lo,
                   double hi, double *out)
{
    yaml_node_t *n = yamldoc_get(doc, map, key);
    double v;
    if (!n)
        return;
    if (!yamldoc_num(n, &v) || v < lo || v > hi) {
        ERR(r, "problem '%s': problem.yaml: '%s' must be a number from %g to %g", r->p->slug, key,
            lo, hi);
        return;
    }
    *out = v;
}

static int read_problem_yaml(struct reader *r)
{
    struct pkg *p = r->p;
    if (!has_file(r, "problem.yaml")) {
        ERR(r, "problem '%s': problem.yaml is missing", p->slug);
        return -EINVAL;
    }
    char *path = abs_of(r, "problem.yaml"), err[256];
    yamldoc *doc = NULL;
    int rc = yamldoc_load(path, &doc, err, sizeof(err));
    free(path);
    if (rc) {
        ERR(r, "problem '%s': problem.yaml: %s", p->slug, err);
        return -EINVAL;
    }
    yaml_node_t *root = yamldoc_root(doc);
    if (root && root->type != YAML_MAPPING_NODE) {
        ERR(r, "problem '%s': problem.yaml: the top level must be a mapping", p->slug);
        yamldoc_free(doc);
        return -EINVAL;
    }
    check_keys(r, doc, root, "problem.yaml", "", problem_keys);
    const char *version = yamldoc_str(yamldoc_get(doc, root, "problem_format_version"));
    bool modern = version && strcmp(version, "legacy") != 0;

    yaml_node_t *name = yamldoc_get(doc, root, "name");
    if (yamldoc_str(name)) {
        p->name = strdup(yamldoc_str(name));
    } else if (name && name->type == YAML_MAPPING_NODE) {
        const char *en = yamldoc_str(yamldoc_get(doc, name, "en"));
        const char *k;
        yaml_node_t *v;
        if (!en && yamldoc_entry(doc, name, 0, &k, &v))
            en = yamldoc_str(v);
        if (en)
            p->name = strdup(en);
    }
    if (!p->name)
        p->name = strdup(p->slug);

    catalogue_keys(r, doc, root);

    yaml_node_t *type = yamldoc_get(doc, root, "type");
    char *types = str_or_list(r, doc, type, "problem.yaml", "type");
    if (types) {
        if (strstr(types, "scoring"))
            p->scoring = true;
        p->interactive = strstr(types, "interactive") != NULL;
        p->multipass = strstr(types, "multi-pass") != NULL;
        if (strstr(types, "submit-answer")) {
            ERR(r,
                "problem '%s': problem.yaml: type '%s' is not supported (pass-fail, scoring, "
                "interactive and multi-pass are)",
                p->slug, types);
            rc = -EINVAL;
        } else if (!p->scoring && !p->interactive && !p->multipass && !strstr(types, "pass-fail")) {
            ERR(r, "problem '%s': problem.yaml: unknown type '%s'", p->slug, types);
            rc = -EINVAL;
        }
        free(types);
    }

    p->time_multiplier = modern ? 2.0 : 5.0;
    p->safety_margin = modern ? 1.5 : 2.0;
    p->memory_mb = 1024;
    p->output_mb = 8;
    /* The specification's defaults for validators: 60 s and 2 GiB. */
    p->validation_time = 60;
    p->validation_memory_mb = 2048;
    p->passes = 2;
    yaml_node_t *limits = yamldoc_get(doc, root, "limits");
    if (limits) {
        number(r, doc, limits, "time_limit", 0.001, 60, &p->time_limit);
        number(r, doc, limits, "time_multiplier", 1, 100, &p->time_multiplier);
        number(r, doc, limits, "time_safety_margin", 1, 100, &p->safety_margin);
        check_keys(r, doc, limits, "problem.yaml", "limits.", limits_keys);
        yaml_node_t *tm = yamldoc_get(doc, limits, "time_multipliers");
        check_keys(r, doc, tm, "problem.yaml", "limits.time_multipliers.", multipliers_keys);
        if (tm) {
            number(r, doc, tm, "ac_to_time_limit", 1, 100, &p->time_multiplier);
            number(r, doc, tm, "time_limit_to_tle", 1, 100, &p->safety_margin);
        }
        double mem = p->memory_mb, out = p->output_mb;
        number(r, doc, limits, "memory", 1, 4096, &mem);
        number(r, doc, limits, "output", 1, 256, &out);
        p->memory_mb = (unsigned)ceil(mem);
        p->output_mb = (unsigned)ceil(out);
        double passes = p->passes;
        number(r, doc, limits, "validation_passes", 2, 100, &passes);
        p->passes = (unsigned)passes;
        double vmem = p->validation_memory_mb;
        number(r, doc, limits, "validation_time", 0.1, 600, &p->validation_time);
        number(r, doc, limits, "validation_memory", 16, 4096, &vmem);
        p->validation_memory_mb = (unsigned)ceil(vmem);
    }
    if (p->time_limit == 0 && has_file(r, ".timelimit")) {
        /* problemtools writes the derived limit here */
        char *tl = NULL, *tp = abs_of(r, ".timelimit");
        if (tp && fs_read(tp, 64, &tl, NULL) == 0) {
            double v = strtod(tl, NULL);
            if (v > 0 && v <= 60)
                p->time_limit = v;
        }
        free(tl);
        free(tp);
    }

    const char *validation = yamldoc_str(yamldoc_get(doc, root, "validation"));
    if (validation) {
        if (!strncmp(validation, "custom", 6)) {
            p->custom_validation = true;
            /* legacy: "custom interactive"; "custom score" changes nothing here */
            p->interactive |= strstr(validation, "interactive") != NULL;
        } else if (strcmp(validation, "default")) {
            ERR(r, "problem '%s': problem.yaml: validation must be 'default' or 'custom', not '%s'",
                p->slug, validation);
            rc = -EINVAL;
        }
    }
    const char *keys[] = {"output_validator_args", "output_validator_flags", "validator_flags"};
    for (size_t i = 0; i < 3 && !p->validator_args; i++)
        p->validator_args =
            str_or_list(r, doc, yamldoc_get(doc, root, keys[i]), "problem.yaml", keys[i]);
    yamldoc_free(doc);
    if (r->errors->n)
        rc = -EINVAL;
    return rc;
}

/*** Groups and tests ***/

struct group_conf {
    double accept_score, range_max;
    bool has_range, has_score, min, first_error, ignore_sample;
    double score;
    char *validator_args, *input_validator_args;
};

/* Reads testdata.yaml or test_group.yaml in `dir` (relative) over the inherited `c`. */
static void read_group_conf(struct reader *r, const char *dir, struct group_conf *c)
{
    static const char *const names[] = {"testdata.yaml", "test_group.yaml"};
    for (size_t i = 0; i < 2; i++) {
        char rel[PATH_MAX];
        snprintf(rel, sizeof(rel), "%s/%s", dir, names[i]);
        if (!has_file(r, rel))
            continue;
        char *path = abs_of(r, rel), err[256];
        yamldoc *doc = NULL;
        int rc = yamldoc_load(path, &doc, err, sizeof(err));
        free(path);
        if (rc) {
            ERR(r, "problem '%s': %s: %s", r->p->slug, rel, err);
            continue;
        }
        yaml_node_t *root = yamldoc_root(doc);
        check_keys(r, doc, root, rel, "", group_keys);
        check_keys(r, doc, yamldoc_get(doc, root, "scoring"), rel, "scoring.", group_scoring_keys);
        double v;
        if (yamldoc_num(yamldoc_get(doc, root, "accept_score"), &v))
            c->accept_score = v;
        const char *range = yamldoc_str(yamldoc_get(doc, root, "range"));
        double lo, hi;
        if (range && sscanf(range, "%lf %lf", &lo, &hi) == 2) {
            c->has_range = true;
            c->range_max = hi;
        }
        const char *on_reject = yamldoc_str(yamldoc_get(doc, root, "on_reject"));
        if (on_reject)
            c->first_error = !strcmp(on_reject, "break") || !strcmp(on_reject, "first_error");
        const char *flags = yamldoc_str(yamldoc_get(doc, root, "grader_flags"));
        if (flags) {
            if (strstr(flags, "min"))
                c->min = true;
            if (strstr(flags, "sum"))
                c->min = false;
            if (strstr(flags, "first_error"))
                c->first_error = true;
            if (strstr(flags, "ignore_sample"))
                c->ignore_sample = true;
        }
        yaml_node_t *scoring = yamldoc_get(doc, root, "scoring");
        if (yamldoc_num(yamldoc_get(doc, root, "score"), &v) ||
            yamldoc_num(yamldoc_get(doc, scoring, "score"), &v)) {
            c->has_score = true;
            c->score = v;
        }
        const char *agg = yamldoc_str(yamldoc_get(doc, scoring, "aggregation"));
        if (agg)
            c->min = !strcmp(agg, "min") || !strcmp(agg, "pass-fail");
        const char *okeys[] = {"output_validator_args", "output_validator_flags"};
        for (size_t k = 0; k < 2; k++) {
            char *s = str_or_list(r, doc, yamldoc_get(doc, root, okeys[k]), rel, okeys[k]);
            if (s) {
                free(c->validator_args);
                c->validator_args = s;
            }
        }
        const char *ikeys[] = {"input_validator_args", "input_validator_flags"};
        for (size_t k = 0; k < 2; k++) {
            char *s = str_or_list(r, doc, yamldoc_get(doc, root, ikeys[k]), rel, ikeys[k]);
            if (s) {
                free(c->input_validator_args);
                c->input_validator_args = s;
            }
        }
        yamldoc_free(doc);
    }
}

static size_t add_group(struct pkg *p, const char *name, const struct group_conf *c)
{
    struct pkg_group *g = realloc(p->groups, (p->ngroups + 1) * sizeof(*g));
    if (!g)
        return (size_t)-1;
    p->groups = g;
    g = &p->groups[p->ngroups];
    memset(g, 0, sizeof(*g));
    g->name = strdup(name);
    g->aggregation = c->min ? PKG_MIN : PKG_SUM;
    g->accept_score = c->accept_score;
    g->first_error = c->first_error;
    g->points = c->has_score ? c->score : -1; /* -1: from accept_score once tests are counted */
    g->validator_args = c->validator_args ? strdup(c->validator_args) : NULL;
    g->input_validator_args = c->input_validator_args ? strdup(c->input_validator_args) : NULL;
    return p->ngroups++;
}

static void conf_copy(struct group_conf *dst, const struct group_conf *src)
{
    *dst = *src;
    dst->validator_args = src->validator_args ? strdup(src->validator_args) : NULL;
    dst->input_validator_args =
        src->input_validator_args ? strdup(src->input_validator_args) : NULL;
}

static void conf_release(struct group_conf *c)
{
    free(c->validator_args);
    free(c->input_validator_args);
}

/* The first folder below data/secret/ that `rel` lies in, or "" directly in secret. */
static void group_of(const char *rel, char *out, size_t size)
{
    const char *rest = rel + strlen("data/secret/");
    const char *slash = strchr(rest, '/');
    if (!slash) {
        out[0] = '\0';
        return;
    }
    snprintf(out, size, "%.*s", (int)(slash - rest), rest);
}

static int read_tests(struct reader *r)
{
    struct pkg *p = r->p;
    struct group_conf base = {.accept_score = 1};
    read_group_conf(r, "data", &base);
    struct group_conf sample, secret;
    conf_copy(&sample, &base);
    read_group_conf(r, "data/sample", &sample);
    conf_copy(&secret, &base);
    read_group_conf(r, "data/secret", &secret);
    add_group(p, "sample", &sample);
    add_group(p, "secret", &secret);
    /* Subgroups first, so each test finds its group by name. */
    for (size_t i = 0; i < r->files.n; i++) {
        const char *rel = r->files.rel[i];
        char g[256];
        if (!under(rel, "data/secret") || !fs_has_suffix(rel, ".in"))
            continue;
        group_of(rel, g, sizeof(g));
        if (!g[0] || !strcmp(p->groups[p->ngroups - 1].name, g))
            continue;
        bool seen = false;
        for (size_t k = 2; k < p->ngroups; k++)
            seen |= !strcmp(p->groups[k].name, g);
        if (seen)
            continue;
        struct group_conf c;
        conf_copy(&c, &secret);
        c.has_score = false;
        char dir[PATH_MAX];
        snprintf(dir, sizeof(dir), "data/secret/%s", g);
        read_group_conf(r, dir, &c);
        add_group(p, g, &c);
        conf_release(&c);
    }

    size_t *count = calloc(p->ngroups, sizeof(size_t));
    if (!count) {
        conf_release(&base);
        conf_release(&sample);
        conf_release(&secret);
        return -ENOMEM;
    }
    for (size_t i = 0; i < r->files.n; i++) {
        const char *rel = r->files.rel[i];
        bool is_sample = under(rel, "data/sample");
        if (!is_sample && !under(rel, "data/secret"))
            continue;
        if (fs_has_suffix(rel, ".ans")) {
            char in[PATH_MAX];
            snprintf(in, sizeof(in), "%.*s.in", (int)(strlen(rel) - 4), rel);
            if (!has_file(r, in))
                ERR(r, "problem '%s': '%s' has no matching .in", p->slug, rel);
            continue;
        }
        if (!fs_has_suffix(rel, ".in"))
            continue;
        char ans[PATH_MAX];
        snprintf(ans, sizeof(ans), "%.*s.ans", (int)(strlen(rel) - 3), rel);
        if (!has_file(r, ans)) {
            ERR(r, "problem '%s': '%s' has no matching .ans", p->slug, rel);
            continue;
        }
        if (p->ntests >= PKG_MAX_TESTS) {
            ERR(r, "problem '%s': more than %d tests", p->slug, PKG_MAX_TESTS);
            break;
        }
        struct pkg_test *t = realloc(p->tests, (p->ntests + 1) * sizeof(*t));
        if (!t)
            break;
        p->tests = t;
        t = &p->tests[p->ntests++];
        memset(t, 0, sizeof(*t));
        t->name = strndup(rel + 5, strlen(rel) - 5 - 3);
        t->in_path = abs_of(r, rel);
        t->ans_path = abs_of(r, ans);
        t->sample = is_sample;
        t->group = is_sample ? 0 : 1;
        char g[256];
        if (!is_sample) {
            group_of(rel, g, sizeof(g));
            for (size_t k = 2; g[0] && k < p->ngroups; k++)
                if (!strcmp(p->groups[k].name, g))
                    t->group = k;
        }
        count[t->group]++;
    }
    /* Legacy points: accept_score per test, summed, or once for a min group; range caps it. */
    for (size_t k = 0; k < p->ngroups; k++) {
        struct pkg_group *g = &p->groups[k];
        if (g->points < 0)
            g->points =
                g->aggregation == PKG_MIN ? g->accept_score : g->accept_score * (double)count[k];
    }
    if (secret.has_range && p->scoring) {
        double total = 0;
        for (size_t k = 1; k < p->ngroups; k++)
            total += p->groups[k].points;
        if (total > secret.range_max && total > 0)
            for (size_t k = 1; k < p->ngroups; k++)
                p->groups[k].points *= secret.range_max / total;
    }
    for (size_t k = 0; k < p->ngroups; k++)
        if (!isfinite(p->groups[k].points))
            ERR(r,
                "problem '%s': group '%s' is not worth a finite number of points (accept_score "
                "or score too large)",
                p->slug, p->groups[k].name);
    free(count);
    conf_release(&base);
    conf_release(&sample);
    conf_release(&secret);
    if (pkg_secret_count(p) == 0)
        ERR(r, "problem '%s': data/secret has no tests (a test is a .in with its .ans)", p->slug);
    return 0;
}

/*** Statement, driver, template ***/

static void read_statement(struct reader *r)
{
    struct pkg *p = r->p;
    static const char *const md[] = {"statement/problem.en.md", "problem_statement/problem.en.md",
                                     "statement/problem.md", "problem_statement/problem.md"};
    static const char *const tex[] = {"statement/problem.en.tex",
                                      "problem_statement/problem.en.tex",
                                      "problem_statement/problem.tex", "statement/problem.tex"};
    for (size_t i = 0; i < 4 && !p->statement; i++) {
        if (!has_file(r, md[i]))
            continue;
        char *path = abs_of(r, md[i]);
        if (fs_read(path, PKG_STATEMENT_MAX, &p->statement, NULL))
            ERR(r, "problem '%s': '%s' cannot be read or is larger than 1 MiB", p->slug, md[i]);
        else
            p->statement_path = strdup(md[i]);
        free(path);
    }
    for (size_t i = 0; i < 4 && !p->statement; i++) {
        if (!has_file(r, tex[i]))
            continue;
        char *path = abs_of(r, tex[i]), *body = NULL;
        size_t len = 0;
        if (fs_read(path, PKG_STATEMENT_MAX, &body, &len) == 0) {
            /* Rendered to Markdown at import, as every other statement is stored. */
            struct diag notes = DIAG_INIT;
            int rc = latex_to_markdown(body, len, 4 * PKG_STATEMENT_MAX, &p->statement, &notes);
            if (rc)
                ERR(r, "problem '%s': '%s' cannot be converted: %s", p->slug, tex[i],
                    strerror(-rc));
            else
                p->statement_path = strdup(tex[i]);
            for (size_t k = 0; k < notes.n; k++)
                WARN(r, "problem '%s': %s: %s", p->slug, tex[i], notes.items[k]);
            diag_release(&notes);
        } else {
            ERR(r, "problem '%s': '%s' cannot be read or is larger than 1 MiB", p->slug, tex[i]);
        }
        free(body);
        free(path);
    }
    if (!p->statement)
        ERR(r, "problem '%s': no statement: statement/problem.en.md is missing", p->slug);
}

/*
 * attachments/templates/<lang>/FILE: starter code per language, the first file of each folder
 * (files come sorted). The folder's name is the API's language id; the judge does not check it
 * against its languages, so a package can carry templates for a language added later.
 */
static void read_template(struct reader *r, const char *rel)
{
    struct pkg *p = r->p;
    const char *prefix = "attachments/templates/";
    if (strncmp(rel, prefix, strlen(prefix)))
        return;
    const char *lang = rel + strlen(prefix), *slash = strchr(lang, '/');
    size_t n = slash ? (size_t)(slash - lang) : 0;
    if (!n || n >= sizeof(p->templates->lang) ||
        strspn(lang, "abcdefghijklmnopqrstuvwxyz0123456789") != n)
        return;
    for (size_t i = 0; i < p->ntemplates; i++)
        if (strlen(p->templates[i].lang) == n && !strncmp(p->templates[i].lang, lang, n))
            return;
    struct pkg_template *t = realloc(p->templates, (p->ntemplates + 1) * sizeof(*t));
    if (!t)
        return;
    p->templates = t;
    t = &t[p->ntemplates];
    memset(t, 0, sizeof(*t));
    memcpy(t->lang, lang, n);
    char *path = abs_of(r, rel);
    if (fs_read(path, PKG_TEMPLATE_MAX, &t->text, NULL))
        ERR(r, "problem '%s': '%s' is larger than 64 KiB", p->slug, rel);
    else
        p->ntemplates++;
    free(path);
}

static void read_c_files(struct reader *r)
{
    struct pkg *p = r->p;
    for (size_t i = 0; i < r->files.n; i++) {
        const char *rel = r->files.rel[i];
        if (under(rel, "include/c")) {
            char **n = realloc(p->include_files, (p->ninclude + 1) * sizeof(*n));
            if (!n)
                return;
            p->include_files = n;
            p->include_files[p->ninclude++] = abs_of(r, rel);
        } else if (!p->template_c && under(rel, "attachments/templates/c") &&
                   fs_has_suffix(rel, ".c")) {
            char *path = abs_of(r, rel);
            if (fs_read(path, PKG_TEMPLATE_MAX, &p->template_c, NULL))
                ERR(r, "problem '%s': '%s' is larger than 64 KiB", p->slug, rel);
            free(path);
        }
        read_template(r, rel);
    }
}

/*** Programs: reference submissions and validators ***/

static struct pkg_program *add_program(struct pkg_program **arr, size_t *n)
{
    struct pkg_program *a = realloc(*arr, (*n + 1) * sizeof(*a));
    if (!a)
        return NULL;
    *arr = a;
    memset(&a[*n], 0, sizeof(a[*n]));
    return &a[(*n)++];
}

/*
 * The programs in folder `dir`: each file directly in it is one, each sub-folder is one made of
 * all its sources. With `single`, the whole folder is one program. Programs in a language the
 * judge does not run are skipped with a warning.
 */
static void read_programs(struct reader *r, const char *dir, bool single, const char *expected,
                          struct pkg_program **arr, size_t *n)
{
    struct pkg *p = r->p;
    size_t dl = strlen(dir);
    char current[PATH_MAX] = "";
    struct pkg_program *prog = NULL;
    bool skipped = false;
    for (size_t i = 0; i < r->files.n; i++) {
        const char *rel = r->files.rel[i];
        if (!under(rel, dir))
            continue;
        const char *rest = rel + dl + 1;
        const char *slash = strchr(rest, '/');
        char unit[PATH_MAX];
        if (single)
            snprintf(unit, sizeof(unit), "%s", dir);
        else if (slash)
            snprintf(unit, sizeof(unit), "%.*s", (int)(slash - rel), rel);
        else
            snprintf(unit, sizeof(unit), "%s", rel);
        const struct lang *lang = lang_by_path(rel);
        if (strcmp(unit, current)) {
            snprintf(current, sizeof(current), "%s", unit);
            prog = NULL;
            skipped = false;
        }
        if (!lang) {
            bool source_like = !fs_has_suffix(rel, ".h") && !fs_has_suffix(rel, ".hpp") &&
                               !fs_has_suffix(rel, ".md") && !fs_has_suffix(rel, ".txt") &&
                               !fs_has_suffix(rel, ".yaml");
            if (source_like && !prog && !skipped) {
                const char *dot = strrchr(rel, '.');
                WARN(r, "problem '%s': skipped '%s': '%s' is not a language this judge runs",
                     p->slug, rel, dot ? dot + 1 : "(no extension)");
                skipped = true;
            }
            continue;
        }
        if (!prog) {
            prog = add_program(arr, n);
            if (!prog)
                return;
            prog->path = strdup(unit);
            prog->lang = lang;
            prog->expected = expected ? strdup(expected) : NULL;
        }
        char **s = realloc(prog->sources, (prog->nsources + 1) * sizeof(*s));
        if (!s)
            return;
        prog->sources = s;
        prog->sources[prog->nsources++] = abs_of(r, rel);
        if (lang != prog->lang && lang->submissions && prog->lang == lang_by_id("c"))
            prog->lang = lang; /* C with C++ parts is built as C++ */
    }
}

/*
 * The folders of submissions/ the format gives a meaning (2023-07 draft, "Example submissions"),
 * with the verdicts each permits and requires. A memory-limit failure is a run-time error in Kattis
 * terms, which is why run_time_error/ permits judged's MLE (it is RTE here, PKG_EXPECT_RTE).
 */
static const struct {
    const char *folder;
    unsigned permitted, required;
} folders[] = {
    {"accepted", PKG_EXPECT_AC, 0},
    {"wrong_answer", PKG_EXPECT_AC | PKG_EXPECT_WA, PKG_EXPECT_WA},
    {"time_limit_exceeded", PKG_EXPECT_AC | PKG_EXPECT_TLE, PKG_EXPECT_TLE},
    {"run_time_error", PKG_EXPECT_AC | PKG_EXPECT_RTE, PKG_EXPECT_RTE},
    {"rejected", 0, PKG_EXPECT_WA | PKG_EXPECT_TLE | PKG_EXPECT_RTE},
    {"brute_force", PKG_EXPECT_AC | PKG_EXPECT_TLE | PKG_EXPECT_RTE,
     PKG_EXPECT_TLE | PKG_EXPECT_RTE},
};
#define NFOLDERS (sizeof(folders) / sizeof(folders[0]))

int pkg_expect_folder(const char *folder, struct pkg_expect *out)
{
    for (size_t i = 0; folder && i < NFOLDERS; i++) {
        if (!strcmp(folders[i].folder, folder)) {
            *out = (struct pkg_expect){.permitted = folders[i].permitted,
                                       .required = folders[i].required};
            return 0;
        }
    }
    return -ENOENT;
}

unsigned pkg_expect_bit(const char *name)
{
    static const char *const names[] = {"AC", "WA", "TLE", "RTE"};
    for (unsigned i = 0; name && i < 4; i++)
        if (!strcmp(name, names[i]))
            return 1u << i;
    return 0;
}

static int expect_add(struct pkg_program *prog, const struct pkg_expect *e, const char *tests,
                      const char *source)
{
    struct pkg_expect *a = realloc(prog->expects, (prog->nexpects + 1) * sizeof(*a));
    if (!a)
        return -ENOMEM;
    prog->expects = a;
    a = &a[prog->nexpects];
    *a = *e;
    a->tests = tests ? strdup(tests) : NULL;
    a->source = strdup(source);
    if ((tests && !a->tests) || !a->source) {
        free(a->tests);
        free(a->source);
        return -ENOMEM;
    }
    prog->nexpects++;
    return 0;
}

static const struct key_rule submission_keys[] = {
    {"permitted", false},
    {"required", false},
    {"score", false},
    {"language", true}, /* read from the extension here */
    {"entrypoint", true},
    {"author", true},
    {"authors", true},
    {"model_solution", true},
    {"use_for_time_limit", true},
    {"message", true},
    {NULL, false},
};

/* A list of verdict names as bits; false (with an error) when one is not a verdict. */
static bool verdict_bits(struct reader *r, yamldoc *doc, yaml_node_t *n, const char *where,
                         unsigned *out)
{
    *out = 0;
    if (!n)
        return true;
    yaml_node_t *it;
    const char *one = yamldoc_str(n);
    for (size_t i = 0; one || (it = yamldoc_item(doc, n, i)); i++) {
        const char *v = one ? one : yamldoc_str(it);
        unsigned b = pkg_expect_bit(v);
        if (!b) {
            ERR(r,
                "problem '%s': submissions/submissions.yaml: '%s': '%s' is not a verdict (AC, WA, "
                "TLE or RTE)",
                r->p->slug, where, v ? v : "(not a string)");
            return false;
        }
        *out |= b;
        if (one)
            break;
    }
    return true;
}

/* Reads one expectation mapping (`permitted`, `required`, `score`) into `e`. */
static bool read_expect(struct reader *r, yamldoc *doc, yaml_node_t *map, const char *where,
                        struct pkg_expect *e)
{
    *e = (struct pkg_expect){0};
    if (!verdict_bits(r, doc, yamldoc_get(doc, map, "permitted"), where, &e->permitted) ||
        !verdict_bits(r, doc, yamldoc_get(doc, map, "required"), where, &e->required))
        return false;
    yaml_node_t *sc = yamldoc_get(doc, map, "score");
    if (sc) {
        double lo, hi;
        yaml_node_t *a = yamldoc_item(doc, sc, 0), *b = yamldoc_item(doc, sc, 1);
        if (yamldoc_num(sc, &lo)) {
            hi = lo;
        } else if (!a || !b || !yamldoc_num(a, &lo) || !yamldoc_num(b, &hi) || lo > hi) {
            ERR(r,
                "problem '%s': submissions/submissions.yaml: '%s': 'score' must be a number or "
                "[low, high]",
                r->p->slug, where);
            return false;
        }
        e->has_score = true;
        e->score_lo = lo;
        e->score_hi = hi;
    }
    return true;
}

/* Is key `k` of a submission's mapping about tests ("sample", "secret/group1", "*")? */
static bool test_key(const char *k)
{
    return !strcmp(k, "sample") || !strcmp(k, "secret") || under(k, "sample") ||
           under(k, "secret") || strchr(k, '*');
}

/* Applies one entry of submissions.yaml (`pattern` over submissions/) to the programs it names. */
static void apply_submission_rule(struct reader *r, yamldoc *doc, const char *pattern,
                                  yaml_node_t *map)
{
    struct pkg *p = r->p;
    if (!map || map->type != YAML_MAPPING_NODE) {
        ERR(r, "problem '%s': submissions/submissions.yaml: '%s' must be a mapping", p->slug,
            pattern);
        return;
    }
    struct pkg_expect top;
    if (!read_expect(r, doc, map, pattern, &top))
        return;
    bool top_has = top.permitted || top.required || top.has_score;
    size_t hits = 0;
    for (size_t i = 0; i < p->nsubmissions; i++) {
        struct pkg_program *prog = &p->submissions[i];
        const char *rel = prog->path + strlen("submissions/");
        if (fnmatch(pattern, rel, FNM_PATHNAME | FNM_LEADING_DIR))
            continue;
        hits++;
        prog->explicit_expects = true;
        if (top_has)
            expect_add(prog, &top, NULL, "submissions.yaml");
        const char *key;
        yaml_node_t *val;
        for (size_t k = 0; yamldoc_entry(doc, map, k, &key, &val); k++) {
            struct pkg_expect e;
            char where[PATH_MAX];
            snprintf(where, sizeof(where), "%s: %s", pattern, key ? key : "");
            if (key && test_key(key) && read_expect(r, doc, val, where, &e))
                expect_add(prog, &e, key, "submissions.yaml");
        }
    }
    if (!hits)
        WARN(r, "problem '%s': submissions/submissions.yaml: '%s' names no submission", p->slug,
             pattern);
    /* Unknown keys once per entry, not once per submission. */
    const char *key;
    yaml_node_t *val;
    for (size_t k = 0; yamldoc_entry(doc, map, k, &key, &val); k++) {
        bool known = !key || test_key(key);
        for (const struct key_rule *kr = submission_keys; kr->key && !known; kr++)
            known = !strcmp(kr->key, key);
        if (!known)
            WARN(r, "problem '%s': submissions/submissions.yaml: unknown key '%s.%s' is ignored",
                 p->slug, pattern, key);
    }
}

static void read_all_programs(struct reader *r)
{
    struct pkg *p = r->p;
    for (size_t f = 0; f < NFOLDERS; f++) {
        char dir[64];
        snprintf(dir, sizeof(dir), "submissions/%s", folders[f].folder);
        read_programs(r, dir, false, folders[f].folder, &p->submissions, &p->nsubmissions);
    }
    /* submissions.yaml (2023-07 draft) may give meaning to folders of its own. */
    yamldoc *doc = NULL;
    yaml_node_t *root = NULL;
    if (has_file(r, "submissions/submissions.yaml")) {
        char *path = abs_of(r, "submissions/submissions.yaml"), err[256];
        int rc = path ? yamldoc_load(path, &doc, err, sizeof(err)) : -ENOMEM;
        free(path);
        if (rc)
            ERR(r, "problem '%s': submissions/submissions.yaml: %s", p->slug,
                rc == -ENOMEM ? "out of memory" : err);
        root = doc ? yamldoc_root(doc) : NULL;
        if (root && root->type != YAML_MAPPING_NODE) {
            ERR(r, "problem '%s': submissions/submissions.yaml: the top level must be a mapping",
                p->slug);
            root = NULL;
        }
    }
    const char *key;
    yaml_node_t *val;
    for (size_t k = 0; root && yamldoc_entry(doc, root, k, &key, &val); k++) {
        if (!key)
            continue;
        char folder[128];
        snprintf(folder, sizeof(folder), "%.*s", (int)strcspn(key, "/"), key);
        struct pkg_expect dummy;
        if (strpbrk(folder, "*?[") || pkg_expect_folder(folder, &dummy) == 0)
            continue;
        bool seen = false;
        for (size_t i = 0; i < p->nsubmissions && !seen; i++)
            seen = !strcmp(p->submissions[i].expected, folder);
        char dir[PATH_MAX];
        snprintf(dir, sizeof(dir), "submissions/%s", folder);
        if (!seen)
            read_programs(r, dir, false, folder, &p->submissions, &p->nsubmissions);
    }
    /* Each program gets its folder's meaning, then every entry of submissions.yaml naming it. */
    for (size_t i = 0; i < p->nsubmissions; i++) {
        struct pkg_expect e;
        char src[160];
        snprintf(src, sizeof(src), "folder %s/", p->submissions[i].expected);
        if (pkg_expect_folder(p->submissions[i].expected, &e) == 0)
            expect_add(&p->submissions[i], &e, NULL, src);
    }
    for (size_t k = 0; root && yamldoc_entry(doc, root, k, &key, &val); k++)
        if (key)
            apply_submission_rule(r, doc, key, val);
    yamldoc_free(doc);
    for (size_t i = 0; i < p->nsubmissions; i++)
        if (!p->submissions[i].nexpects)
            WARN(r,
                 "problem '%s': '%s' has no expectation (its folder is not one of the format's "
                 "and submissions.yaml says nothing of it): it is run, and any verdict will do",
                 p->slug, p->submissions[i].path);
    for (size_t i = 0; i < r->files.n; i++) {
        const char *rel = r->files.rel[i];
        if (!under(rel, "submissions") || !strcmp(rel, "submissions/submissions.yaml"))
            continue;
        const char *cat = rel + strlen("submissions/");
        bool known = false;
        for (size_t k = 0; k < p->nsubmissions && !known; k++) {
            size_t n = strlen(p->submissions[k].expected);
            known = !strncmp(cat, p->submissions[k].expected, n) && cat[n] == '/';
        }
        for (size_t f = 0; f < NFOLDERS && !known; f++) {
            size_t n = strlen(folders[f].folder);
            known = !strncmp(cat, folders[f].folder, n) && cat[n] == '/';
        }
        if (!known && strchr(cat, '/')) {
            WARN(r,
                 "problem '%s': skipped '%s': its folder is neither one of the format's "
                 "(accepted, wrong_answer, time_limit_exceeded, run_time_error, rejected, "
                 "brute_force) nor named in submissions/submissions.yaml",
                 p->slug, rel);
        }
    }
    read_programs(r, "input_validators", false, NULL, &p->input_validators, &p->ninput_validators);
    read_programs(r, "input_format_validators", false, NULL, &p->input_validators,
                  &p->ninput_validators);

    struct pkg_program *ov = NULL;
    size_t nov = 0;
    read_programs(r, "output_validator", true, NULL, &ov, &nov);
    if (!nov)
        read_programs(r, "output_validators", false, NULL, &ov, &nov);
    if (nov) {
        p->output_validator = malloc(sizeof(*p->output_validator));
        if (p->output_validator)
            *p->output_validator = ov[0];
        for (size_t i = 1; i < nov; i++) {
            WARN(r, "problem '%s': only the first output validator is used; '%s' is not", p->slug,
                 ov[i].path);
            free(ov[i].path);
            for (size_t k = 0; k < ov[i].nsources; k++)
                free(ov[i].sources[k]);
            free(ov[i].sources);
            free(ov[i].expected);
        }
        free(ov);
        /* 2023-07 and later: a present output validator means custom validation. */
        p->custom_validation = true;
    } else if (p->custom_validation || p->interactive || p->multipass) {
        ERR(r,
            "problem '%s': %s but there is no output validator in C or C++ "
            "(output_validators/NAME/ or output_validator/)",
            p->slug,
            p->interactive ? "the problem is interactive"
            : p->multipass ? "the problem is multi-pass"
                           : "validation is custom");
    }
}

/*** The whole package ***/

int pkg_open(const char *dir, const char *slug, struct pkg **out, struct diag *errors)
{
    struct reader r = {.errors = errors};
    struct pkg *p = calloc(1, sizeof(*p));
    if (!p)
        return -ENOMEM;
    r.p = p;
    if (!realpath(dir, r.real)) {
        int e = errno;
        diag_add(errors, "problem '%s': cannot open package folder '%s': %s", slug ? slug : dir,
                 dir, strerror(e));
        pkg_free(p);
        return -EINVAL;
    }
    const char *base = strrchr(r.real, '/');
    p->slug = strdup(slug ? slug : (base ? base + 1 : r.real));
    p->dir = strdup(r.real);
    if (!p->slug || !p->dir) {
        pkg_free(p);
        return -ENOMEM;
    }
    size_t before = errors->n;
    if (!pkg_slug_valid(p->slug))
        ERR(&r, "problem '%s': the id must match [a-z0-9][a-z0-9-]* (at most 64 characters)",
            p->slug);
    int rc = walk(&r, "");
    if (rc == -ENOMEM)
        goto out;
    if (r.files.n)
        qsort(r.files.rel, r.files.n, sizeof(char *), cmp_str);
    if (read_problem_yaml(&r) == 0 || has_file(&r, "problem.yaml")) {
        if ((rc = read_tests(&r)) == -ENOMEM)
            goto out;
        read_statement(&r);
        read_c_files(&r);
        read_all_programs(&r);
    }
    rc = errors->n > before ? -EINVAL : 0;
out:
    for (size_t i = 0; i < r.files.n; i++)
        free(r.files.rel[i]);
    free(r.files.rel);
    if (rc) {
        pkg_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

static void program_release(struct pkg_program *pr)
{
    for (size_t k = 0; k < pr->nexpects; k++) {
        free(pr->expects[k].tests);
        free(pr->expects[k].source);
    }
    free(pr->expects);
    free(pr->path);
    for (size_t k = 0; k < pr->nsources; k++)
        free(pr->sources[k]);
    free(pr->sources);
    free(pr->expected);
}

void pkg_free(struct pkg *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->ngroups; i++) {
        free(p->groups[i].name);
        free(p->groups[i].validator_args);
        free(p->groups[i].input_validator_args);
    }
    free(p->groups);
    for (size_t i = 0; i < p->ntests; i++) {
        free(p->tests[i].name);
        free(p->tests[i].in_path);
        free(p->tests[i].ans_path);
    }
    free(p->tests);
    for (size_t i = 0; i < p->nsubmissions; i++)
        program_release(&p->submissions[i]);
    free(p->submissions);
    for (size_t i = 0; i < p->ninput_validators; i++)
        program_release(&p->input_validators[i]);
    free(p->input_validators);
    if (p->output_validator) {
        program_release(p->output_validator);
        free(p->output_validator);
    }
    for (size_t i = 0; i < p->ninclude; i++)
        free(p->include_files[i]);
    free(p->include_files);
    free(p->dir);
    free(p->slug);
    free(p->name);
    free(p->difficulty);
    free(p->keywords);
    free(p->validator_args);
    free(p->statement);
    free(p->statement_path);
    free(p->template_c);
    for (size_t i = 0; i < p->ntemplates; i++)
        free(p->templates[i].text);
    free(p->templates);
    diag_release(&p->warnings);
    free(p);
}

size_t pkg_secret_count(const struct pkg *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->ntests; i++)
        n += !p->tests[i].sample;
    return n;
}

unsigned pkg_time_limit_ms(const struct pkg *p)
{
    return (unsigned)llround(p->time_limit * 1000);
}
