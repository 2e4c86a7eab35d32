#!/usr/bin/env python3
"""Test 22: every rainy value is one whose double, times 100, falls just below the integer
(0.29 * 100 == 28.999999999999996), so a solution that truncates (int)(x * 100) is off by a
hundredth at the median. 1001 rainy days (odd) and 200 dry ones, shuffled; deterministic.
Usage: python3 generators/parse_trap.py > data/secret/22-float-parse-trap.in"""
import random

r = random.Random(4005)
bad = [v for v in range(1, 10001) if int((v / 100) * 100) != v]
vals = [r.choice(bad) for _ in range(1001)] + [0] * 200
r.shuffle(vals)
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
print(len(vals))
for i, v in enumerate(vals):
    print(f"{days[i % 7]} {v // 100}.{v % 100:02d}")
