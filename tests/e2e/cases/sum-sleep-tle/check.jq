.tests[0].name == "sample/1" and .tests[0].verdict == "TLE" and .tests[0].time_ms < 500
and (.tests[0].message | test("^wall time .* exceeded 1300 ms$"))
and ([.tests[] | .verdict] | all(. == "TLE"))
