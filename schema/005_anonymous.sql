-- 005: anonymous submissions are marked, so that a retention period (--anon-retention) can delete
-- them with their sources. Rows from before stay unmarked: an anonymous one and one of the
-- environment's admin token cannot be told apart there, and the admin's are never deleted.
ALTER TABLE submissions ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;
CREATE INDEX submissions_anonymous ON submissions(created_at) WHERE anonymous = 1;
