-- 005: anonymous submissions are marked (schema/005_anonymous.sql says why).
ALTER TABLE submissions ADD COLUMN anonymous BIGINT NOT NULL DEFAULT 0;
CREATE INDEX submissions_anonymous ON submissions(created_at) WHERE anonymous = 1;
