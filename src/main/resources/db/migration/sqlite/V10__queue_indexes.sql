-- The screening queue asks per reviewer: "what do I hold?" and "what did I decide?" (QueueStore).
create index assignment_stage_user on assignment (stage_id, user_id);
create index decision_stage_user on decision (stage_id, user_id, study_id);
