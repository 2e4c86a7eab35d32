/* Deterministic generator for the large grade-filter tests (see README.md for the commands).
 *   gen n matchPercent seed
 * With probability matchPercent % a row gets colour green or red and a grade in [88, 100]
 * (so 90 and 91 are frequent); otherwise the colour comes from a list that includes look-alikes
 * such as greenish and darkred, and the grade is uniform in [0, 100].
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

static const char *NAMES[] = {"Tim", "Sam", "Dan", "Nathan", "Shane", "Ana", "Bo", "Cy", "Maya", "Li"};
static const char *COLORS[] = {"green", "red", "blue", "yellow", "greenish", "darkred", "redwood",
                               "purple", "gre", "re", "orange", "greens"};

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: gen n matchPercent seed\n"); return 1; }
    int n = atoi(argv[1]), match = atoi(argv[2]);
    state = strtoull(argv[3], NULL, 10);
    printf("%d\n", n);
    for (int i = 0; i < n; i++) {
        const char *color;
        int grade;
        if (range(0, 99) < match) {
            color = COLORS[range(0, 1)];
            grade = (int)range(88, 100);
        } else {
            color = COLORS[range(0, 11)];
            grade = (int)range(0, 100);
        }
        printf("%s%d %d %s %d\n", NAMES[range(0, 9)], (int)range(0, 9999), (int)range(5, 100), color,
               grade);
    }
    return 0;
}
