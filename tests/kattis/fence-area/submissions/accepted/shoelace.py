import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
pts = [(data[1 + 2 * i], data[2 + 2 * i]) for i in range(n)]
s = 0
for i in range(n):
    x1, y1 = pts[i]
    x2, y2 = pts[(i + 1) % n]
    s += x1 * y2 - x2 * y1
print(abs(s) / 2)
