/*
 * netrange: which IP addresses are global unicast destinations, after the IANA IPv4 and IPv6
 * Special-Purpose Address Registries. What the judge may call out to on a team's behalf
 * (webhooks) without reaching into its own networks. Pure functions over a constant table:
 * thread-safe.
 */
#ifndef SERVER_NETRANGE_H
#define SERVER_NETRANGE_H

#include <stdbool.h>
#include <sys/socket.h>

/*
 * The name of the special-purpose range `sa` (AF_INET or AF_INET6) is in ("loopback",
 * "private-use", ...), or NULL when it is a global unicast address. An IPv6 address that embeds an
 * IPv4 one (IPv4-mapped, 6to4) is judged by the IPv4 address inside; any other family is
 * "not an IP address".
 */
const char *netrange_special(const struct sockaddr *sa);

/* Whether `a` and `b` are the same IP address (an IPv4-mapped IPv6 one equals its IPv4). */
bool netrange_same_address(const struct sockaddr *a, const struct sockaddr *b);

#endif
