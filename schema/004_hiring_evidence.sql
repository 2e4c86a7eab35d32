-- 004: hiring events that settle, candidates' drafts (work is never lost) and integrity signals.

-- candidate.finished goes out once every submission of the candidate is judged (not when the
-- session ends), with the total then; later changes (rejudges) send candidate.score_changed.
-- finals_at: the drafts changed since their last submission were submitted (time-up), or there
-- was nothing to submit; the finish settles only after it.
ALTER TABLE invites ADD COLUMN finals_at INTEGER;
ALTER TABLE invites ADD COLUMN finish_notified_at INTEGER;
ALTER TABLE invites ADD COLUMN notified_total REAL;
UPDATE invites SET finals_at = finished_at, finish_notified_at = finished_at
    WHERE finished_at IS NOT NULL;
CREATE INDEX invites_unsettled ON invites(id)
    WHERE finished_at IS NOT NULL AND finish_notified_at IS NULL AND revoked_at IS NULL;

-- When a candidate's judged submission was announced (submission.judged); a rejudge moves
-- finished_at past it, so it is announced again.
ALTER TABLE submissions ADD COLUMN notified_at INTEGER;
UPDATE submissions SET notified_at = finished_at WHERE invite_id IS NOT NULL AND status = 'done';
CREATE INDEX submissions_unnotified ON submissions(seq)
    WHERE invite_id IS NOT NULL AND (notified_at IS NULL OR finished_at > notified_at);
-- The draft a time-up final submission was made from ('final'), or NULL: the candidate's own.
ALTER TABLE submissions ADD COLUMN origin TEXT;

-- Judge each problem's unsubmitted draft when the time runs out (on by default).
ALTER TABLE assessments ADD COLUMN submit_drafts_at_end INTEGER NOT NULL DEFAULT 1;
-- The webhook events the team takes, separated by spaces (submission.judged is asked for).
ALTER TABLE assessments ADD COLUMN webhook_events TEXT NOT NULL
    DEFAULT 'candidate.finished candidate.score_changed';

-- The candidate's code per problem as last saved by the editor.
CREATE TABLE drafts (
    invite_id  INTEGER NOT NULL REFERENCES invites(id) ON DELETE CASCADE,
    slug       TEXT NOT NULL,
    language   TEXT NOT NULL,
    source     TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (invite_id, slug)
);

-- Every saved version of a draft: the timeline the team plays back.
CREATE TABLE draft_snapshots (
    id        INTEGER PRIMARY KEY,
    invite_id INTEGER NOT NULL REFERENCES invites(id) ON DELETE CASCADE,
    slug      TEXT NOT NULL,
    source    TEXT NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX draft_snapshots_invite ON draft_snapshots(invite_id, at);

-- Signals, not verdicts: pastes (size in characters) and focus losses (how long), as the
-- candidate's browser reported them.
CREATE TABLE candidate_signals (
    id          INTEGER PRIMARY KEY,
    invite_id   INTEGER NOT NULL REFERENCES invites(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('paste', 'blur')),
    slug        TEXT,
    size        INTEGER NOT NULL DEFAULT 0,   -- paste: characters
    duration_ms INTEGER NOT NULL DEFAULT 0,   -- blur: how long the page was left
    at          INTEGER NOT NULL
);
CREATE INDEX candidate_signals_invite ON candidate_signals(invite_id, at);

-- Practice history of a browser without an account: keyed by the hash of its practice token.
CREATE TABLE practice_submissions (
    practice_hash BLOB NOT NULL,
    submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    slug          TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (practice_hash, submission_id)
);
CREATE INDEX practice_by_slug ON practice_submissions(practice_hash, slug, created_at);
