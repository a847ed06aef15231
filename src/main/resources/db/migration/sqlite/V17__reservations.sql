-- A record's assignment is now a reservation: it lasts until the reviewer decides the record (the
-- decision then holds their place and the row is deleted), until it expires, or until the
-- reviewer signs out or an owner releases it (issue 21). Rows of records already decided are
-- spent: remove them. The audit log keeps every "screen.assign" event.
delete from assignment
where exists (select 1 from decision d where d.stage_id = assignment.stage_id and d.study_id = assignment.study_id
              and d.user_id = assignment.user_id and d.origin <> 'pilot');
-- expired reservations are found by age
create index assignment_stage_age on assignment (stage_id, assigned_at);

-- Sign-in throttling (issue 21): failures are also counted per address, and a browser that signed
-- in before carries a device cookie (stored hashed here) whose attempts are counted apart, so that
-- wrong guesses from elsewhere cannot lock its user out.
create index login_attempt_address on login_attempt (remote, at);
create table trusted_device (
    id         integer primary key,
    user_id    bigint not null references app_user (id),
    token_hash text not null unique,
    created_at text not null
);
