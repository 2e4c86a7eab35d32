-- 002: assessments, their problems, invites (candidates), webhook deliveries.

CREATE TABLE assessments (
    id              INTEGER PRIMARY KEY,
    team_id         INTEGER REFERENCES teams(id) ON DELETE CASCADE, -- NULL: the admin's
    title           TEXT NOT NULL,
    rules           TEXT NOT NULL DEFAULT '',
    duration_s      INTEGER NOT NULL,
    opens_at        INTEGER,
    closes_at       INTEGER,
    show_hidden     INTEGER NOT NULL DEFAULT 0,
    max_submissions INTEGER NOT NULL DEFAULT 0,   -- per problem; 0: no cap
    counts          TEXT NOT NULL DEFAULT 'best' CHECK (counts IN ('best', 'last')),
    webhook_url     TEXT,
    created_at      INTEGER NOT NULL
);

CREATE TABLE assessment_problems (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    slug          TEXT NOT NULL REFERENCES problems(slug),
    points        REAL NOT NULL,
    PRIMARY KEY (assessment_id, position),
    UNIQUE (assessment_id, slug)
);

-- A candidate: one invite, one token (stored as its hash), one timed session.
CREATE TABLE invites (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL,
    token_hash    BLOB NOT NULL UNIQUE,
    expires_at    INTEGER NOT NULL,  -- the link must be opened (started) before this
    revoked_at    INTEGER,
    started_at    INTEGER,
    ends_at       INTEGER,
    finished_at   INTEGER,
    finish_reason TEXT,              -- finished, time
    created_at    INTEGER NOT NULL
);
CREATE INDEX invites_assessment ON invites(assessment_id);
CREATE INDEX invites_running ON invites(finished_at, ends_at);

ALTER TABLE submissions ADD COLUMN invite_id INTEGER REFERENCES invites(id) ON DELETE CASCADE;
CREATE INDEX submissions_invite ON submissions(invite_id, slug, seq);

CREATE TABLE webhook_deliveries (
    id           INTEGER PRIMARY KEY,
    invite_id    INTEGER NOT NULL REFERENCES invites(id) ON DELETE CASCADE,
    url          TEXT NOT NULL,
    payload      TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at      INTEGER NOT NULL,
    delivered_at INTEGER,
    last_error   TEXT,
    created_at   INTEGER NOT NULL
);
CREATE INDEX webhook_pending ON webhook_deliveries(delivered_at, next_at);
