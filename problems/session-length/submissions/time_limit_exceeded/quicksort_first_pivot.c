/* Too slow on a log that is already in order: the accepted approach (timestamps to seconds, sort
 * by (user, time), one sweep), but sorted with a hand-written quicksort that takes the first event
 * as the pivot: O(n log n) on shuffled rows, O(n^2) when the rows arrive sorted. */
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

static int cmp(const void *a, const void *b) {
    const Event *x = a, *y = b;
    if (x->user != y->user) return x->user < y->user ? -1 : 1;
    return (x->t > y->t) - (x->t < y->t);
}

static void quicksort(Event *a, int lo, int hi) {
    while (lo < hi) {
        int store = lo;
        for (int i = lo + 1; i <= hi; i++)
            if (cmp(&a[i], &a[lo]) < 0) {
                store++;
                Event t = a[i]; a[i] = a[store]; a[store] = t;
            }
        Event t = a[lo]; a[lo] = a[store]; a[store] = t;
        quicksort(a, lo, store - 1); /* the left part; loop on the right part */
        lo = store + 1;
    }
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
    quicksort(e, 0, n - 1);
    for (int i = 0; i < n;) {
        int j = i;
        long long sessions = 1, total = 0;
        while (j + 1 < n && e[j + 1].user == e[i].user) {
            long long gap = e[j + 1].t - e[j].t;
            if (gap > T) sessions++;
            else total += gap;
            j++;
        }
        printf("%d %lld %lld\n", e[i].user, sessions, total);
        i = j + 1;
    }
    free(e);
    return 0;
}
