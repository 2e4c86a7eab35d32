-- 003: leases of submissions claimed by remote workers (`judged worker`), and when a worker
-- token was last used. A claimed submission with a lease_id is a remote worker's; without one, a
-- local worker thread's. The lease is current while status = 'compiling' and lease_id matches:
-- heartbeats move lease_expires_at on, the sweep puts expired ones back in the queue.

ALTER TABLE submissions ADD COLUMN lease_id TEXT;
ALTER TABLE submissions ADD COLUMN lease_expires_at INTEGER;
-- The worker token that holds the lease; kept after the result, to say which worker judged it.
ALTER TABLE submissions ADD COLUMN worker_token_id INTEGER REFERENCES tokens(id) ON DELETE SET NULL;
CREATE UNIQUE INDEX submissions_lease ON submissions(lease_id) WHERE lease_id IS NOT NULL;
CREATE INDEX submissions_lease_expiry ON submissions(lease_expires_at) WHERE lease_id IS NOT NULL;

ALTER TABLE tokens ADD COLUMN last_seen_at INTEGER;
