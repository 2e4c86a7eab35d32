/*
 * Test data from generators/generators.yaml, the format BAPCtools defined and the 2023-07 draft
 * adopted. The file's root is the data/ folder; a folder holds its entries under `data` (a
 * mapping, or a list of mappings whose entries are numbered 01-, 02-, ... in order), and may set
 * `solution` (the program writing the answers of the cases below it) and `testdata.yaml` (written
 * as that folder's testdata.yaml). A test case is:
 *   - null: a manual case, its .in already in data/;
 *   - "file.in": copied from generators/ (with its .ans when there is one);
 *   - "gen.py ARGS" or {generate: ..} / {input: ..}: a generator's run, whose stdout (or the
 *     {name}.in it wrote) is the input; {seed} and {seed:N} become a number derived from the
 *     command, so runs are reproducible;
 *   - {copy: path}: path.in (and path.ans) of generators/;
 *   - {in: TEXT} and {ans: TEXT}: the files' text itself.
 * A case without an answer gets one from its solution (the nearest `solution`, else the package's
 * first accepted submission). Every program runs in the sandbox, built once for all its runs;
 * what was made is cached by the content hash of generators/ and submissions/.
 *
 * Not supported, and warned about by entry: the `generators:` table of multi-file generators,
 * visualizers, `count`, `include`, `retries` and other keys (listed by name), generators in other
 * languages than the judge's (and directories with build/run scripts).
 */
#define _GNU_SOURCE
#include "gen.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "strbuf.h"
#include "yamldoc.h"

#define GEN_FILE      "generators/generators.yaml"
#define GEN_MAX_CASES 1000
#define GEN_OUT_MAX   (64u << 20)
#define GEN_ARGS      64

/* What a generator or a solution may use: a validator's share, generous for big inputs. */
static const struct sandbox_limits gen_limits = {
    .cpu_ms = 30000,
    .wall_ms = 60000,
    .memory_kb = 2u << 20,
    .stdout_max = GEN_OUT_MAX,
    .stderr_max = 64u << 10,
    .processes = 16,
    .file_size = GEN_OUT_MAX,
};

struct gen_case {
    char *path;     /* below data/, no extension: "secret/group1/03-big" */
    char *command;  /* a generator run, or NULL */
    char *copy;     /* below generators/, no extension, or NULL */
    char *in_text;  /* literal input, or NULL */
    char *ans_text; /* literal answer, or NULL */
    char *solution; /* the command writing its answer, or NULL: the default */
    char *salt;
    bool manual;
};

struct gen_dir_conf {
    char *path; /* below data/ */
    char *text; /* its testdata.yaml */
};

struct gen {
    const struct judge_env *env;
    const char *dir; /* the package */
    char *out;       /* where the files are made: the cache's folder being filled */
    struct diag *errors, *warnings;
    struct gen_case *cases;
    size_t ncases;
    struct gen_dir_conf *confs;
    size_t nconfs;
    char *default_solution;
};

#define GERR(g, ...)  diag_add((g)->errors, __VA_ARGS__)
#define GWARN(g, ...) diag_add((g)->warnings, __VA_ARGS__)

static const char *slug_of(const struct gen *g)
{
    const char *b = strrchr(g->dir, '/');
    return b ? b + 1 : g->dir;
}

bool gen_wanted(const char *dir)
{
    char *f = fs_join(dir, GEN_FILE);
    bool yes = f && fs_is_file(f);
    free(f);
    return yes;
}

/*** Reading generators.yaml ***/

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static const char *const dir_keys[] = {"type",        "data",       "solution",   "testdata.yaml",
                                       "random_salt", "generators", "visualizer", NULL};
static const char *const case_keys[] = {"type", "generate", "input",       "copy",       "in",
                                        "ans",  "solution", "random_salt", "visualizer", NULL};

static bool known(const char *const *keys, const char *k)
{
    for (; *keys; keys++)
        if (!strcmp(*keys, k))
            return true;
    return false;
}

static void warn_unknown(struct gen *g, yamldoc *doc, yaml_node_t *map, const char *where,
                         const char *const *keys)
{
    const char *k;
    yaml_node_t *v;
    for (size_t i = 0; yamldoc_entry(doc, map, i, &k, &v); i++)
        if (k && !known(keys, k))
            GWARN(g, "problem '%s': %s: '%s%s%s' is not supported by this judge and is ignored",
                  slug_of(g), GEN_FILE, where, where[0] ? "." : "", k);
}

