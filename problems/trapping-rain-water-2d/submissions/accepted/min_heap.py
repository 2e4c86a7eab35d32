"""Flood from the outside in, lowest wall first: every boundary cell starts in a min-heap keyed by
its water level (its height). Popping the lowest level L, each unvisited neighbour holds
max(0, L - h) water and enters with level max(L, h). A heap entry is one integer,
level * 2^bits + cell, so the heap compares plain integers instead of tuples."""
import sys
from heapq import heapify, heappop, heappush


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    m, n = data[0], data[1]
    h = data[2:2 + m * n]
    bits = (m * n).bit_length()
    mask = (1 << bits) - 1
    seen = bytearray(m * n)
    heap = []
    for r in range(m):
        for c in range(n):
            if r == 0 or r == m - 1 or c == 0 or c == n - 1:
                k = r * n + c
                seen[k] = 1
                heap.append(h[k] << bits | k)
    heapify(heap)
    water = 0
    while heap:
        e = heappop(heap)
        level, k = e >> bits, e & mask
        r, c = divmod(k, n)
        for nk, ok in ((k - n, r > 0), (k + n, r < m - 1), (k - 1, c > 0), (k + 1, c < n - 1)):
            if ok and not seen[nk]:
                seen[nk] = 1
                hk = h[nk]
                if hk < level:
                    water += level - hk
                    heappush(heap, level << bits | nk)
                else:
                    heappush(heap, hk << bits | nk)
    sys.stdout.write("%d\n" % water)


main()
