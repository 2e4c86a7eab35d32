/* Mistake: the heap pops the highest level first (comparisons written for a max-heap), so cells
 * are flooded from the tallest wall instead of the lowest one, and water is counted above walls it
 * would spill over. */
#include <stdio.h>
#include <stdlib.h>

struct entry {
    long long level;
    int cell;
};

static struct entry *heap;
static int heap_len;

static void heap_push(long long level, int cell)
{
    int i = heap_len++;

    while (i > 0 && heap[(i - 1) / 2].level < level) {
        heap[i] = heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    heap[i].level = level;
    heap[i].cell = cell;
}

static struct entry heap_pop(void)
{
    struct entry top = heap[0], last = heap[--heap_len];
    int i = 0;

    for (;;) {
        int c = 2 * i + 1;

        if (c >= heap_len)
            break;
        if (c + 1 < heap_len && heap[c + 1].level > heap[c].level)
            c++;
        if (heap[c].level <= last.level)
            break;
        heap[i] = heap[c];
        i = c;
    }
    heap[i] = last;
    return top;
}

int main(void)
{
    int m, n;
    long long *h;
    char *seen;
    long long water = 0;
    static const int dr[4] = {-1, 1, 0, 0}, dc[4] = {0, 0, -1, 1};

    if (scanf("%d %d", &m, &n) != 2)
        return 1;
    h = malloc(sizeof *h * (size_t)m * (size_t)n);
    seen = calloc((size_t)m * (size_t)n, 1);
    heap = malloc(sizeof *heap * (size_t)m * (size_t)n);
    if (!h || !seen || !heap)
        return 1;
    for (int i = 0; i < m * n; i++)
        if (scanf("%lld", &h[i]) != 1)
            return 1;
    for (int r = 0; r < m; r++) {
        for (int c = 0; c < n; c++) {
            if (r == 0 || r == m - 1 || c == 0 || c == n - 1) {
                seen[r * n + c] = 1;
                heap_push(h[r * n + c], r * n + c);
            }
        }
    }
    while (heap_len > 0) {
        struct entry e = heap_pop();
        int r = e.cell / n, c = e.cell % n;

        for (int d = 0; d < 4; d++) {
            int nr = r + dr[d], nc = c + dc[d], k;

            if (nr < 0 || nr >= m || nc < 0 || nc >= n || seen[nr * n + nc])
                continue;
            k = nr * n + nc;
            seen[k] = 1;
            if (h[k] < e.level) {
                water += e.level - h[k];
                heap_push(e.level, k);
            } else {
                heap_push(h[k], k);
            }
        }
    }
    printf("%lld\n", water);
    free(h);
    free(seen);
    free(heap);
    return 0;
}
