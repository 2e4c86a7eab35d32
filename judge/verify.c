/*
 * Verification, in the order verifyproblem uses: read the package, compile and run the input
 * validators on every input, compile the driver and output validator, run the accepted
 * submissions (deriving the time limit from the slowest when the package gives none), then every
 * other reference submission, each of which must get the verdict its folder names.
 */
#define _GNU_SOURCE
#include "verify.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "gen.h"

/* How long an accepted submission may run while the time limit is still being derived. */
#define DERIVE_LIMIT_MS 10000

enum verdict verify_expected_verdict(const char *folder)
{
    if (!strcmp(folder, "accepted"))
        return V_AC;
    if (!strcmp(folder, "wrong_answer"))
        return V_WA;
    if (!strcmp(folder, "time_limit_exceeded"))
        return V_TLE;
    if (!strcmp(folder, "run_time_error"))
        return V_RE;
    return V_IE;
}

/* A verdict in the format's terms: judged's MLE, OLE and SV are run-time errors there. */
static unsigned expect_bit_of(enum verdict v)
{
    switch (v) {
    case V_AC:
        return PKG_EXPECT_AC;
    case V_WA:
        return PKG_EXPECT_WA;
    case V_TLE:
        return PKG_EXPECT_TLE;
    case V_MLE:
    case V_OLE:
    case V_RE:
    case V_SV:
        return PKG_EXPECT_RTE;
    case V_CE:
    case V_IE:
        break;
    }
    return 0;
}

static void bits_text(unsigned bits, char *out, size_t size)
{
    static const char *const names[] = {"AC", "WA", "TLE", "RTE"};
    size_t len = 0;
    out[0] = '\0';
    for (unsigned i = 0; i < 4; i++)
        if (bits & (1u << i) && len < size)
            len += (size_t)snprintf(out + len, size - len, "%s%s", len ? ", " : "", names[i]);
}

static bool in_scope(const struct pkg_expect *e, const char *test)
{
    if (!e->tests)
        return true;
    size_t n = strlen(e->tests);
    if (!strncmp(test, e->tests, n) && (test[n] == '\0' || test[n] == '/'))
        return true;
    return fnmatch(e->tests, test, FNM_PATHNAME | FNM_LEADING_DIR) == 0;
}

bool verify_expect_check(const struct pkg_program *sub, const struct judge_result *res, char *why,
                         size_t size)
{
    if (res->verdict == V_CE || res->verdict == V_IE) {
        snprintf(why, size, "%s meets no expectation",
                 res->verdict == V_CE ? "a compilation error" : "the judge's failure");
        return false;
    }
    for (size_t k = 0; k < sub->nexpects; k++) {
        const struct pkg_expect *e = &sub->expects[k];
        const char *scope = e->tests ? e->tests : "all tests";
        bool required_met = !e->required;
        for (size_t i = 0; i < res->ntests; i++) {
            const struct test_result *tr = &res->tests[i];
            if (!in_scope(e, tr->test->name))
                continue;
            unsigned b = expect_bit_of(tr->verdict);
            if (e->permitted && !(b & e->permitted)) {
                char allowed[64];
                bits_text(e->permitted, allowed, sizeof(allowed));
                snprintf(why, size, "test '%s' got %s, but %s permits only %s on %s",
                         tr->test->name, verdict_code(tr->verdict), e->source, allowed, scope);
                return false;
            }
            required_met |= (b & e->required) != 0;
        }
        if (!required_met) {
            char need[64];
            bits_text(e->required, need, sizeof(need));
            snprintf(why, size, "%s requires one of %s on %s, and no test there got one", e->source,
                     need, scope);
            return false;
        }
        if (e->has_score && (res->score < e->score_lo - 1e-9 || res->score > e->score_hi + 1e-9)) {
            snprintf(why, size, "scored %g, but %s expects %g to %g", res->score, e->source,
                     e->score_lo, e->score_hi);
            return false;
        }
    }
    return true;
}

