-- 001: problems, their versions, teams, tokens, submissions and their tests.
-- Migrations are applied in order, each in one transaction; PRAGMA user_version is the last applied.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

-- Bearer tokens, stored only as a BLAKE2b hash of the token. role: admin, team, worker.
CREATE TABLE tokens (
    id         INTEGER PRIMARY KEY,
    hash       BLOB NOT NULL UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'team', 'worker')),
    team_id    INTEGER REFERENCES teams(id) ON DELETE CASCADE,
    name       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

-- A problem: its slug, owner (NULL: the admin's) and visibility. Its content is in versions.
CREATE TABLE problems (
    slug        TEXT PRIMARY KEY,
    team_id     INTEGER REFERENCES teams(id) ON DELETE CASCADE,
    public      INTEGER NOT NULL DEFAULT 0,
    current     INTEGER,           -- problem_versions.id of the version judged now
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER            -- deleted problems keep their versions for old submissions
);

-- A version of a problem: a stored package (by content hash) and what verification found.
CREATE TABLE problem_versions (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL REFERENCES problems(slug) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    hash          TEXT NOT NULL,   -- hex BLAKE2b of the package tree; the folder packages/HASH
    title         TEXT NOT NULL,
    time_limit_ms INTEGER NOT NULL,
    detail        TEXT NOT NULL,   -- the public JSON of GET /problems/{slug} (never secret data)
    verification  TEXT NOT NULL,   -- JSON: verification report
    tests         INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    UNIQUE (slug, version)
);

-- Submissions are the queue: status queued -> compiling -> running -> done.
CREATE TABLE submissions (
    seq          INTEGER PRIMARY KEY,   -- queue order
    id           TEXT NOT NULL UNIQUE,  -- random, what the API shows
    version_id   INTEGER NOT NULL REFERENCES problem_versions(id),
    slug         TEXT NOT NULL,
    language     TEXT NOT NULL,
    source       TEXT NOT NULL,
    team_id      INTEGER REFERENCES teams(id) ON DELETE SET NULL,
    token_id     INTEGER REFERENCES tokens(id) ON DELETE SET NULL,
    client       TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('queued', 'compiling', 'running', 'done')),
    verdict      TEXT,
    score        REAL NOT NULL DEFAULT 0,
    max_score    REAL NOT NULL DEFAULT 100,
    time_ms      INTEGER NOT NULL DEFAULT 0,
    memory_kb    INTEGER NOT NULL DEFAULT 0,
    compile_output TEXT NOT NULL DEFAULT '',
    error        TEXT,                  -- with IE: what broke (admins only)
    attempts     INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,      -- ms since the epoch
    started_at   INTEGER,
    finished_at  INTEGER
);
CREATE INDEX submissions_queue ON submissions(status, seq);
CREATE INDEX submissions_team ON submissions(team_id, seq);
CREATE INDEX submissions_slug ON submissions(slug, seq);

-- The tests of a judged submission, written with its final status in one transaction.
CREATE TABLE submission_tests (
    submission_seq INTEGER NOT NULL REFERENCES submissions(seq) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    name           TEXT NOT NULL,
    grp            TEXT NOT NULL,
    sample         INTEGER NOT NULL,
    verdict        TEXT NOT NULL,
    time_ms        INTEGER NOT NULL,
    memory_kb      INTEGER NOT NULL,
    message        TEXT,
    PRIMARY KEY (submission_seq, idx)
);
