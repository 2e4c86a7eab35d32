-- 007: signed webhooks with a delivery log per team, the audit log, accommodations.

-- The team a delivery belongs to (0: the admin's assessments), its Standard Webhooks message id
-- (kept by retries and redeliveries: the receiver's idempotency key), its event, and what the
-- receiver answered last.
ALTER TABLE webhook_deliveries ADD COLUMN team_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhook_deliveries ADD COLUMN msg_id TEXT;
ALTER TABLE webhook_deliveries ADD COLUMN event TEXT;
ALTER TABLE webhook_deliveries ADD COLUMN response_code INTEGER;
ALTER TABLE webhook_deliveries ADD COLUMN response_excerpt TEXT;
ALTER TABLE webhook_deliveries ADD COLUMN last_attempt_at INTEGER;
ALTER TABLE webhook_deliveries ADD COLUMN failed_at INTEGER;     -- gave up after the last try
ALTER TABLE webhook_deliveries ADD COLUMN redelivery_of INTEGER; -- the delivery sent again
UPDATE webhook_deliveries SET
    team_id = coalesce((SELECT a.team_id FROM invites i JOIN assessments a ON a.id = i.assessment_id
                        WHERE i.id = webhook_deliveries.invite_id), 0),
    msg_id = 'msg_' || lower(hex(randomblob(16))),
    event = json_extract(payload, '$.event');
-- Rows queued by the assessment sweep get their team, id and event here, in the same statement.
CREATE TRIGGER webhook_deliveries_fill AFTER INSERT ON webhook_deliveries
WHEN NEW.msg_id IS NULL
BEGIN
    UPDATE webhook_deliveries SET
        team_id = coalesce((SELECT a.team_id FROM invites i
                            JOIN assessments a ON a.id = i.assessment_id
                            WHERE i.id = NEW.invite_id), 0),
        msg_id = 'msg_' || lower(hex(randomblob(16))),
        event = json_extract(NEW.payload, '$.event')
    WHERE id = NEW.id;
END;
CREATE INDEX webhook_deliveries_team ON webhook_deliveries(team_id, id);

-- A team's signing secret (whsec_ + base64 of 32 random bytes); team 0 is the admin's.
CREATE TABLE webhook_secrets (
    team_id    INTEGER PRIMARY KEY,
    secret     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- Every team action: who (token id, 0 for the environment's admin token, and role), when, what.
-- Never edited: no route changes a row, and the trigger refuses an UPDATE.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL,  -- 0: the admin
    token_id   INTEGER NOT NULL,
    role       TEXT NOT NULL,
    action     TEXT NOT NULL,
    method     TEXT NOT NULL,
    path       TEXT NOT NULL,
    status     INTEGER NOT NULL,
    target_id  TEXT,              -- the id the action created, when it created one
    detail     TEXT,              -- JSON, what the action changed (NULL when the path says it all)
    at         INTEGER NOT NULL
);
CREATE INDEX audit_log_team ON audit_log(team_id, id);
CREATE TRIGGER audit_log_immutable BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never edited');
END;

-- Accommodations: seconds added to a candidate's session (before it starts, they are added at
-- the start; during it, to ends_at at once as well).
ALTER TABLE invites ADD COLUMN extra_s INTEGER NOT NULL DEFAULT 0;
