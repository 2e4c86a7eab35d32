#!/usr/bin/env python3
"""Test 19: one feature, lr just below the stability limit 2 / mean(x^2), so the weight still
oscillates after 100000 epochs and the answer is the sum of 100000 large alternating steps.
Rounding a step, a weight or a partial sum to float moves the result far beyond 1e-6.
Deterministic (seeded). Usage: generators/oscillate.py > data/secret/19-oscillating-float-trap.in"""
import random

r = random.Random(2001)
m = 500
xs = [r.choice([1, -1]) * r.randint(500, 1000) / 1000 for _ in range(m)]
lam = sum(x * x for x in xs) / m
lr = int(1.99999 / lam * 1e6) / 1e6
assert lr * lam < 2
ys = [round(r.uniform(-1e5, 1e5) + 800000 * x, 3) for x in xs]
print(f"{m} 1 100000 {lr}")
for x, y in zip(xs, ys):
    print(f"{x} {y}")