/* testdata.yaml text from a mapping of scalars (and lists of scalars). */
static char *conf_text(struct gen *g, yamldoc *doc, yaml_node_t *map, const char *where)
{
    struct strbuf sb = STRBUF_INIT(1u << 16);
    const char *k;
    yaml_node_t *v;
    for (size_t i = 0; map && yamldoc_entry(doc, map, i, &k, &v); i++) {
        if (!k)
            continue;
        if (yamldoc_str(v)) {
            strbuf_addf(&sb, "%s: '%s'\n", k, yamldoc_str(v));
        } else if (v && v->type == YAML_SEQUENCE_NODE) {
            strbuf_addf(&sb, "%s: [", k);
            yaml_node_t *it;
            for (size_t j = 0; (it = yamldoc_item(doc, v, j)); j++)
                strbuf_addf(&sb, "%s'%s'", j ? ", " : "", yamldoc_str(it) ? yamldoc_str(it) : "");
            strbuf_addstr(&sb, "]\n");
        } else {
            GWARN(g, "problem '%s': %s: '%s.testdata.yaml.%s' is not a scalar and is dropped",
                  slug_of(g), GEN_FILE, where, k);
        }
    }
    return strbuf_detach(&sb, NULL);
}

static int add_case(struct gen *g, struct gen_case *c)
{
    if (g->ncases >= GEN_MAX_CASES) {
        GERR(g, "problem '%s': %s: more than %d test cases", slug_of(g), GEN_FILE, GEN_MAX_CASES);
        return -EINVAL;
    }
    struct gen_case *a = realloc(g->cases, (g->ncases + 1) * sizeof(*a));
    if (!a)
        return -ENOMEM;
    g->cases = a;
    a[g->ncases++] = *c;
    return 0;
}

static int read_dir(struct gen *g, yamldoc *doc, yaml_node_t *node, const char *path,
                    const char *solution, const char *salt, int depth);

/* One entry of a folder: a test case, or a folder when it holds `data` or says type: directory. */
static int read_entry(struct gen *g, yamldoc *doc, const char *name, yaml_node_t *v,
                      const char *path, const char *solution, const char *salt, int depth)
{
    char sub[4096];
    snprintf(sub, sizeof(sub), "%s%s%s", path, path[0] && name[0] ? "/" : "", name);
    if (strchr(name, '/') || !strcmp(name, "..") || !strcmp(name, ".")) {
        GERR(g, "problem '%s': %s: '%s' is not a test case name", slug_of(g), GEN_FILE, name);
        return 0;
    }
    const char *type = v ? yamldoc_str(yamldoc_get(doc, v, "type")) : NULL;
    if (v && v->type == YAML_MAPPING_NODE &&
        (yamldoc_get(doc, v, "data") || (type && !strcmp(type, "directory"))))
        return read_dir(g, doc, v, sub, solution, salt, depth + 1);
    struct gen_case c = {
        .path = strdup(sub), .solution = dup_or_null(solution), .salt = dup_or_null(salt)};
    const char *str = v ? yamldoc_str(v) : NULL;
    if (!v || (str && !str[0])) {
        c.manual = true;
    } else if (str && fs_has_suffix(str, ".in")) {
        c.copy = strndup(str, strlen(str) - 3);
    } else if (str) {
        c.command = strdup(str);
    } else if (v->type == YAML_MAPPING_NODE) {
        warn_unknown(g, doc, v, sub, case_keys);
        const char *gen = yamldoc_str(yamldoc_get(doc, v, "generate"));
        if (!gen)
            gen = yamldoc_str(yamldoc_get(doc, v, "input"));
        c.command = dup_or_null(gen);
        c.copy = dup_or_null(yamldoc_str(yamldoc_get(doc, v, "copy")));
        c.in_text = dup_or_null(yamldoc_str(yamldoc_get(doc, v, "in")));
        c.ans_text = dup_or_null(yamldoc_str(yamldoc_get(doc, v, "ans")));
        yaml_node_t *sol = yamldoc_get(doc, v, "solution");
        if (sol) {
            free(c.solution);
            c.solution = dup_or_null(yamldoc_str(sol));
        }
        const char *s2 = yamldoc_str(yamldoc_get(doc, v, "random_salt"));
        if (s2) {
            free(c.salt);
            c.salt = strdup(s2);
        }
        if (!c.command && !c.copy && !c.in_text)
            GERR(g, "problem '%s': %s: test case '%s' has neither generate, copy nor in",
                 slug_of(g), GEN_FILE, sub);
    } else {
        GERR(g, "problem '%s': %s: test case '%s' is neither a command nor a mapping", slug_of(g),
             GEN_FILE, sub);
    }
    return add_case(g, &c);
}

