/* netrange: the special-purpose address ranges, as one table per family. */
#include "netrange.h"

#include <netinet/in.h>
#include <stdint.h>
#include <string.h>

struct range {
    unsigned char prefix[16]; /* the range's first address, network byte order */
    unsigned bits;            /* prefix length */
    const char *name;
    int embedded_v4; /* >= 0: judged by the IPv4 address at this byte offset instead */
};

/* IANA IPv4 Special-Purpose Address Registry: every block not "globally reachable". */
static const struct range v4_ranges[] = {
    {{0, 0, 0, 0}, 8, "this network (0.0.0.0/8)", -1},
    {{10, 0, 0, 0}, 8, "private-use (10.0.0.0/8)", -1},
    {{100, 64, 0, 0}, 10, "shared address space (100.64.0.0/10)", -1},
    {{127, 0, 0, 0}, 8, "loopback (127.0.0.0/8)", -1},
    {{169, 254, 0, 0}, 16, "link-local (169.254.0.0/16)", -1},
    {{172, 16, 0, 0}, 12, "private-use (172.16.0.0/12)", -1},
    {{192, 0, 0, 0}, 24, "IETF protocol assignments (192.0.0.0/24)", -1},
    {{192, 0, 2, 0}, 24, "documentation (192.0.2.0/24)", -1},
    {{192, 88, 99, 0}, 24, "6to4 relay anycast (192.88.99.0/24)", -1},
    {{192, 168, 0, 0}, 16, "private-use (192.168.0.0/16)", -1},
    {{198, 18, 0, 0}, 15, "benchmarking (198.18.0.0/15)", -1},
    {{198, 51, 100, 0}, 24, "documentation (198.51.100.0/24)", -1},
    {{203, 0, 113, 0}, 24, "documentation (203.0.113.0/24)", -1},
    {{224, 0, 0, 0}, 4, "multicast (224.0.0.0/4)", -1},
    {{255, 255, 255, 255}, 32, "limited broadcast (255.255.255.255)", -1},
    {{240, 0, 0, 0}, 4, "reserved (240.0.0.0/4)", -1},
};

/* IANA IPv6 Special-Purpose Address Registry, and multicast and the deprecated site-local. */
static const struct range v6_ranges[] = {
    {{0}, 128, "unspecified (::)", -1},
    {{[15] = 1}, 128, "loopback (::1)", -1},
    /* A mapped address reaches the IPv4 address inside it. */
    {{[10] = 0xff, [11] = 0xff}, 96, "IPv4-mapped", 12},
    /* A NAT64 translator may reach any IPv4 address, private ones included. */
    {{0, 0x64, 0xff, 0x9b}, 96, "IPv4/IPv6 translation (64:ff9b::/96)", -1},
    {{0, 0x64, 0xff, 0x9b, 0, 1}, 48, "local-use IPv4/IPv6 translation (64:ff9b:1::/48)", -1},
    {{0x01, 0x00}, 64, "discard-only (100::/64)", -1},
    /* Teredo, ORCHIDv2, AMT and the rest: refused as a block, they tunnel or are not hosts. */
    {{0x20, 0x01, 0x0d, 0xb8}, 32, "documentation (2001:db8::/32)", -1},
    {{0x20, 0x01}, 23, "IETF protocol assignments (2001::/23)", -1},
    /* 6to4 reaches the IPv4 address in bits 16-47. */
    {{0x20, 0x02}, 16, "6to4", 2},
    {{0x3f, 0xff}, 20, "documentation (3fff::/20)", -1},
    {{0x5f, 0x00}, 16, "segment routing (5f00::/16)", -1},
    {{0xfc}, 7, "unique local (fc00::/7)", -1},
    {{0xfe, 0x80}, 10, "link-local (fe80::/10)", -1},
    {{0xfe, 0xc0}, 10, "site-local (fec0::/10)", -1},
    {{0xff}, 8, "multicast (ff00::/8)", -1},
};

static bool in_range(const unsigned char *a, const struct range *r)
{
    unsigned full = r->bits / 8, rest = r->bits % 8;
    if (memcmp(a, r->prefix, full))
        return false;
    if (!rest)
        return true;
    unsigned char mask = (unsigned char)(0xff << (8 - rest));
    return (a[full] & mask) == (r->prefix[full] & mask);
}

static const char *v4_special(const unsigned char a[4])
{
    for (size_t i = 0; i < sizeof(v4_ranges) / sizeof(v4_ranges[0]); i++)
        if (in_range(a, &v4_ranges[i]))
            return v4_ranges[i].name;
    return NULL;
}

const char *netrange_special(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET)
        return v4_special((const unsigned char *)&((const struct sockaddr_in *)sa)->sin_addr);
    if (sa->sa_family != AF_INET6)
        return "not an IP address";
    const unsigned char *a = ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr;
    for (size_t i = 0; i < sizeof(v6_ranges) / sizeof(v6_ranges[0]); i++) {
        const struct range *r = &v6_ranges[i];
        if (!in_range(a, r))
            continue;
        if (r->embedded_v4 < 0)
            return r->name;
        return v4_special(a + r->embedded_v4);
    }
    /* Global unicast is allocated from 2000::/3 only; the rest is reserved. */
    if ((a[0] & 0xe0) != 0x20)
        return "reserved (outside 2000::/3)";
    return NULL;
}

/* The address as 16 bytes, IPv4 as IPv4-mapped; false for other families. */
static bool as_v6(const struct sockaddr *sa, unsigned char out[16])
{
    if (sa->sa_family == AF_INET6) {
        memcpy(out, ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr, 16);
        return true;
    }
    if (sa->sa_family != AF_INET)
        return false;
    memset(out, 0, 10);
    out[10] = out[11] = 0xff;
    memcpy(out + 12, &((const struct sockaddr_in *)sa)->sin_addr, 4);
    return true;
}

bool netrange_same_address(const struct sockaddr *a, const struct sockaddr *b)
{
    unsigned char x[16], y[16];
    return as_v6(a, x) && as_v6(b, y) && !memcmp(x, y, 16);
}
