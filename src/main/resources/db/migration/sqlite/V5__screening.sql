-- Screening (issue 6). Assignment slots make pool and N-reviewer assignment safe under concurrent
-- requests: a record at a stage has slots 1..N (N = reviewers per record; 1 in pool mode), and the
-- unique index lets exactly one reviewer take each slot ("insert ... on conflict do nothing").
alter table assignment add column slot integer;
create unique index assignment_slot on assignment (stage_id, study_id, slot);

-- which protocol version a pilot (calibration) round screened against
alter table pilot_round add column protocol_version integer;