static int read_dir(struct gen *g, yamldoc *doc, yaml_node_t *node, const char *path,
                    const char *solution, const char *salt, int depth)
{
    if (depth > 16) {
        GERR(g, "problem '%s': %s: folders nest deeper than 16", slug_of(g), GEN_FILE);
        return 0;
    }
    warn_unknown(g, doc, node, path, dir_keys);
    if (yamldoc_get(doc, node, "generators"))
        GWARN(g,
              "problem '%s': %s: the 'generators' table (generators of several files) is not "
              "supported; generators must be one file or folder of generators/",
              slug_of(g), GEN_FILE);
    if (yamldoc_get(doc, node, "visualizer") && yamldoc_str(yamldoc_get(doc, node, "visualizer")))
        GWARN(g, "problem '%s': %s: visualizers are not run ('%s')", slug_of(g), GEN_FILE,
              path[0] ? path : "(root)");
    yaml_node_t *sol = yamldoc_get(doc, node, "solution");
    if (sol)
        solution = yamldoc_str(sol); /* empty or null: no answers made below */
    const char *s2 = yamldoc_str(yamldoc_get(doc, node, "random_salt"));
    if (s2)
        salt = s2;
    yaml_node_t *td = yamldoc_get(doc, node, "testdata.yaml");
    if (td) {
        struct gen_dir_conf *a = realloc(g->confs, (g->nconfs + 1) * sizeof(*a));
        if (!a)
            return -ENOMEM;
        g->confs = a;
        a[g->nconfs++] = (struct gen_dir_conf){strdup(path), conf_text(g, doc, td, path)};
    }
    yaml_node_t *data = yamldoc_get(doc, node, "data");
    if (!data)
        return 0;
    const char *k;
    yaml_node_t *v;
    int rc = 0;
    if (data->type == YAML_MAPPING_NODE) {
        for (size_t i = 0; !rc && yamldoc_entry(doc, data, i, &k, &v); i++)
            if (k)
                rc = read_entry(g, doc, k, v, path, solution, salt, depth);
        return rc;
    }
    /* A list: each mapping's entries get its number, 1-based and zero-padded to the list's size. */
    size_t n = 0;
    while (yamldoc_item(doc, data, n))
        n++;
    int width = n >= 100 ? 3 : 2;
    yaml_node_t *item;
    for (size_t i = 0; !rc && (item = yamldoc_item(doc, data, i)); i++) {
        for (size_t j = 0; !rc && yamldoc_entry(doc, item, j, &k, &v); j++) {
            if (!k)
                continue;
            char name[512];
            snprintf(name, sizeof(name), "%0*zu%s%s", width, i + 1, k[0] ? "-" : "", k);
            rc = read_entry(g, doc, name, v, path, solution, salt, depth);
        }
    }
    return rc;
}

/*** Running programs ***/

/* A program named by a command: generators/NAME, or (solutions) a path from the package root. */
struct program {
    char *rel; /* below the package */
    const struct lang *lang;
    char **sources;
    size_t nsources;
};

static void program_release(struct program *p)
{
    free(p->rel);
    for (size_t i = 0; i < p->nsources; i++)
        free(p->sources[i]);
    free(p->sources);
    memset(p, 0, sizeof(*p));
}

struct collect {
    struct program *p;
};

static int collect_source(void *ud, const char *rel, const char *full, const struct stat *st)
{
    struct program *p = ((struct collect *)ud)->p;
    const struct lang *l = S_ISREG(st->st_mode) ? lang_by_path(rel) : NULL;
    if (!l)
        return 0;
    if (!p->lang)
        p->lang = l;
    char **a = realloc(p->sources, (p->nsources + 1) * sizeof(*a));
    if (!a)
        return -ENOMEM;
    p->sources = a;
    a[p->nsources] = strdup(full);
    return a[p->nsources] ? (p->nsources++, 0) : -ENOMEM;
}

