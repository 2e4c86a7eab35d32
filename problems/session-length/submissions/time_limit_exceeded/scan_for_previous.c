/* Too slow: for every transaction finds the previous transaction of the same user by scanning
 * the whole log, O(n^2). Correct otherwise. */
#include <stdio.h>
#include <stdlib.h>

typedef struct { int user; long long t; } Event;

static int isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static const int daysBeforeMonth[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
static long long yearStartDay[202]; /* days from 1900-01-01 to January 1st of 1900 + k */

static long long toSeconds(int y, int mo, int d, int h, int mi, int s) {
    long long day = yearStartDay[y - 1900] + daysBeforeMonth[mo - 1] + (mo > 2 && isLeap(y)) + (d - 1);
    return ((day * 24 + h) * 60 + mi) * 60 + s;
}

int main(void) {
    for (int k = 1; k < 202; k++) yearStartDay[k] = yearStartDay[k - 1] + (isLeap(1899 + k) ? 366 : 365);
    int n;
    long long T;
    if (scanf("%d %lld", &n, &T) != 2) return 1;
    Event *e = malloc(sizeof(Event) * (size_t)n);
    for (int i = 0; i < n; i++) {
        int y, mo, d, h, mi, s;
        if (scanf("%d %d-%d-%d %d:%d:%d", &e[i].user, &y, &mo, &d, &h, &mi, &s) != 7) return 1;
        e[i].t = toSeconds(y, mo, d, h, mi, s);
    }
    long long *sessions = calloc(1000001, sizeof(long long));
    long long *total = calloc(1000001, sizeof(long long));
    char *seen = calloc(1000001, 1);
    for (int i = 0; i < n; i++) {
        int prev = -1; /* the latest (time, index) before (e[i].t, i) among the same user's rows */
        for (int j = 0; j < n; j++) {
            if (e[j].user != e[i].user || j == i) continue;
            if (e[j].t > e[i].t || (e[j].t == e[i].t && j > i)) continue;
            if (prev < 0 || e[j].t > e[prev].t || (e[j].t == e[prev].t && j > prev)) prev = j;
        }
        int u = e[i].user;
        seen[u] = 1;
        if (prev < 0 || e[i].t - e[prev].t > T) sessions[u]++;
        else total[u] += e[i].t - e[prev].t;
    }
    for (int u = 1; u <= 1000000; u++)
        if (seen[u]) printf("%d %lld %lld\n", u, sessions[u], total[u]);
    free(sessions); free(total); free(seen);
    free(e);
    return 0;
}
