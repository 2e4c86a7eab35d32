-- 011: people and roles (issue 21). A team's members sign in with an e-mail and a password
-- (Argon2id, libsodium's crypto_pwhash_str) or a one-time login link; each has a role, and so
-- does each team API key.

-- A key's role within its team. Keys made before roles existed keep every right they had.
ALTER TABLE tokens ADD COLUMN team_role TEXT NOT NULL DEFAULT 'admin'
    CHECK (team_role IN ('admin', 'recruiter', 'reviewer', 'read-only'));

-- A member. token_id is the member's own principal (a tokens row of role 'team' whose secret
-- nobody knows: it is never a bearer token), so that everything keyed by a token (reviews, rate
-- limits, the queue's fairness, the audit log) knows a member as one actor. A removed member's
-- row stays (the audit log and reviews name it), without its password.
CREATE TABLE members (
    id            INTEGER PRIMARY KEY,
    team_id       INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    token_id      INTEGER NOT NULL UNIQUE REFERENCES tokens(id) ON DELETE CASCADE,
    email         TEXT NOT NULL,     -- lower case
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'recruiter', 'reviewer', 'read-only')),
    password_hash TEXT,              -- crypto_pwhash_str's string; NULL: login links only
    created_at    INTEGER NOT NULL,
    disabled_at   INTEGER,           -- may not sign in until enabled again
    removed_at    INTEGER            -- gone from the team; the e-mail is free again
);
CREATE UNIQUE INDEX members_email ON members(email) WHERE removed_at IS NULL;
CREATE INDEX members_team ON members(team_id, id);

-- A signed-in browser: only the hash of its cookie's token is kept. It ends at expires_at, or
-- after an idle time since seen_at (updated at most once a minute).
CREATE TABLE logins (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    token_hash BLOB NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    seen_at    INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    client     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX logins_member ON logins(member_id);

-- One-time login links: hashed at rest, single use, short-lived.
CREATE TABLE login_links (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    token_hash BLOB NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX login_links_member ON login_links(member_id);

-- Login links waiting for the mail thread (when SMTP is on): the token is kept only until the
-- link is sent, used or expired; the row goes with it.
CREATE TABLE login_mail (
    id         INTEGER PRIMARY KEY,
    link_id    INTEGER NOT NULL REFERENCES login_links(id) ON DELETE CASCADE,
    token      TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    next_at    INTEGER NOT NULL,
    last_error TEXT
);

-- Who acted, in words: a member's e-mail, a key's name, "admin".
ALTER TABLE audit_log ADD COLUMN who TEXT;
ALTER TABLE audit_log ADD COLUMN member_id INTEGER;
ALTER TABLE audit_log ADD COLUMN team_role TEXT;