static bool cancelled(const volatile int *cancel)
{
    return cancel && *cancel;
}

static int run_input_validators(const struct judge_env *env, const struct pkg *p,
                                const volatile int *cancel, struct verify_report *rep)
{
    /*
     * The package's own limits (limits.validation_time, validation_memory), wall time equal to
     * CPU time: a validator that sleeps costs no more than one that computes.
     */
    unsigned vms = (unsigned)(p->validation_time * 1000);
    for (size_t v = 0; v < p->ninput_validators; v++) {
        const struct pkg_program *iv = &p->input_validators[v];
        char *folder = fs_join(p->dir, iv->path);
        bool ok = false;
        char *diag = NULL;
        int rc = sandbox_clean(env->sb, env->slot, true);
        /* A validator in an interpreted language (Python, as BAPCtools packages ship them) is
         * staged for its interpreter and run like a package's other helper programs. */
        bool helper = !iv->lang->native;
        char cant[512];
        if (!rc && helper && judge_lang_check(env, NULL, NULL, iv->lang, cant, sizeof(cant))) {
            diag_add(&rep->errors, "problem '%s': input validator '%s' cannot run here: %s",
                     p->slug, iv->path, cant);
            free(folder);
            continue;
        }
        if (!rc && helper)
            rc = judge_helper_build(env, iv->lang, (const char *const *)iv->sources, iv->nsources,
                                    &ok, &diag);
        else if (!rc)
            rc = judge_compile(env, iv->lang, (const char *const *)iv->sources, iv->nsources,
                               folder && fs_is_dir(folder) ? folder : NULL, "ivalidator", &ok,
                               &diag);
        free(folder);
        if (rc || !ok) {
            diag_add(&rep->errors, "problem '%s': input validator '%s' does not compile:\n%s",
                     p->slug, iv->path, rc ? strerror(-rc) : diag);
            free(diag);
            continue;
        }
        free(diag);
        for (size_t i = 0; i < p->ntests; i++) {
            if (cancelled(cancel))
                return -ECANCELED;
            const struct pkg_test *t = &p->tests[i];
            const char *gargs = p->groups[t->group].input_validator_args;
            char *args = strdup(gargs ? gargs : "");
            const char *argv[64] = {"/box/ivalidator"};
            size_t argc = 1;
            char *save = NULL;
            for (char *tok = args ? strtok_r(args, " \t", &save) : NULL; tok && argc < 63;
                 tok = strtok_r(NULL, " \t", &save))
                argv[argc++] = tok;
            argv[argc] = NULL;
            int in = open(t->in_path, O_RDONLY | O_CLOEXEC);
            const struct sandbox_limits limits = {
                .cpu_ms = vms,
                .wall_ms = vms,
                .memory_kb = (uint64_t)p->validation_memory_mb << 10,
                .stdout_max = VERIFY_VALIDATOR_OUTPUT_MAX,
                .stderr_max = VERIFY_VALIDATOR_OUTPUT_MAX,
                .processes = 16,
                .file_size = 0,
            };
            struct sandbox_cmd cmd = {
                .slot = env->slot,
                .policy = POLICY_RUN,
                .argv = argv,
                .stdin_fd = in,
                .limits = limits,
            };
            struct sandbox_result r;
            if (in < 0)
                rc = -errno;
            else if (helper)
                rc = judge_helper_run(env, iv->lang, (const char *const *)iv->sources, iv->nsources,
                                      argv + 1, in, &limits, &r);
            else
                rc = judge_exec(env, &cmd, &r);
            if (in >= 0)
                close(in);
            free(args);
            if (rc) {
                diag_add(&rep->errors,
                         "problem '%s': input validator '%s' could not run on '%s': %s", p->slug,
                         iv->path, t->name, strerror(-rc));
            } else if (r.status == SANDBOX_CPU_LIMIT || r.status == SANDBOX_WALL_LIMIT) {
                diag_add(&rep->errors,
                         "problem '%s': input validator '%s' took longer than the package's "
                         "validation_time (%g s) on 'data/%s.in'",
                         p->slug, iv->path, p->validation_time, t->name);
            } else if (r.status != SANDBOX_EXITED || r.exit_code != 42) {
                const char *why = strbuf_str(&r.out)[0] ? strbuf_str(&r.out) : strbuf_str(&r.err);
                diag_add(&rep->errors,
                         "problem '%s': input validator '%s' rejects 'data/%s.in' (%s %d)%s%.200s",
                         p->slug, iv->path, t->name,
                         r.status == SANDBOX_EXITED ? "exit" : sandbox_status_name(r.status),
                         r.status == SANDBOX_EXITED ? r.exit_code : r.signal, why[0] ? ": " : "",
                         why);
            }
            if (!rc)
                sandbox_result_release(&r);
        }
    }
    return 0;
}

