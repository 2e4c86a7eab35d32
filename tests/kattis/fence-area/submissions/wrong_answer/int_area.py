# Halves in integers: 0 instead of 0.5.
import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
s = 0
for i in range(n):
    j = (i + 1) % n
    s += data[1 + 2 * i] * data[2 + 2 * j] - data[1 + 2 * j] * data[2 + 2 * i]
print(abs(s) // 2)
