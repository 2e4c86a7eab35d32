"""random.py N SEED: N random numbers of absolute value at most 10^9."""
import random
import sys

n, seed = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
print(n)
print(" ".join(str(rng.randint(-10**9, 10**9)) for _ in range(n)))