static uint64_t hash_file(const char *path, bool *ok)
{
    char *buf = NULL;
    size_t len = 0;
    *ok = fs_read(path, PKG_MAX_FILE_BYTES, &buf, &len) == 0;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; *ok && i < len; i++)
        h = (h ^ (unsigned char)buf[i]) * 1099511628211ull;
    free(buf);
    return h;
}

static void warn_identical_tests(const struct pkg *p, struct verify_report *rep)
{
    uint64_t *h = calloc(p->ntests, sizeof(*h));
    bool *ok = calloc(p->ntests, sizeof(*ok));
    for (size_t i = 0; h && ok && i < p->ntests; i++) {
        h[i] = hash_file(p->tests[i].in_path, &ok[i]);
        for (size_t j = 0; j < i; j++)
            if (ok[i] && ok[j] && h[i] == h[j] && p->tests[i].sample == p->tests[j].sample)
                diag_add(&rep->warnings, "problem '%s': tests '%s' and '%s' have the same input",
                         p->slug, p->tests[j].name, p->tests[i].name);
    }
    free(h);
    free(ok);
}

/*
 * Kattis takes a Java program's entry class from its file's name (Area.java holds class Area);
 * judged's Java runs class Main, as it does a candidate's program. A reference submission of one
 * file named after its class gets a Main beside it that calls that class's main. Returns the
 * written Main.java (the caller frees the path), or NULL when none is needed or it cannot be made
 * (the submission is then judged as it is).
 */
static char *java_entry(const struct problem *pr, const struct pkg_program *sub)
{
    if (strcmp(sub->lang->id, "java") || sub->nsources != 1)
        return NULL;
    const char *base = strrchr(sub->sources[0], '/');
    base = base ? base + 1 : sub->sources[0];
    size_t n = strlen(base);
    char cls[256], *text = NULL, *drivers = fs_join(pr->pkg->dir, "include/java"), *path = NULL;
    bool wanted = n > 5 && n - 5 < sizeof(cls) && strcmp(base, "Main.java") && drivers &&
                  !fs_is_dir(drivers) && fs_read(sub->sources[0], 1u << 20, &text, NULL) == 0;
    free(drivers);
    if (wanted) {
        snprintf(cls, sizeof(cls), "%.*s", (int)(n - 5), base);
        wanted = false;
        for (const char *at = text; !wanted && (at = strstr(at, "class ")); at += 6) {
            const char *name = at + 6;
            size_t k = strlen(cls);
            wanted = !strncmp(name, cls, k) &&
                     !(isalnum((unsigned char)name[k]) || name[k] == '_' || name[k] == '$');
        }
    }
    free(text);
    char *folder = NULL, *src = NULL;
    if (wanted && asprintf(&folder, "%s/java-entry/%s", pr->cache_dir, cls) >= 0 &&
        fs_mkdirs(folder, 0755) == 0 && (path = fs_join(folder, "Main.java")) &&
        asprintf(&src,
                 "public class Main {\n    public static void main(String[] args) throws "
                 "Exception {\n        %s.main(args);\n    }\n}\n",
                 cls) >= 0 &&
        fs_write(path, src, strlen(src), 0644) == 0) {
        free(folder);
        free(src);
        return path;
    }
    free(folder);
    free(src);
    free(path);
    return NULL;
}

