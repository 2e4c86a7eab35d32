"""Input validator of pair-sums in Python, as BAPCtools packages often have: exit 42 when valid."""
import re
import sys

text = sys.stdin.read()
m = re.fullmatch(r"([1-9][0-9]*)\n(-?[0-9]+(?: -?[0-9]+)*)\n", text)
ok = False
if m:
    n = int(m.group(1))
    values = [int(v) for v in m.group(2).split()]
    ok = 1 <= n <= 200000 and len(values) == n and all(abs(v) <= 10**9 for v in values)
sys.exit(42 if ok else 43)
