-- A test's wall time beside its CPU time (time_ms, what decides TLE): real time from start to
-- exit, waits for a CPU included. Rows judged before this have 0.
ALTER TABLE submission_tests ADD COLUMN wall_ms INTEGER NOT NULL DEFAULT 0;