static int judge_reference(const struct judge_env *env, const struct problem *pr,
                           const struct pkg_program *sub, unsigned tl, bool stop,
                           const volatile int *cancel, struct verify_report *rep)
{
    /* A language this host cannot run is skipped (another judge may have it), not failed. */
    char why[512];
    int lc = judge_lang_check(env, pr->pkg->dir, pr->pkg->slug, sub->lang, why, sizeof(why));
    if (lc == -ENOENT || lc == -EINVAL) {
        diag_add(&rep->warnings, "problem '%s': skipped '%s': %s", pr->pkg->slug, sub->path, why);
        return 0;
    }
    struct verify_sub *s = realloc(rep->subs, (rep->nsubs + 1) * sizeof(*s));
    if (!s)
        return -ENOMEM;
    rep->subs = s;
    s = &rep->subs[rep->nsubs++];
    memset(s, 0, sizeof(*s));
    s->path = strdup(sub->path);
    s->expected = strdup(sub->expected);
    struct judge_opts opts = {.time_limit_ms = tl, .stop_at_first_failure = stop, .cancel = cancel};
    struct judge_result res;
    char *entry = java_entry(pr, sub);
    const char *with_entry[2] = {sub->sources[0], entry};
    int rc =
        judge_submission(env, pr, sub->lang, entry ? with_entry : (const char *const *)sub->sources,
                         entry ? 2 : sub->nsources, &opts, &res);
    free(entry);
    if (rc)
        return rc;
    s->verdict = verdict_code(res.verdict);
    s->time_ms = res.time_ms;
    s->ok = verify_expect_check(sub, &res, why, sizeof(why));
    for (size_t i = 0; i < res.ntests; i++) {
        if (res.tests[i].verdict != V_AC) {
            s->first_failure = strdup(res.tests[i].test->name);
            break;
        }
    }
    if (res.verdict == V_IE) {
        s->judge_error = strdup(res.error ? res.error : "unknown");
        diag_add(&rep->errors, "problem '%s': '%s': the judge failed: %s", pr->pkg->slug, sub->path,
                 res.error ? res.error : "unknown");
        if (!rep->judge_failure && verify_expected_verdict(sub->expected) != V_IE &&
            asprintf(&rep->judge_failure, "'%s': %s", sub->path,
                     res.error ? res.error : "unknown") < 0)
            rep->judge_failure = NULL;
    } else if (!s->ok) {
        diag_add(&rep->errors, "problem '%s': '%s' got %s: %s%s%s%s", pr->pkg->slug, sub->path,
                 s->verdict, why, s->first_failure ? " (first failure: " : "",
                 s->first_failure ? s->first_failure : "", s->first_failure ? ")" : "");
    }
    if (res.verdict == V_CE && res.compile_output)
        diag_add(&rep->errors, "problem '%s': '%s' does not compile:\n%.2000s", pr->pkg->slug,
                 sub->path, res.compile_output);
    judge_result_release(&res);
    return 0;
}

int verify_problem(const struct judge_env *env, const char *dir, const char *slug,
                   const char *cache_dir, struct verify_report *rep, struct problem **out)
{
    return verify_problem_cancel(env, dir, slug, cache_dir, NULL, rep, out);
}

