-- A test's wall time beside its CPU time (schema/008_wall_time.sql).
ALTER TABLE submission_tests ADD COLUMN wall_ms BIGINT NOT NULL DEFAULT 0;
