"""Every timestamp to seconds (day ordinal * 86400 + time of day), sort by (user, time), then one
sweep per user: a gap above T starts a new session, a gap up to T adds to the total."""
import sys
from datetime import date


def main():
    data = sys.stdin.buffer.read().decode("latin-1").split()
    n, T = int(data[0]), int(data[1])
    days = {}
    events = []
    for i in range(n):
        user, d, t = data[2 + 3 * i:5 + 3 * i]
        day = days.get(d)
        if day is None:
            day = days[d] = date.fromisoformat(d).toordinal() * 86400
        h, mi, s = t.split(":")
        events.append((int(user), day + int(h) * 3600 + int(mi) * 60 + int(s)))
    events.sort()
    out = []
    i = 0
    while i < n:
        user, prev = events[i]
        sessions, total = 1, 0
        j = i + 1
        while j < n and events[j][0] == user:
            gap = events[j][1] - prev
            if gap > T:
                sessions += 1
            else:
                total += gap
            prev = events[j][1]
            j += 1
        out.append("%d %d %d\n" % (user, sessions, total))
        i = j
    sys.stdout.write("".join(out))


main()
