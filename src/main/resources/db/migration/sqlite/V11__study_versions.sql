-- The ranking reads every study's id and updated_at on each refresh to notice studies whose fields
-- a deduplication merge rewrote (RankInputStore.studyVersions); this index answers that without
-- reading the rows (whose merged fields come first and are large).
create index study_project_version on study (project_id, id, updated_at);
