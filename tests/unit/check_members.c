/*
 * check_members: passwords (the rules, Argon2id hashes, the dummy verify, rehashing), e-mail
 * addresses, CSRF tokens, and the members and logins domain modules against a real store
 * (SQLite in a fresh folder, or JUDGED_TEST_STORE): the last admin, sessions ended by removal
 * and by a password change, single-use login links.
 */
#define _GNU_SOURCE
#include <check.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "fsutil.h"
#include "helpers.h"
#include "logins.h"
#include "members.h"
#include "passwords.h"
#include "teams.h"

static char *dir;
static db *d;

static void setup(void)
{
    char url[4096], err[256];
    const char *env = getenv("JUDGED_TEST_STORE");
    ck_assert_int_ge(sodium_init(), 0);
    dir = helper_tmpdir();
    if (env && *env)
        snprintf(url, sizeof(url), "%s", env);
    else
        snprintf(url, sizeof(url), "sqlite:%s/t.db", dir);
    ck_assert_msg(db_open_url(url, &d, err, sizeof(err)) == 0, "%s", err);
    dbc *c = db_get(d);
    /* A PostgreSQL store is shared between runs: start from none of this file's teams. */
    ck_assert_int_eq(dbc_run(c, "DELETE FROM members WHERE email LIKE '%@unit.example'", ""), 0);
    dbc_run(c, "DELETE FROM teams WHERE name LIKE 'unit-m-%'", "");
    db_put(d, c);
}

static void teardown(void)
{
    db_close(d);
    fs_remove_tree(dir);
    free(dir);
}

START_TEST(test_password_rules)
{
    const char *why = NULL;
    ck_assert_int_eq(password_check("elevenchars", &why), -EINVAL);
    ck_assert_str_eq(why, "must have at least 12 characters");
    ck_assert_int_eq(password_check("twelve chars", &why), 0);
    /* Characters, not bytes: 11 two-byte characters are 22 bytes and still too few. */
    ck_assert_int_eq(password_check("ééééééééééé", &why), -EINVAL);
    ck_assert_int_eq(password_check("éééééééééééé", &why), 0);
    char big[PASSWORD_MAX + 2];
    memset(big, 'p', sizeof(big) - 1);
    big[PASSWORD_MAX + 1] = '\0';
    ck_assert_int_eq(password_check(big, &why), -EINVAL);
    ck_assert_str_eq(why, "must be at most 1024 bytes");
    big[PASSWORD_MAX] = '\0';
    ck_assert_int_eq(password_check(big, &why), 0);
    ck_assert_int_eq(password_check("tab\there, long enough", &why), -EINVAL);
    ck_assert_int_eq(password_check("bad \xff byte, long enough", &why), -EINVAL);
    ck_assert_str_eq(why, "must be valid UTF-8");
    ck_assert_int_eq(password_check(NULL, &why), -EINVAL);
    char hash[PASSWORD_HASH_MAX];
    ck_assert_int_eq(password_hash("short", hash), -EINVAL);
}
END_TEST

START_TEST(test_password_hash_verify)
{
    char hash[PASSWORD_HASH_MAX], old[PASSWORD_HASH_MAX];
    ck_assert_int_eq(password_hash("correct horse battery", hash), 0);
    ck_assert(!strncmp(hash, "$argon2id$", 10));
    bool rehash = true;
    ck_assert_int_eq(password_verify(hash, "correct horse battery", &rehash), 0);
    ck_assert(!rehash);
    ck_assert_int_eq(password_verify(hash, "correct horse batterY", NULL), -EACCES);
    /* No hash at all (an unknown e-mail): the dummy refuses, whatever is sent. */
    ck_assert_int_eq(password_verify(NULL, "correct horse battery", NULL), -EACCES);
    ck_assert_int_eq(password_verify("", "", NULL), -EACCES);
    /* Past the cap: refused, though its first 1024 bytes would match nothing either. */
    char big[PASSWORD_MAX + 2];
    memset(big, 'p', sizeof(big) - 1);
    big[PASSWORD_MAX + 1] = '\0';
    ck_assert_int_eq(password_verify(hash, big, NULL), -EACCES);
    /* A hash made with weaker limits matches and asks to be made again. */
    ck_assert_int_eq(crypto_pwhash_str(old, "correct horse battery", 21, crypto_pwhash_OPSLIMIT_MIN,
                                       crypto_pwhash_MEMLIMIT_MIN),
                     0);
    ck_assert_int_eq(password_verify(old, "correct horse battery", &rehash), 0);
    ck_assert(rehash);
}
END_TEST