int verify_problem_cancel(const struct judge_env *env, const char *dir, const char *slug,
                          const char *cache_dir, const volatile int *cancel,
                          struct verify_report *rep, struct problem **out)
{
    memset(rep, 0, sizeof(*rep));
    if (out)
        *out = NULL;
    struct pkg *p = NULL;
    int rc = 0;
    /* Test data made by generators/generators.yaml first: the package is read with it. */
    if (gen_wanted(dir)) {
        rc = gen_package(env, dir, cache_dir, &rep->errors, &rep->warnings);
        if (rc || rep->errors.n) {
            const char *base = strrchr(dir, '/');
            rep->slug = strdup(slug ? slug : base ? base + 1 : dir);
            return rc;
        }
    }
    rc = pkg_open(dir, slug, &p, &rep->errors);
    if (rc) {
        const char *base = strrchr(dir, '/');
        rep->slug = strdup(slug ? slug : base ? base + 1 : dir);
        return rc == -EINVAL ? 0 : rc;
    }
    rep->slug = strdup(p->slug);
    for (size_t i = 0; i < p->warnings.n; i++)
        diag_add(&rep->warnings, "%s", p->warnings.items[i]);
    rc = run_input_validators(env, p, cancel, rep);
    if (rc) {
        pkg_free(p);
        return rc;
    }
    warn_identical_tests(p, rep);
    struct problem *pr = NULL;
    rc = problem_prepare(env, p, cache_dir, &pr, &rep->errors);
    if (rc)
        return rc == -EINVAL ? 0 : rc;
    p = pr->pkg;

    size_t naccepted = 0;
    for (size_t i = 0; i < p->nsubmissions; i++)
        naccepted += !strcmp(p->submissions[i].expected, "accepted");
    if (!naccepted)
        diag_add(&rep->errors,
                 "problem '%s': no accepted submission in a language this judge knows in "
                 "submissions/accepted/",
                 p->slug);
    unsigned given = pkg_time_limit_ms(p);
    unsigned tl = given ? given : DERIVE_LIMIT_MS;
    for (size_t i = 0; !rc && i < p->nsubmissions; i++)
        if (!strcmp(p->submissions[i].expected, "accepted"))
            rc = judge_reference(env, pr, &p->submissions[i], tl, false, cancel, rep);
    /* Those in a language this host lacks were skipped with a warning: another one must run. */
    size_t ran = 0;
    for (size_t i = 0; i < rep->nsubs; i++)
        ran += !strcmp(rep->subs[i].expected, "accepted");
    if (!rc && naccepted && !ran)
        diag_add(&rep->errors,
                 "problem '%s': no accepted submission could run here: every one is in a "
                 "language this host lacks (see the warnings)",
                 p->slug);
    for (size_t i = 0; i < rep->nsubs; i++)
        if (rep->subs[i].ok && !strcmp(rep->subs[i].expected, "accepted") &&
            rep->subs[i].time_ms > rep->slowest_accepted_ms)
            rep->slowest_accepted_ms = rep->subs[i].time_ms;
    double exact = rep->slowest_accepted_ms / 1000.0 * p->time_multiplier;
    double derived = fmax(1, floor(0.5 + exact)); /* as problemtools rounds */
    if (!given && naccepted) {
        p->time_limit = derived;
        rep->time_limit_derived = true;
        tl = pkg_time_limit_ms(p);
    } else if (given) {
        if (rep->slowest_accepted_ms * p->safety_margin > given)
            diag_add(&rep->warnings,
                     "problem '%s': the slowest accepted run (%u ms) is close to the time limit "
                     "(%u ms)",
                     p->slug, rep->slowest_accepted_ms, given);
        else if (naccepted && given > 4 * derived * 1000)
            diag_add(&rep->warnings,
                     "problem '%s': the time limit (%u ms) is far above the slowest accepted run "
                     "(%u ms)",
                     p->slug, given, rep->slowest_accepted_ms);
    }
    rep->time_limit = tl / 1000.0;
    for (size_t i = 0; !rc && i < p->nsubmissions; i++)
        if (strcmp(p->submissions[i].expected, "accepted"))
            rc = judge_reference(env, pr, &p->submissions[i], tl,
                                 !p->submissions[i].explicit_expects, cancel, rep);

