"""Sort by (squared distance, index). Dropping the farthest neighbour while the vote ties ends at
the largest j <= k whose j nearest have a single most frequent label, so one forward pass over the
k nearest, keeping the leading count and how many labels share it, finds that j and its label."""


def kNN(k, data, labels, newPoint):
    if len(newPoint) == 1:
        p = newPoint[0]
        dist = [(row[0] - p) * (row[0] - p) for row in data]
    else:
        dist = [sum((a - b) * (a - b) for a, b in zip(row, newPoint)) for row in data]
    order = sorted(range(len(data)), key=dist.__getitem__)  # stable: equal distances by index
    cnt = {}
    best = leaders = 0
    answer = None
    for i in order[:k]:
        lab = labels[i]
        c = cnt[lab] = cnt.get(lab, 0) + 1
        if c > best:
            best, leaders = c, 1
        elif c == best:
            leaders += 1
        if leaders == 1 and c == best:
            answer = lab
    return answer