START_TEST(test_email_and_csrf)
{
    char e[MEMBER_EMAIL_MAX + 1];
    ck_assert_int_eq(members_email_normalise("Ann.Lee@Example.COM", e), 0);
    ck_assert_str_eq(e, "ann.lee@example.com");
    const char *bad[] = {"",
                         "ann",
                         "@example.com",
                         "ann@",
                         "ann@example",
                         "ann@@example.com",
                         "a b@example.com",
                         "ann@example..com",
                         "ann@.com",
                         "<a>@example.com"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        ck_assert_msg(members_email_normalise(bad[i], e) == -EINVAL, "'%s' was taken", bad[i]);
    char longest[MEMBER_EMAIL_MAX + 2];
    memset(longest, 'a', sizeof(longest) - 1);
    longest[sizeof(longest) - 1] = '\0';
    memcpy(longest + MEMBER_EMAIL_MAX - 12, "@example.com", 12); /* 254 bytes: fits */
    longest[MEMBER_EMAIL_MAX] = '\0';
    ck_assert_int_eq(members_email_normalise(longest, e), 0);
    longest[MEMBER_EMAIL_MAX - 12] = 'a';
    memcpy(longest + MEMBER_EMAIL_MAX - 11, "@example.com", 13); /* 255 bytes */
    ck_assert_int_eq(members_email_normalise(longest, e), -EINVAL);

    char csrf[LOGIN_CSRF_MAX], other[LOGIN_CSRF_MAX];
    logins_csrf("js_one", csrf);
    logins_csrf("js_two", other);
    ck_assert_str_ne(csrf, other);
    ck_assert(logins_csrf_ok("js_one", csrf));
    ck_assert(!logins_csrf_ok("js_two", csrf));
    ck_assert(!logins_csrf_ok("js_one", NULL));
    ck_assert(!logins_csrf_ok("js_one", ""));
}
END_TEST

START_TEST(test_members_last_admin_sessions_links)
{
    struct team_row t;
    ck_assert_int_eq(teams_create(d, "unit-m-a", &t), 0);
    char hash[PASSWORD_HASH_MAX];
    ck_assert_int_eq(password_hash("correct horse battery", hash), 0);
    struct member_row ann, bob, again;
    ck_assert_int_eq(members_add(d, t.id, "ann@unit.example", "Ann", TEAM_ADMIN, hash, &ann), 0);
    ck_assert_int_eq(members_add(d, t.id, "ann@unit.example", "Ann", TEAM_READ_ONLY, NULL, &again),
                     -EEXIST);
    ck_assert_int_eq(members_add(d, t.id + 1000, "x@unit.example", "X", TEAM_ADMIN, NULL, &again),
                     -ENOENT);
    ck_assert_int_eq(members_add(d, t.id, "bob@unit.example", "Bob", TEAM_REVIEWER, NULL, &bob), 0);

    /* The only admin stays one. */
    struct member_change demote = {.role = TEAM_RECRUITER, .disabled = -1};
    struct member_change disable = {.disabled = 1};
    ck_assert_int_eq(members_update(d, t.id, ann.id, &demote, NULL), -EALREADY);
    ck_assert_int_eq(members_update(d, t.id, ann.id, &disable, NULL), -EALREADY);
    ck_assert_int_eq(members_remove(d, t.id, ann.id), -EALREADY);
    ck_assert_int_eq(members_update(d, t.id + 1000, bob.id, &demote, NULL), -ENOENT);

    /* A session, found by its token; a password change ends the others, not the one kept. */
    char tok1[LOGIN_TOKEN_MAX], tok2[LOGIN_TOKEN_MAX];
    struct principal who, found;
    int64_t ends;
    ck_assert_int_eq(logins_create(d, &ann, "127.0.0.1", tok1, &who, &ends), 0);
    ck_assert_int_eq(logins_create(d, &ann, "127.0.0.1", tok2, &who, &ends), 0);
    ck_assert_int_eq(logins_lookup(d, tok1, &found), 0);
    ck_assert_int_eq(found.role, ROLE_TEAM);
    ck_assert_int_eq(found.team_role, TEAM_ADMIN);
    ck_assert_int_eq(found.member_id, ann.id);
    ck_assert_int_eq(found.token_id, ann.token_id);
    struct member_change pw = {.disabled = -1, .password_hash = hash, .keep_login = who.login_id};
    ck_assert_int_eq(members_update(d, t.id, ann.id, &pw, NULL), 0);
    ck_assert_int_eq(logins_lookup(d, tok1, &found), -ENOENT);
    ck_assert_int_eq(logins_lookup(d, tok2, &found), 0);
    ck_assert_int_eq(logins_end(d, found.login_id), 0);
    ck_assert_int_eq(logins_lookup(d, tok2, &found), -ENOENT);

    /* A link: once; its member signs in. Removing the member ends its sessions. */
    char link[LOGIN_TOKEN_MAX];
    ck_assert_int_eq(login_links_create(d, t.id, bob.id, link, &ends, NULL), 0);
    ck_assert_int_eq(login_links_create(d, t.id + 1000, bob.id, link, &ends, NULL), -ENOENT);
    ck_assert_int_eq(login_links_redeem(d, link, &again), 0);
    ck_assert_int_eq(again.id, bob.id);
    ck_assert_int_eq(login_links_redeem(d, link, &again), -ENOENT);
    ck_assert_int_eq(logins_create(d, &bob, "", tok1, &who, &ends), 0);
    struct member_change promote = {.role = TEAM_ADMIN, .disabled = -1};
    ck_assert_int_eq(members_update(d, t.id, bob.id, &promote, &again), 0);
    ck_assert_int_eq(again.role, TEAM_ADMIN);
    ck_assert_int_eq(logins_lookup(d, tok1, &found), 0);
    ck_assert_int_eq(found.team_role, TEAM_ADMIN);        /* a role change counts at once */
    ck_assert_int_eq(members_remove(d, t.id, ann.id), 0); /* bob is an admin now */
    ck_assert_int_eq(members_remove(d, t.id, ann.id), -ENOENT);
    ck_assert_int_eq(members_remove(d, t.id, bob.id), -EALREADY);
    ck_assert_int_eq(members_update(d, t.id, bob.id, &disable, NULL), -EALREADY);

    struct member_row *list = NULL;
    size_t n = 0;
    ck_assert_int_eq(members_list(d, t.id, &list, &n), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(list[0].email, "bob@unit.example");
    free(list);
    /* The e-mail of a removed member is free again. */
    ck_assert_int_eq(members_add(d, t.id, "ann@unit.example", "Ann", TEAM_READ_ONLY, NULL, &again),
                     0);
    char got[PASSWORD_HASH_MAX];
    ck_assert_int_eq(members_for_login(d, "ann@unit.example", &again, got), 0);
    ck_assert_str_eq(got, "");
    /* Members' principals are no keys. */
    struct team_key_row *keys = NULL;
    ck_assert_int_eq(team_keys_list(d, t.id, &keys, &n), 0);
    ck_assert_uint_eq(n, 0);
    free(keys);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("members");
    TCase *tc = tcase_create("members");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_password_rules);
    tcase_add_test(tc, test_password_hash_verify);
    tcase_add_test(tc, test_email_and_csrf);
    tcase_add_test(tc, test_members_last_admin_sessions_links);
    suite_add_tcase(s, tc);
    return helper_run(s);
}
