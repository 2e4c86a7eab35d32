-- 009: erasure and retention, reviews, invite e-mails.

-- Days after a candidate's finish (or an unopened invite's expiry, or a revocation) when the
-- sweep erases them; NULL keeps them until someone erases them.
ALTER TABLE teams ADD COLUMN retention_days INTEGER;

-- A reviewer's note and 1-5 rating of a candidate (submission_id '') or of one submission. One
-- row per author (token) and subject; the author edits it.
CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY,
    invite_id     INTEGER NOT NULL REFERENCES invites(id) ON DELETE CASCADE,
    submission_id TEXT NOT NULL DEFAULT '',
    token_id      INTEGER NOT NULL,
    author        TEXT NOT NULL,
    rating        INTEGER CHECK (rating BETWEEN 1 AND 5),
    note          TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (invite_id, submission_id, token_id)
);

-- Invite e-mails: when the invitation went out, and the reminder before the window closes.
ALTER TABLE invites ADD COLUMN mailed_at INTEGER;
ALTER TABLE invites ADD COLUMN reminded_at INTEGER;

-- Invitation e-mails waiting for the mail thread: the token is kept only until it is sent (only
-- its hash is kept otherwise), and the row goes with it.
CREATE TABLE mail_outbox (
    id        INTEGER PRIMARY KEY,
    invite_id INTEGER NOT NULL REFERENCES invites(id) ON DELETE CASCADE,
    token     TEXT NOT NULL,
    attempts  INTEGER NOT NULL DEFAULT 0,
    next_at   INTEGER NOT NULL,
    last_error TEXT,
    created_at INTEGER NOT NULL
);
