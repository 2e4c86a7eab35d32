import sys
from solution import missing
d = sys.stdin.read().split()
n = int(d[0])
print(missing(list(map(int, d[1:1+n])), list(map(int, d[1+n:]))))