/* Finds program `name` (first word of a command): under generators/ for generators. */
static int program_find(struct gen *g, const char *name, bool generator, struct program *p)
{
    memset(p, 0, sizeof(*p));
    while (*name == '/')
        name++;
    char rel[4096];
    if (generator && strncmp(name, "generators/", 11))
        snprintf(rel, sizeof(rel), "generators/%s", name);
    else
        snprintf(rel, sizeof(rel), "%s", name);
    if (strstr(rel, "..")) {
        return -EINVAL;
    }
    char *full = fs_join(g->dir, rel);
    if (!full)
        return -ENOMEM;
    int rc = 0;
    p->rel = strdup(rel);
    if (fs_is_dir(full)) {
        struct collect c = {p};
        rc = fs_walk_sorted(full, collect_source, &c);
    } else if (fs_is_file(full)) {
        struct stat st = {.st_mode = S_IFREG};
        struct collect c = {p};
        rc = collect_source(&c, rel, full, &st);
    } else {
        rc = -ENOENT;
    }
    free(full);
    if (!rc && !p->nsources)
        rc = -ENOEXEC;
    if (rc)
        program_release(p);
    return rc;
}

/* FNV-1a over the command and its salt: the {seed} of a run, reproducible. */
static unsigned long long seed_of(const char *salt, const char *command, const char *n)
{
    unsigned long long h = 1469598103934665603ull;
    const char *parts[] = {salt ? salt : "", command, n};
    for (size_t k = 0; k < 3; k++)
        for (const char *s = parts[k]; *s; s++)
            h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h & 0x7fffffff; /* fits every generator's int */
}

/* Splits `command` after its program into arguments, {name} and {seed[:N]} replaced. */
static size_t split_args(char *command, const char *salt, const char *orig, char **owned,
                         const char **args)
{
    size_t n = 0;
    char *save = NULL;
    strtok_r(command, " \t\n", &save); /* the program */
    for (char *t = strtok_r(NULL, " \t\n", &save); t && n + 1 < GEN_ARGS;
         t = strtok_r(NULL, " \t\n", &save)) {
        struct strbuf sb = STRBUF_INIT(4096);
        for (const char *p = t; *p;) {
            if (!strncmp(p, "{name}", 6)) {
                strbuf_addstr(&sb, "testcase");
                p += 6;
            } else if (!strncmp(p, "{seed", 5) && (p[5] == '}' || p[5] == ':')) {
                const char *end = strchr(p, '}');
                if (!end)
                    break;
                char num[32] = "";
                if (p[5] == ':')
                    snprintf(num, sizeof(num), "%.*s", (int)(end - p - 6), p + 6);
                strbuf_addf(&sb, "%llu", seed_of(salt, orig, num));
                p = end + 1;
            } else {
                strbuf_add(&sb, p++, 1);
            }
        }
        owned[n] = strbuf_detach(&sb, NULL);
        args[n] = owned[n];
        n++;
    }
    args[n] = NULL;
    return n;
}

static int write_out(struct gen *g, const char *rel, const char *ext, const char *data, size_t len)
{
    char *base = fs_join(g->out, rel), *path = NULL;
    int rc = base && asprintf(&path, "%s%s", base, ext) >= 0 ? 0 : -ENOMEM;
    if (!rc) {
        char *slash = strrchr(path, '/');
        *slash = '\0';
        rc = fs_mkdirs(path, 0755);
        *slash = '/';
    }
    if (!rc)
        rc = fs_write(path, data, len, 0644);
    free(base);
    free(path);
    return rc;
}

static bool made(struct gen *g, const char *rel, const char *ext)
{
    char *base = fs_join(g->out, rel), *path = NULL;
    bool yes = base && asprintf(&path, "%s%s", base, ext) >= 0 && fs_is_file(path);
    free(base);
    free(path);
    return yes;
}

/* Builds a program in the slot; false (with an error naming `what`) when it cannot be. */
static bool build(struct gen *g, const struct program *p, const char *what)
{
    char why[512];
    int lc = judge_lang_check(g->env, NULL, NULL, p->lang, why, sizeof(why));
    if (lc) {
        GERR(g, "problem '%s': %s: %s '%s' cannot run here: %s", slug_of(g), GEN_FILE, what, p->rel,
             why);
        return false;
    }
    bool ok = false;
    char *diag = NULL;
    int rc = judge_helper_build(g->env, p->lang, (const char *const *)p->sources, p->nsources, &ok,
                                &diag);
    if (rc || !ok)
        GERR(g, "problem '%s': %s: %s '%s' does not compile: %.2000s", slug_of(g), GEN_FILE, what,
             p->rel,
             rc     ? strerror(-rc)
             : diag ? diag
                    : "");
    free(diag);
    return !rc && ok;
}

