"""Random case of pair-sums: gen.py N SEED."""
import random
import sys

n, seed = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
print(n)
print(" ".join(str(rng.randint(-10**9, 10**9)) for _ in range(n)))
