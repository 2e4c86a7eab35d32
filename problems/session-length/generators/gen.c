/* Deterministic generator for the large session-length tests (see README.md for the commands).
 *   gen n users T loYear hiYear bigGap seed
 * Picks `users` distinct ids in [1, 10^6]. Every user starts at a random second of
 * [loYear-01-01, hiYear-01-01); each further transaction of a user comes after a gap that is
 * uniform in [0, T + 1] with probability 3/4 (so gaps of exactly T and T + 1 occur) and uniform
 * in [0, bigGap] otherwise, clamped to 2100-12-31 23:59:59. The rows are printed in random order.
 */
#include <stdio.h>
#include <stdlib.h>

static unsigned long long state;

static unsigned long long next64(void) { /* splitmix64 */
    unsigned long long z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static long long range(long long lo, long long hi) { /* uniform in [lo, hi] */
    return lo + (long long)(next64() % (unsigned long long)(hi - lo + 1));
}

static int isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static long long yearStart(int y) { /* seconds from 1900-01-01 to y-01-01 */
    long long days = 0;
    for (int k = 1900; k < y; k++) days += isLeap(k) ? 366 : 365;
    return days * 86400;
}

static void printTime(long long t) {
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 1900;
    while (t >= (isLeap(y) ? 366LL : 365LL) * 86400) { t -= (isLeap(y) ? 366LL : 365LL) * 86400; y++; }
    long long day = t / 86400, sec = t % 86400;
    int mo = 0;
    while (day >= mdays[mo] + (mo == 1 && isLeap(y))) { day -= mdays[mo] + (mo == 1 && isLeap(y)); mo++; }
    printf("%04d-%02d-%02lld %02lld:%02lld:%02lld", y, mo + 1, day + 1, sec / 3600, sec / 60 % 60, sec % 60);
}

typedef struct { int user; long long t; } Row;

int main(int argc, char **argv) {
    if (argc != 8) { fprintf(stderr, "usage: gen n users T loYear hiYear bigGap seed\n"); return 1; }
    int n = atoi(argv[1]), users = atoi(argv[2]);
    long long T = atoll(argv[3]);
    int loYear = atoi(argv[4]), hiYear = atoi(argv[5]);
    long long bigGap = atoll(argv[6]);
    state = strtoull(argv[7], NULL, 10);
    long long maxT = yearStart(2101) - 1;
    char *used = calloc(1000001, 1);
    int *id = malloc(sizeof(int) * (size_t)users);
    long long *last = malloc(sizeof(long long) * (size_t)users);
    for (int i = 0; i < users; i++) {
        int u;
        do u = (int)range(1, 1000000); while (used[u]);
        used[u] = 1;
        id[i] = u;
        last[i] = -1;
    }
    long long lo = yearStart(loYear), hi = yearStart(hiYear) - 1;
    Row *rows = malloc(sizeof(Row) * (size_t)n);
    for (int i = 0; i < n; i++) {
        int k = i < users ? i : (int)range(0, users - 1);
        long long t;
        if (last[k] < 0) t = range(lo, hi);
        else t = last[k] + (range(0, 3) ? range(0, T + 1) : range(0, bigGap));
        if (t > maxT) t = maxT;
        last[k] = t;
        rows[i].user = id[k];
        rows[i].t = t;
    }
    for (int i = n - 1; i > 0; i--) { /* shuffle */
        int j = (int)range(0, i);
        Row tmp = rows[i]; rows[i] = rows[j]; rows[j] = tmp;
    }
    printf("%d %lld\n", n, T);
    for (int i = 0; i < n; i++) {
        printf("%d ", rows[i].user);
        printTime(rows[i].t);
        putchar('\n');
    }
    free(used); free(id); free(last); free(rows);
    return 0;
}