/* Runs the built program once; its stdout in *out (the caller frees it). */
static bool run(struct gen *g, const struct program *p, const char *const *args, int in,
                const char *what, const char *test, char **out, size_t *len)
{
    struct sandbox_result r;
    int rc = sandbox_clean(g->env->sb, g->env->slot, false);
    if (!rc)
        rc = judge_helper_run(g->env, p->lang, (const char *const *)p->sources, p->nsources, args,
                              in, &gen_limits, &r);
    bool ok = !rc && r.status == SANDBOX_EXITED && r.exit_code == 0;
    if (rc)
        GERR(g, "problem '%s': %s: %s '%s' could not run for '%s': %s", slug_of(g), GEN_FILE, what,
             p->rel, test, strerror(-rc));
    else if (!ok)
        GERR(g, "problem '%s': %s: %s '%s' failed for '%s' (%s, exit %d)%s%.300s", slug_of(g),
             GEN_FILE, what, p->rel, test, sandbox_status_name(r.status), r.exit_code,
             r.err.len ? ": " : "", strbuf_str(&r.err));
    if (ok) {
        *len = r.out.len;
        *out = malloc(r.out.len + 1);
        if (*out) {
            memcpy(*out, r.out.buf ? r.out.buf : "", r.out.len);
            (*out)[r.out.len] = '\0';
        }
        ok = *out != NULL;
    }
    if (!rc)
        sandbox_result_release(&r);
    return ok;
}

/* Takes what a generator wrote as /tmp/testcase.EXT, if it did. */
static int take_written(struct gen *g, const char *rel, const char *ext)
{
    char *tmp = fs_join(sandbox_tmp_dir(g->env->sb, g->env->slot), "testcase"), *path = NULL;
    int rc = tmp && asprintf(&path, "%s%s", tmp, ext) >= 0 ? 0 : -ENOMEM;
    char *data = NULL;
    size_t len = 0;
    if (!rc && fs_is_file(path)) {
        rc = fs_read(path, GEN_OUT_MAX, &data, &len);
        if (!rc)
            rc = write_out(g, rel, ext, data, len);
    } else if (!rc) {
        rc = -ENOENT;
    }
    free(data);
    free(tmp);
    free(path);
    return rc;
}

/* Every case whose input a generator makes, program by program: each is built once. */
static int run_generators(struct gen *g)
{
    bool *done = calloc(g->ncases ? g->ncases : 1, sizeof(bool));
    if (!done)
        return -ENOMEM;
    int rc = 0;
    for (size_t i = 0; !rc && i < g->ncases; i++) {
        if (done[i] || !g->cases[i].command)
            continue;
        char prog[512];
        snprintf(prog, sizeof(prog), "%.*s", (int)strcspn(g->cases[i].command, " \t\n"),
                 g->cases[i].command);
        struct program p;
        int fr = program_find(g, prog, true, &p);
        if (fr == -ENOMEM) {
            rc = fr;
            break;
        }
        bool built = false;
        if (fr) {
            GERR(g, "problem '%s': %s: generator '%s' of '%s': %s", slug_of(g), GEN_FILE, prog,
                 g->cases[i].path,
                 fr == -ENOEXEC ? "not in a language this judge runs" : strerror(-fr));
        } else {
            built = build(g, &p, "generator");
        }
        for (size_t j = i; j < g->ncases; j++) {
            struct gen_case *c = &g->cases[j];
            char other[512];
            if (done[j] || !c->command)
                continue;
            snprintf(other, sizeof(other), "%.*s", (int)strcspn(c->command, " \t\n"), c->command);
            if (strcmp(other, prog))
                continue;
            done[j] = true;
            if (!built)
                continue;
            char *cmd = strdup(c->command), *owned[GEN_ARGS] = {NULL}, *out = NULL;
            const char *args[GEN_ARGS];
            if (!cmd) {
                rc = -ENOMEM;
                break;
            }
            size_t n = split_args(cmd, c->salt, c->command, owned, args);
            size_t len = 0;
            if (run(g, &p, args, -1, "generator", c->path, &out, &len)) {
                /* A generator writes {name}.in, or the input to its stdout. */
                int wr = take_written(g, c->path, ".in");
                if (wr == -ENOENT)
                    wr = write_out(g, c->path, ".in", out, len);
                if (!wr) {
                    wr = take_written(g, c->path, ".ans");
                    wr = wr == -ENOENT ? 0 : wr;
                }
                if (wr)
                    GERR(g, "problem '%s': %s: cannot store '%s': %s", slug_of(g), GEN_FILE,
                         c->path, strerror(-wr));
            }
            free(out);
            for (size_t k = 0; k < n; k++)
                free(owned[k]);
            free(cmd);
        }
        if (!fr)
            program_release(&p);
    }
    free(done);
    return rc;
}

