"""Lloyd's algorithm with Hamerly's bounds, giving exactly Lloyd's assignments.

Pure Python cannot afford n * k * d operations per iteration, so most points are skipped: each
point keeps an upper bound on its distance to its own centroid and a lower bound on its distance
to every other one. When centroids move, the bounds move by at most the distance moved (triangle
inequality); a point whose upper bound stays clearly below its lower bound keeps its centroid
without any distance computed; one whose bounds overlap first gets its exact distance to its own
centroid as the upper bound, and only if they still overlap is it compared with every centroid. The rest are recomputed exactly like the C reference (sum of
diff * diff in coordinate order, the first strict minimum wins), so ties resolve alike; the
relative margin MARGIN covers the rounding of the square roots behind the bounds. Distances are
computed a centroid at a time over coordinate columns (list comprehensions, no call per point).
Cluster sums are exact integers kept up to date from the points that changed cluster.
"""
from math import inf, sqrt

MARGIN = 1e-9


def nearest(cols, cen):
    """For the points given by coordinate columns: the nearest centroid (first strict minimum of
    the squared distance), that squared distance and the second smallest one."""
    n = len(cols[0]) if cols else 0
    best = [0] * n
    best_d = second_d = None
    for j, cj in enumerate(cen):
        dist = [0.0] * n
        for col, cc in zip(cols, cj):
            dist = [s + (x - cc) * (x - cc) for s, x in zip(dist, col)]
        if j == 0:
            best_d, second_d = dist, [inf] * n
        else:
            best = [j if dj < bd else b for dj, bd, b in zip(dist, best_d, best)]
            second_d = list(map(min, second_d, map(max, best_d, dist)))
            best_d = list(map(min, best_d, dist))
    return best, best_d, second_d


def kMeans(points, k, initialCentroids, maxIter):
    n = len(points)
    if n == 0 or maxIter <= 0:
        return [0] * n
    d = len(points[0])
    cols = [[p[c] for p in points] for c in range(d)]
    cen = [[float(v) for v in c] for c in initialCentroids]
    assign, best_d, second_d = nearest(cols, cen)
    upper = list(map(sqrt, best_d))
    lower = list(map(sqrt, second_d))
    count = [0] * k
    sums = [[0] * d for _ in range(k)]
    for i, a in enumerate(assign):
        count[a] += 1
        s = sums[a]
        for c in range(d):
            s[c] += cols[c][i]
    for _ in range(1, maxIter):
        # new centroids from the sums, and how far each moved
        moved = [0.0] * k
        for j in range(k):
            if count[j]:
                new = [s / count[j] for s in sums[j]]
                moved[j] = sqrt(sum((a - b) * (a - b) for a, b in zip(new, cen[j])))
                cen[j] = new
        order = sorted(range(k), key=moved.__getitem__)
        most, runner_up = moved[order[-1]], (moved[order[-2]] if k > 1 else 0.0)
        # the lower bound falls by the largest move among the other centroids
        fall = [most] * k
        fall[order[-1]] = runner_up
        upper = [u + moved[a] for u, a in zip(upper, assign)]
        lower = [lo - fall[a] for lo, a in zip(lower, assign)]
        todo = [i for i, u, lo in zip(range(n), upper, lower) if u * (1 + MARGIN) >= lo * (1 - MARGIN)]
        if todo:
            # tighten the upper bound to the exact distance to the own centroid, then test again
            own = [0.0] * len(todo)
            for c in range(d):
                col, cc = cols[c], [cen[j][c] for j in range(k)]
                own = [s + (col[i] - cc[assign[i]]) * (col[i] - cc[assign[i]]) for s, i in zip(own, todo)]
            for i, x in zip(todo, own):
                upper[i] = sqrt(x)
            todo = [i for i in todo if upper[i] * (1 + MARGIN) >= lower[i] * (1 - MARGIN)]
        if not todo:
            break
        sub = [[col[i] for i in todo] for col in cols]
        best, bd, sd = nearest(sub, cen)
        changed = False
        for i, b, x, y in zip(todo, best, bd, sd):
            upper[i] = sqrt(x)
            lower[i] = sqrt(y)
            a = assign[i]
            if b != a:
                changed = True
                assign[i] = b
                count[a] -= 1
                count[b] += 1
                sa, sb = sums[a], sums[b]
                for c in range(d):
                    v = cols[c][i]
                    sa[c] -= v
                    sb[c] += v
        if not changed:
            break
    return assign
