import sys

data = sys.stdin.read().split()
n = int(data[0])
odd = sum(int(x) % 2 for x in data[1 : n + 1])
even = n - odd
print(even * (even - 1) // 2 + odd * (odd - 1) // 2)
