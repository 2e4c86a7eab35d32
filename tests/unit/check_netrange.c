/* netrange: the special-purpose ranges webhooks may not reach, address by address. */
#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "netrange.h"

/* `text` as a socket address (IPv4 or IPv6); the test fails on a typo. */
static struct sockaddr_storage addr(const char *text)
{
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof(ss));
    struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, text, &v4->sin_addr) == 1)
        v4->sin_family = AF_INET;
    else if (inet_pton(AF_INET6, text, &v6->sin6_addr) == 1)
        v6->sin6_family = AF_INET6;
    else
        ck_abort_msg("'%s' is not an address", text);
    return ss;
}

static const char *special(const char *text)
{
    struct sockaddr_storage ss = addr(text);
    return netrange_special((const struct sockaddr *)&ss);
}

/* Every one of these is refused; the name of its range contains the second string. */
static const char *const refused[][2] = {
    {"0.0.0.0", "this network"},
    {"0.255.255.255", "this network"},
    {"10.0.0.1", "private"},
    {"10.255.255.255", "private"},
    {"100.64.0.1", "shared"},
    {"100.127.255.254", "shared"},
    {"127.0.0.1", "loopback"},
    {"127.255.255.254", "loopback"},
    {"169.254.169.254", "link-local"}, /* cloud metadata */
    {"172.16.0.1", "private"},
    {"172.31.255.255", "private"},
    {"192.0.0.8", "IETF"},
    {"192.0.2.1", "documentation"},
    {"192.88.99.1", "6to4 relay"},
    {"192.168.1.1", "private"},
    {"198.18.0.1", "benchmarking"},
    {"198.19.255.255", "benchmarking"},
    {"198.51.100.7", "documentation"},
    {"203.0.113.9", "documentation"},
    {"224.0.0.1", "multicast"},
    {"239.255.255.250", "multicast"},
    {"240.0.0.1", "reserved"},
    {"254.1.2.3", "reserved"},
    {"255.255.255.255", "broadcast"},
    {"::", "unspecified"},
    {"::1", "loopback"},
    {"::ffff:127.0.0.1", "loopback"},
    {"::ffff:10.1.2.3", "private"},
    {"::ffff:192.0.2.1", "documentation"},
    {"::ffff:169.254.169.254", "link-local"},
    {"::127.0.0.1", "reserved"}, /* IPv4-compatible, deprecated */
    {"64:ff9b::7f00:1", "translation"},
    {"64:ff9b::808:808", "translation"},
    {"64:ff9b:1::1", "translation"},
    {"100::1", "discard"},
    {"2001::1", "IETF"},          /* Teredo */
    {"2001:1ff:ffff::1", "IETF"}, /* the end of 2001::/23 */
    {"2001:20::1", "IETF"},       /* ORCHIDv2 */
    {"2001:db8::1", "documentation"},
    {"2001:db8:ffff::1", "documentation"},
    {"2002:7f00:1::1", "loopback"},     /* 6to4 of 127.0.0.1 */
    {"2002:c0a8:101::1", "private"},    /* 6to4 of 192.168.1.1 */
    {"2002:a9fe:a9fe::", "link-local"}, /* 6to4 of 169.254.169.254 */
    {"3fff::1", "documentation"},
    {"5f00::1", "segment routing"},
    {"fc00::1", "unique local"},
    {"fd12:3456::1", "unique local"},
    {"fe80::1", "link-local"},
    {"febf:ffff::1", "link-local"},
    {"fec0::1", "site-local"},
    {"ff02::1", "multicast"},
    {"ff0e::1", "multicast"},
    {"4000::1", "reserved"},
    {"e000::1", "reserved"},
};

/* Global unicast: allowed, including the neighbours of refused ranges. */
static const char *const allowed[] = {
    "1.1.1.1",          "8.8.8.8",       "9.255.255.255",        "11.0.0.0",
    "100.63.255.255",   "100.128.0.0",   "126.255.255.255",      "128.0.0.1",
    "169.253.255.255",  "169.255.0.0",   "172.15.255.255",       "172.32.0.0",
    "192.0.1.255",      "192.0.3.0",     "192.88.98.255",        "192.88.100.0",
    "192.167.255.255",  "192.169.0.0",   "198.17.255.255",       "198.20.0.0",
    "198.51.99.255",    "198.51.101.0",  "203.0.112.255",        "203.0.114.0",
    "223.255.255.255",  "93.184.216.34", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e",
    "2001:200::1",                                          /* just past 2001::/23 */
    "2001:db7:ffff::1", "2001:db9::1",   "2002:808:808::1", /* 6to4 of 8.8.8.8 */
    "::ffff:8.8.8.8",   "2400:cb00::1",  "3ffe:ffff::1",         "3fff:1000::1",
};

START_TEST(test_refused)
{
    const char *why = special(refused[_i][0]);
    ck_assert_msg(why, "%s passed", refused[_i][0]);
    ck_assert_msg(strstr(why, refused[_i][1]), "%s: '%s', not '%s'", refused[_i][0], why,
                  refused[_i][1]);
}
END_TEST

START_TEST(test_allowed)
{
    const char *why = special(allowed[_i]);
    ck_assert_msg(!why, "%s refused as %s", allowed[_i], why ? why : "");
}
END_TEST

START_TEST(test_not_ip)
{
    struct sockaddr sa = {.sa_family = AF_UNIX};
    ck_assert_str_eq(netrange_special(&sa), "not an IP address");
}
END_TEST

START_TEST(test_same_address)
{
    struct sockaddr_storage a = addr("192.0.2.7"), b = addr("::ffff:192.0.2.7"),
                            c = addr("192.0.2.8"), d = addr("2001:db8::1"), e = addr("2001:db8::1");
    ck_assert(netrange_same_address((struct sockaddr *)&a, (struct sockaddr *)&b));
    ck_assert(!netrange_same_address((struct sockaddr *)&a, (struct sockaddr *)&c));
    ck_assert(netrange_same_address((struct sockaddr *)&d, (struct sockaddr *)&e));
    ck_assert(!netrange_same_address((struct sockaddr *)&a, (struct sockaddr *)&d));
}
END_TEST

int main(void)
{
    Suite *su = suite_create("netrange");
    TCase *tc = tcase_create("ranges");
    tcase_add_loop_test(tc, test_refused, 0, (int)(sizeof(refused) / sizeof(refused[0])));
    tcase_add_loop_test(tc, test_allowed, 0, (int)(sizeof(allowed) / sizeof(allowed[0])));
    tcase_add_test(tc, test_not_ip);
    tcase_add_test(tc, test_same_address);
    suite_add_tcase(su, tc);
    SRunner *sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
