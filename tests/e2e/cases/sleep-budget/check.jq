# 17 tests of 0.2 s (16 samples, whose messages the result shows, and 1 hidden): a sleeper is stopped at the wall limit on the first ones until the
# submission's budget (9/8 of 3.4 s + 1 s) is spent; the rest are TLE without running.
(.tests | length) == 17 and ([.tests[] | .verdict] | all(. == "TLE"))
and (.tests[0].message | test("^wall time"))
and (.tests[15].message | test("^not run: the submission used its judging time budget"))
and ([.tests[] | select(.message // "" | test("^not run"))] | length) >= 2
