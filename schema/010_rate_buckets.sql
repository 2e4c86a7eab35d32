-- 009: rate-limit buckets (--anon-rate, --token-rate, --read-rate) shared by the judged nodes of
-- one store. A node on SQLite is alone and keeps its buckets in memory (server/http/ratelimit.c);
-- the table is here too so that both stores have one schema. tokens: what the bucket held at
-- at_ms; took: whether the last request took one (1) or was refused (0).
CREATE TABLE rate_buckets (
    key    TEXT PRIMARY KEY,
    tokens REAL NOT NULL,
    at_ms  INTEGER NOT NULL,
    took   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rate_buckets_idle ON rate_buckets(at_ms);
