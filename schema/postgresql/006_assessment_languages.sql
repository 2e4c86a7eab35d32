-- 006: the languages an assessment allows: a comma-separated list of language ids ("c,python"),
-- NULL for every language the judge runs.
ALTER TABLE assessments ADD COLUMN languages TEXT;