/* Inputs and answers that need no program: literal text, copies, manual cases. */
static int place_static(struct gen *g)
{
    for (size_t i = 0; i < g->ncases; i++) {
        struct gen_case *c = &g->cases[i];
        int rc = 0;
        if (c->in_text)
            rc = write_out(g, c->path, ".in", c->in_text, strlen(c->in_text));
        if (!rc && c->ans_text)
            rc = write_out(g, c->path, ".ans", c->ans_text, strlen(c->ans_text));
        const char *from_dir = c->copy ? "generators" : c->manual ? "data" : NULL;
        const char *from = c->copy ? c->copy : c->path;
        for (int e = 0; !rc && from_dir && e < 2; e++) {
            const char *ext = e ? ".ans" : ".in";
            if (c->copy && strstr(c->copy, "..")) {
                GERR(g, "problem '%s': %s: '%s' copies from outside generators/", slug_of(g),
                     GEN_FILE, c->path);
                break;
            }
            char *src = NULL, *data = NULL;
            size_t len = 0;
            if (asprintf(&src, "%s/%s/%s%s", g->dir, from_dir, from, ext) < 0)
                return -ENOMEM;
            if (fs_is_file(src)) {
                rc = fs_read(src, GEN_OUT_MAX, &data, &len);
                if (!rc)
                    rc = write_out(g, c->path, ext, data, len);
            } else if (!e) {
                GERR(g, "problem '%s': %s: '%s' needs '%s/%s.in', which is missing", slug_of(g),
                     GEN_FILE, c->path, from_dir, from);
            }
            free(src);
            free(data);
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* The answers not made yet, by each case's solution (built once per solution). */
static int run_solutions(struct gen *g)
{
    for (size_t i = 0; i < g->ncases; i++) {
        struct gen_case *c = &g->cases[i];
        if (!c->solution && made(g, c->path, ".in") && !made(g, c->path, ".ans")) {
            if (!g->default_solution) {
                GERR(g,
                     "problem '%s': %s: '%s' has no answer and no solution to make one (give "
                     "'solution:' or an accepted submission)",
                     slug_of(g), GEN_FILE, c->path);
                continue;
            }
            c->solution = strdup(g->default_solution);
        }
    }
    bool *done = calloc(g->ncases ? g->ncases : 1, sizeof(bool));
    if (!done)
        return -ENOMEM;
    int rc = 0;
    for (size_t i = 0; !rc && i < g->ncases; i++) {
        struct gen_case *c = &g->cases[i];
        if (done[i] || !c->solution || !c->solution[0] || !made(g, c->path, ".in") ||
            made(g, c->path, ".ans"))
            continue;
        char prog[512];
        snprintf(prog, sizeof(prog), "%.*s", (int)strcspn(c->solution, " \t\n"), c->solution);
        struct program p;
        int fr = program_find(g, prog, false, &p);
        if (fr == -ENOMEM) {
            rc = fr;
            break;
        }
        bool built = false;
        if (fr)
            GERR(g, "problem '%s': %s: solution '%s': %s", slug_of(g), GEN_FILE, prog,
                 fr == -ENOEXEC ? "not in a language this judge runs" : strerror(-fr));
        else
            built = build(g, &p, "solution");
        for (size_t j = i; built && j < g->ncases; j++) {
            struct gen_case *d = &g->cases[j];
            if (done[j] || !d->solution || strncmp(d->solution, prog, strlen(prog)) ||
                !made(g, d->path, ".in") || made(g, d->path, ".ans"))
                continue;
            done[j] = true;
            char *in_path = NULL, *out = NULL;
            if (asprintf(&in_path, "%s/%s.in", g->out, d->path) < 0) {
                rc = -ENOMEM;
                break;
            }
            int in = open(in_path, O_RDONLY | O_CLOEXEC);
            free(in_path);
            size_t len = 0;
            if (in >= 0 && run(g, &p, NULL, in, "solution", d->path, &out, &len)) {
                int wr = write_out(g, d->path, ".ans", out, len);
                if (wr)
                    GERR(g, "problem '%s': %s: cannot store '%s.ans': %s", slug_of(g), GEN_FILE,
                         d->path, strerror(-wr));
            }
            if (in >= 0)
                close(in);
            free(out);
        }
        if (!fr)
            program_release(&p);
    }
    free(done);
    return rc;
}

/* The first accepted submission in a language this host runs: the answers' default writer. */
static char *first_accepted(const struct gen *g)
{
    char *acc = fs_join(g->dir, "submissions/accepted");
    char *found = NULL;
    struct dirent **names = NULL;
    int n = acc ? scandir(acc, &names, NULL, alphasort) : -1;
    for (int i = 0; i < n; i++) {
        const struct lang *l = lang_by_path(names[i]->d_name);
        char why[256];
        if (!found && names[i]->d_name[0] != '.' && l &&
            judge_lang_check(g->env, NULL, NULL, l, why, sizeof(why)) == 0 &&
            asprintf(&found, "submissions/accepted/%s", names[i]->d_name) < 0)
            found = NULL;
        free(names[i]);
    }
    free(names);
    free(acc);
    return found;
}

/*** The cache ***/

struct hasher {
    unsigned long long h;
    int rc;
};

static int hash_one(void *ud, const char *rel, const char *full, const struct stat *st)
{
    struct hasher *hs = ud;
    for (const char *s = rel; *s; s++)
        hs->h = (hs->h ^ (unsigned char)*s) * 1099511628211ull;
    hs->h = (hs->h ^ 0xff) * 1099511628211ull;
    if (!S_ISREG(st->st_mode))
        return 0;
    char *data = NULL;
    size_t len = 0;
    int rc = fs_read(full, GEN_OUT_MAX, &data, &len);
    for (size_t i = 0; !rc && i < len; i++)
        hs->h = (hs->h ^ (unsigned char)data[i]) * 1099511628211ull;
    free(data);
    return rc;
}

/*
 * The content hash of what generation reads: generators/ (generators.yaml with it), submissions/
 * (the solutions) and the manual cases' files in data/, which are copied with the rest.
 */
static int content_hash(const struct gen *g, char *hex, size_t size)
{
    struct hasher hs = {1469598103934665603ull, 0};
    static const char *const parts[] = {"generators", "submissions"};
    for (size_t i = 0; i < 2; i++) {
        char *p = fs_join(g->dir, parts[i]);
        int rc = p ? (fs_is_dir(p) ? fs_walk_sorted(p, hash_one, &hs) : 0) : -ENOMEM;
        free(p);
        if (rc)
            return rc;
        hs.h = (hs.h ^ (unsigned char)(0xf0 + i)) * 1099511628211ull;
    }
    for (size_t i = 0; i < g->ncases; i++) {
        for (int e = 0; g->cases[i].manual && e < 2; e++) {
            char *path = NULL;
            if (asprintf(&path, "%s/data/%s%s", g->dir, g->cases[i].path, e ? ".ans" : ".in") < 0)
                return -ENOMEM;
            struct stat st;
            int rc = stat(path, &st) == 0 ? hash_one(&hs, g->cases[i].path, path, &st) : 0;
            free(path);
            if (rc)
                return rc;
        }
    }
    snprintf(hex, size, "%016llx", hs.h);
    return 0;
}

struct install_ctx {
    const char *data; /* dir/data */
};

/*
 * One made file into data/: left alone when it holds that already (the server's stored copy of a
 * package may be judged on while the same content is imported again), else replaced at once by a
 * rename, so that a reader never sees half a file.
 */
static int install_one(void *ud, const char *rel, const char *full, const struct stat *st)
{
    const struct install_ctx *c = ud;
    char *to = fs_join(c->data, rel), *tmp = NULL, *have = NULL, *want = NULL;
    size_t hlen = 0, wlen = 0;
    int rc = to ? 0 : -ENOMEM;
    if (!rc && S_ISDIR(st->st_mode)) {
        rc = fs_mkdirs(to, 0755);
        goto out;
    }
    if (!rc)
        rc = fs_read(full, GEN_OUT_MAX, &want, &wlen);
    if (rc ||
        (fs_read(to, GEN_OUT_MAX, &have, &hlen) == 0 && hlen == wlen && !memcmp(have, want, wlen)))
        goto out;
    if (asprintf(&tmp, "%s.gen-tmp", to) < 0) {
        tmp = NULL;
        rc = -ENOMEM;
        goto out;
    }
    rc = fs_write(tmp, want, wlen, 0644);
    if (!rc && rename(tmp, to) < 0)
        rc = -errno;
    if (rc)
        unlink(tmp);
out:
    free(to);
    free(tmp);
    free(have);
    free(want);
    return rc;
}

/* Puts the made files into dir/data/ (manual cases are in data/ already and stay). */
static int install(const char *made_dir, const char *dir)
{
    char *data = fs_join(dir, "data");
    struct install_ctx c = {data};
    int rc = data ? fs_mkdirs(data, 0755) : -ENOMEM;
    if (!rc)
        rc = fs_walk_sorted(made_dir, install_one, &c);
    free(data);
    return rc;
}

static void gen_release(struct gen *g)
{
    for (size_t i = 0; i < g->ncases; i++) {
        struct gen_case *c = &g->cases[i];
        free(c->path);
        free(c->command);
        free(c->copy);
        free(c->in_text);
        free(c->ans_text);
        free(c->solution);
        free(c->salt);
    }
    free(g->cases);
    for (size_t i = 0; i < g->nconfs; i++) {
        free(g->confs[i].path);
        free(g->confs[i].text);
    }
    free(g->confs);
    free(g->default_solution);
    free(g->out);
}

int gen_package(const struct judge_env *env, const char *dir, const char *cache_dir,
                struct diag *errors, struct diag *warnings)
{
    struct gen g = {.env = env, .dir = dir, .errors = errors, .warnings = warnings};
    size_t before = errors->n;
    char hex[32], *final = NULL, *yaml = fs_join(dir, GEN_FILE);
    yamldoc *doc = NULL;
    char err[256];
    int rc = yaml ? yamldoc_load(yaml, &doc, err, sizeof(err)) : -ENOMEM;
    if (rc) {
        if (rc == -EINVAL)
            GERR(&g, "problem '%s': %s: %s", slug_of(&g), GEN_FILE, err);
        rc = rc == -EINVAL ? 0 : rc;
        goto out;
    }
    yaml_node_t *root = yamldoc_root(doc);
    if (!root || root->type != YAML_MAPPING_NODE) {
        GERR(&g, "problem '%s': %s: the top level must be a mapping", slug_of(&g), GEN_FILE);
        goto out;
    }
    if ((rc = read_dir(&g, doc, root, "", NULL, NULL, 0)) || errors->n > before)
        goto out;
    rc = content_hash(&g, hex, sizeof(hex));
    if (!rc && asprintf(&final, "%s/generated-%s", cache_dir, hex) < 0)
        rc = -ENOMEM;
    if (rc)
        goto out;
    if (fs_is_dir(final)) {
        rc = install(final, dir); /* made before from the same content */
        goto out;
    }
    if (asprintf(&g.out, "%s.tmp", final) < 0) {
        rc = -ENOMEM;
        goto out;
    }
    fs_remove_tree(g.out);
    if ((rc = fs_mkdirs(g.out, 0755)))
        goto out;
    g.default_solution = first_accepted(&g);
    for (size_t i = 0; !rc && i < g.nconfs; i++) {
        char rel[4096];
        snprintf(rel, sizeof(rel), "%s%stestdata", g.confs[i].path, g.confs[i].path[0] ? "/" : "");
        rc = write_out(&g, rel, ".yaml", g.confs[i].text, strlen(g.confs[i].text));
    }
    if (!rc && errors->n == before)
        rc = place_static(&g);
    if (!rc && errors->n == before)
        rc = run_generators(&g);
    if (!rc && errors->n == before)
        rc = run_solutions(&g);
    if (rc || errors->n > before) {
        fs_remove_tree(g.out);
        goto out;
    }
    /* Whole or not at all: a crash half-way leaves a .tmp the next run starts again. */
    if (rename(g.out, final) < 0) {
        rc = -errno;
        goto out;
    }
    rc = install(final, dir);
out:
    if (doc)
        yamldoc_free(doc);
    gen_release(&g);
    free(final);
    free(yaml);
    return rc;
}
