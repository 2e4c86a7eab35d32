-- 009: rate-limit buckets shared by the judged nodes of one store (schema/009_rate_buckets.sql).
-- UNLOGGED: a bucket is not worth a WAL write and a disk flush per request, and losing them in a
-- crash only lets clients through at full burst once.
CREATE UNLOGGED TABLE rate_buckets (
    key    TEXT PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    at_ms  BIGINT NOT NULL,
    took   BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX rate_buckets_idle ON rate_buckets(at_ms);