    /* Wrong submissions that all fail on one test show the others do not separate anything. */
    const char *first = NULL;
    size_t wrong = 0;
    bool same = true;
    for (size_t i = 0; i < rep->nsubs; i++) {
        if (!strcmp(rep->subs[i].expected, "accepted") || !rep->subs[i].first_failure)
            continue;
        wrong++;
        if (!first)
            first = rep->subs[i].first_failure;
        else if (strcmp(first, rep->subs[i].first_failure))
            same = false;
    }
    if (wrong >= 2 && same)
        diag_add(&rep->warnings,
                 "problem '%s': every wrong submission fails first on the same test '%s'", p->slug,
                 first);
    rep->ok = !rc && rep->errors.n == 0;
    if (out && rep->ok)
        *out = pr;
    else
        problem_free(pr);
    return rc;
}

void verify_report_release(struct verify_report *rep)
{
    if (!rep)
        return;
    for (size_t i = 0; i < rep->nsubs; i++) {
        free(rep->subs[i].path);
        free(rep->subs[i].expected);
        free(rep->subs[i].first_failure);
        free(rep->subs[i].judge_error);
    }
    free(rep->subs);
    free(rep->slug);
    free(rep->judge_failure);
    diag_release(&rep->errors);
    diag_release(&rep->warnings);
    memset(rep, 0, sizeof(*rep));
}

static json_t *diag_json(const struct diag *d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < d->n; i++)
        json_array_append_new(a, json_string(d->items[i]));
    return a;
}

json_t *verify_report_json(const struct verify_report *rep)
{
    json_t *subs = json_array();
    for (size_t i = 0; i < rep->nsubs; i++) {
        const struct verify_sub *s = &rep->subs[i];
        json_array_append_new(
            subs, json_pack("{s:s, s:s, s:s, s:b, s:I, s:o}", "path", s->path, "expected",
                            s->expected, "verdict", s->verdict ? s->verdict : "IE", "ok", s->ok,
                            "time_ms", (json_int_t)s->time_ms, "first_failure",
                            s->first_failure ? json_string(s->first_failure) : json_null()));
    }
    return json_pack("{s:s, s:b, s:f, s:b, s:I, s:o, s:o, s:o}", "problem",
                     rep->slug ? rep->slug : "", "ok", rep->ok, "time_limit", rep->time_limit,
                     "time_limit_derived", rep->time_limit_derived, "slowest_accepted_ms",
                     (json_int_t)rep->slowest_accepted_ms, "submissions", subs, "errors",
                     diag_json(&rep->errors), "warnings", diag_json(&rep->warnings));
}

void verify_report_print(FILE *f, const struct verify_report *rep)
{
    fprintf(f, "%s: %s", rep->slug ? rep->slug : "?", rep->ok ? "ok" : "FAILED");
    if (rep->time_limit > 0)
        fprintf(f, " (time limit %.3g s%s, slowest accepted %u ms)", rep->time_limit,
                rep->time_limit_derived ? ", derived" : "", rep->slowest_accepted_ms);
    fputc('\n', f);
    for (size_t i = 0; i < rep->nsubs; i++) {
        const struct verify_sub *s = &rep->subs[i];
        fprintf(f, "  %-4s %-3s %6u ms  %s%s%s\n", s->ok ? "ok" : "BAD",
                s->verdict ? s->verdict : "IE", s->time_ms, s->path,
                s->first_failure ? "  first failure: " : "",
                s->first_failure ? s->first_failure : "");
    }
    for (size_t i = 0; i < rep->errors.n; i++)
        fprintf(f, "  error: %s\n", rep->errors.items[i]);
    for (size_t i = 0; i < rep->warnings.n; i++)
        fprintf(f, "  warning: %s\n", rep->warnings.items[i]);
}
