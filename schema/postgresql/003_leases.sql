-- 003: leases of submissions claimed by remote workers (`judged worker`), and when a worker
-- token was last used. PostgreSQL's form of schema/003_leases.sql, which says what they mean.

ALTER TABLE submissions ADD COLUMN lease_id TEXT;
ALTER TABLE submissions ADD COLUMN lease_expires_at BIGINT;
ALTER TABLE submissions ADD COLUMN worker_token_id BIGINT REFERENCES tokens(id) ON DELETE SET NULL;
CREATE UNIQUE INDEX submissions_lease ON submissions(lease_id) WHERE lease_id IS NOT NULL;
CREATE INDEX submissions_lease_expiry ON submissions(lease_expires_at) WHERE lease_id IS NOT NULL;

ALTER TABLE tokens ADD COLUMN last_seen_at BIGINT;
