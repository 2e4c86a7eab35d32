/* The route table (server/http/api.c) and its matching: each route answers its own paths alone. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"

/* A concrete path for `pattern`: each {} becomes "seg1", "seg2", ... */
static void concrete(const char *pattern, char *out, size_t size)
{
    size_t o = 0;
    int n = 0;
    for (const char *p = pattern; *p && o + 8 < size;) {
        if (p[0] == '{' && p[1] == '}') {
            o += (size_t)snprintf(out + o, size - o, "seg%d", ++n);
            p += 2;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
}

static const struct route *find(const char *method, const char *path, bool *known)
{
    char params[REQ_PARAMS][256], allow[128];
    bool k;
    const struct route *rt =
        http_route_find(method, path, params, known ? known : &k, allow, sizeof(allow));
    return rt;
}

/* Every route is found for its own method and a concrete path, with its {} values. */
START_TEST(test_every_route_matches_its_paths)
{
    int n = 0;
    for (const struct route *rt = api_routes; rt->method; rt++, n++) {
        char path[512], params[REQ_PARAMS][256], allow[128];
        bool known = false;
        concrete(rt->pattern, path, sizeof(path));
        const struct route *got =
            http_route_find(rt->method, path, params, &known, allow, sizeof(allow));
        ck_assert_msg(got == rt, "%s %s found %s", rt->method, path, got ? got->name : "nothing");
        ck_assert(known);
        ck_assert_msg(strstr(allow, rt->method), "%s: allow '%s'", path, allow);
        if (strstr(rt->pattern, "{}"))
            ck_assert_str_eq(params[0], "seg1");
    }
    ck_assert_int_gt(n, 50);
}
END_TEST

/* Near misses match nothing: a missing or extra segment, a trailing slash, an empty segment. */
START_TEST(test_other_paths_match_nothing)
{
    static const char *const paths[] = {
        "/",
        "/healthz/",
        "//healthz",
        "/healthzz",
        "/api/v1",
        "/api/v1/",
        "/api/v1/problems/",
        "/api/v1/problems//verification",
        "/api/v1/problems/a/b",
        "/api/v1/problemsx",
        "/api/v2/problems",
        "/API/v1/problems",
        "/api/v1/submissions/1/events/2",
        "/api/v1/worker/jobs/x",
        "/api/v1/assessments/1/candidates/2/snapshots",
    };
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        bool known = true;
        ck_assert_msg(!find("GET", paths[i], &known), "'%s' matched", paths[i]);
        ck_assert_msg(!find("POST", paths[i], &known), "'%s' matched", paths[i]);
        ck_assert_msg(!known, "'%s' is known", paths[i]);
    }
}
END_TEST

/* The wrong method on a known path: no route, but the path is known and Allow lists its methods. */
START_TEST(test_wrong_method_lists_allowed)
{
    char params[REQ_PARAMS][256], allow[128];
    bool known = false;
    ck_assert_ptr_null(
        http_route_find("PATCH", "/api/v1/problems/sum", params, &known, allow, sizeof(allow)));
    ck_assert(known);
    ck_assert_str_eq(allow, "GET, PUT, DELETE");
    /* HEAD is answered by GET's route. */
    const struct route *rt = find("HEAD", "/api/v1/problems", NULL);
    ck_assert_ptr_nonnull(rt);
    ck_assert_str_eq(rt->method, "GET");
}
END_TEST

/* No two routes of one method match the same path: the first would hide the second. */
START_TEST(test_no_route_hides_another)
{
    for (const struct route *a = api_routes; a->method; a++) {
        char path[512];
        concrete(a->pattern, path, sizeof(path));
        for (const struct route *b = api_routes; b->method; b++) {
            if (a == b || strcmp(a->method, b->method))
                continue;
            ck_assert_msg(strcmp(a->pattern, b->pattern), "%s %s twice", a->method, a->pattern);
        }
        ck_assert_ptr_eq(find(a->method, path, NULL), a);
    }
}
END_TEST

/* The flags: probes alone skip the rate limit and answer while stopping; names are unique;
 * audited routes need a token (or sign the caller in: they read no session); every route names
 * its least team role, and read-only writes nothing of a team's but its own session and
 * password (the open routes anyone may call aside). */
START_TEST(test_flags)
{
    for (const struct route *rt = api_routes; rt->method; rt++) {
        bool probe = !strcmp(rt->name, "healthz") || !strcmp(rt->name, "readyz");
        ck_assert_msg(!!(rt->flags & ROUTE_WHILE_STOPPING) == probe, "%s", rt->name);
        ck_assert_msg(!!(rt->flags & ROUTE_RATE_EXEMPT) == (probe || !strcmp(rt->name, "metrics")),
                      "%s", rt->name);
        ck_assert_msg(!(rt->flags & ROUTE_CANDIDATE) || rt->access == ACCESS_ANY, "%s", rt->name);
        ck_assert_msg(rt->team_role >= TEAM_READ_ONLY && rt->team_role <= TEAM_ADMIN, "%s",
                      rt->name);
        if (rt->team_role == TEAM_READ_ONLY && rt->access == ACCESS_TOKEN)
            ck_assert_msg(!strcmp(rt->method, "GET") || !strncmp(rt->name, "auth_", 5), "%s",
                          rt->name);
        if (rt->audit) {
            ck_assert_msg(rt->access == ACCESS_TOKEN || rt->access == ACCESS_ADMIN ||
                              (rt->flags & ROUTE_NO_SESSION),
                          "%s", rt->name);
            ck_assert_msg(strchr(rt->audit, '.'), "%s: action '%s'", rt->name, rt->audit);
        }
        for (const struct route *o = api_routes; o < rt; o++)
            ck_assert_msg(strcmp(o->name, rt->name), "name '%s' twice", rt->name);
    }
    ck_assert_str_eq(find("PUT", "/api/v1/problems/x", NULL)->audit, "problem.import");
    ck_assert_ptr_null(find("GET", "/api/v1/problems/x", NULL)->audit);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("route");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_every_route_matches_its_paths);
    tcase_add_test(tc, test_other_paths_match_nothing);
    tcase_add_test(tc, test_wrong_method_lists_allowed);
    tcase_add_test(tc, test_no_route_hides_another);
    tcase_add_test(tc, test_flags);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
