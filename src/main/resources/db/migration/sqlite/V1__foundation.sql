-- Winnow schema, SQLite (same tables as the PostgreSQL migration). Timestamps are ISO-8601 UTC text and JSON is text, so that the
-- same SQL and the same code serve SQLite and PostgreSQL; ids are identity columns.

create table project (
    id          integer primary key,
    key         text not null unique,
    title       text not null,
    kind        text not null check (kind in ('scoping', 'systematic', 'rapid', 'other')),
    description text,
    created_at  text not null
);

create table app_user (
    id            integer primary key,
    username      text not null unique,
    display_name  text,
    password_hash text,
    is_admin      boolean not null default false,
    disabled      boolean not null default false,
    created_at    text not null
);

create table membership (
    project_id bigint not null references project (id),
    user_id    bigint not null references app_user (id),
    role       text not null check (role in ('owner', 'reviewer', 'viewer')),
    added_at   text not null,
    primary key (project_id, user_id)
);

-- where records came from: a bibliographic database, a register, or an "other method"
-- (websites, organisations, citation searching, hand-added grey literature)
create table source (
    id             integer primary key,
    project_id     bigint not null references project (id),
    name           text not null,
    platform       text not null default '',
    kind           text not null check (kind in ('database', 'register', 'other')),
    other_method   text,
    search_string  text,
    searched_on    text,
    notes          text,
    created_at     text not null,
    unique (project_id, name, platform)
);

create table import_file (
    id            integer primary key,
    project_id    bigint not null references project (id),
    source_id     bigint not null references source (id),
    file_name     text not null,
    sha256        text not null,
    size_bytes    bigint not null,
    format        text not null,
    encoding      text,
    record_count  integer not null,
    skipped_count integer not null default 0,
    report        text,
    imported_at   text not null,
    imported_by   bigint references app_user (id)
);
create index import_file_sha on import_file (project_id, sha256);

-- one record as one export gave it: immutable, raw text kept
create table source_record (
    id             integer primary key,
    project_id     bigint not null references project (id),
    source_id      bigint not null references source (id),
    import_file_id bigint references import_file (id),
    position       integer not null,
    raw_text       text,
    fields         text not null,
    title          text,
    year           integer,
    doi            text,
    pmid           text,
    created_at     text not null,
    unique (import_file_id, position)
);
create index source_record_project on source_record (project_id);

-- the deduplicated unit that reviewers screen
create table study (
    id         integer primary key,
    project_id bigint not null references project (id),
    fields     text not null,
    title      text,
    year       integer,
    doi        text,
    created_at text not null,
    updated_at text not null
);
create index study_project on study (project_id);

-- each source record belongs to exactly one study; the rule and evidence say why
create table study_link (
    source_record_id bigint primary key references source_record (id),
    study_id         bigint not null references study (id),
    rule             text not null,
    evidence         text,
    linked_at        text not null,
    linked_by        bigint references app_user (id)
);
create index study_link_study on study_link (study_id);

-- pairs a person must look at ("maybe") and pairs linked as related but not merged
create table dedup_pair (
    id          integer primary key,
    project_id  bigint not null references project (id),
    record_a    bigint not null references source_record (id),
    record_b    bigint not null references source_record (id),
    relation    text not null check (relation in ('maybe', 'related')),
    rule        text not null,
    evidence    text,
    status      text not null check (status in ('open', 'merged', 'kept-apart', 'related')),
    decided_by  bigint references app_user (id),
    decided_at  text,
    created_at  text not null,
    unique (record_a, record_b)
);

create table protocol_version (
    id         integer primary key,
    project_id bigint not null references project (id),
    version    integer not null,
    body       text not null,
    created_at text not null,
    created_by bigint references app_user (id),
    unique (project_id, version)
);

create table stage (
    id                   integer primary key,
    project_id           bigint not null references project (id),
    name                 text not null check (name in ('title-abstract', 'full-text')),
    position             integer not null,
    reviewers_per_record integer not null default 2,
    blinded              boolean not null default true,
    assignment           text not null default 'all' check (assignment in ('all', 'pool')),
    created_at           text not null,
    unique (project_id, name)
);

create table assignment (
    id          integer primary key,
    stage_id    bigint not null references stage (id),
    study_id    bigint not null references study (id),
    user_id     bigint not null references app_user (id),
    assigned_at text not null,
    unique (stage_id, study_id, user_id)
);

create table pilot_round (
    id         integer primary key,
    stage_id   bigint not null references stage (id),
    number     integer not null,
    sample     text not null,
    target     real not null,
    created_at text not null,
    closed_at  text,
    unique (stage_id, number)
);

-- append-only: a change of mind is a new row; the newest per (stage, study, user) counts
create table decision (
    id              integer primary key,
    stage_id        bigint not null references stage (id),
    study_id        bigint not null references study (id),
    user_id         bigint not null references app_user (id),
    verdict         text not null check (verdict in ('include', 'exclude', 'maybe')),
    reasons         text,
    criteria        text,
    note            text,
    seconds_taken   integer,
    origin          text not null default 'screen' check (origin in ('screen', 'import', 'pilot')),
    pilot_round_id  bigint references pilot_round (id),
    idempotency_key text unique,
    decided_at      text not null
);
create index decision_stage_study on decision (stage_id, study_id);

create table resolution (
    id          integer primary key,
    stage_id    bigint not null references stage (id),
    study_id    bigint not null references study (id),
    user_id     bigint references app_user (id),
    verdict     text not null check (verdict in ('include', 'exclude')),
    method      text not null check (method in ('consensus', 'third-reviewer', 'outcome-import', 'stopping-rule')),
    reasons     text,
    note        text,
    resolved_at text not null
);
create index resolution_stage_study on resolution (stage_id, study_id);

-- full-text retrieval events: the newest row per study is its state
create table full_text (
    id             integer primary key,
    project_id     bigint not null references project (id),
    study_id       bigint not null references study (id),
    status         text not null check (status in ('sought', 'retrieved', 'not-retrieved')),
    reason         text,
    file_name      text,
    sha256         text,
    content_type   text,
    size_bytes     bigint,
    content        blob,
    extracted_text text,
    page_count     integer,
    created_at     text not null,
    created_by     bigint references app_user (id)
);
create index full_text_study on full_text (study_id);

create table chart_form (
    id         integer primary key,
    project_id bigint not null references project (id),
    name       text not null,
    version    integer not null,
    definition text not null,
    created_at text not null,
    created_by bigint references app_user (id),
    unique (project_id, name, version)
);

create table chart_entry (
    id         integer primary key,
    form_id    bigint not null references chart_form (id),
    study_id   bigint not null references study (id),
    user_id    bigint references app_user (id),
    role       text not null check (role in ('reviewer', 'consensus', 'verification')),
    answers    text not null,
    agreed_by  text,
    created_at text not null
);
create index chart_entry_study on chart_entry (study_id);

create table audit_event (
    id         integer primary key,
    project_id bigint references project (id),
    user_id    bigint references app_user (id),
    actor      text not null,
    action     text not null,
    target     text,
    details    text,
    at         text not null
);
create index audit_event_project on audit_event (project_id, id);

create table web_session (
    id           text primary key,
    user_id      bigint not null references app_user (id),
    csrf_token   text not null,
    created_at   text not null,
    expires_at   text not null,
    last_seen_at text not null
);

create table login_attempt (
    id       integer primary key,
    username text not null,
    remote   text,
    success  boolean not null,
    at       text not null
);
create index login_attempt_user on login_attempt (username, at);

-- the research record cannot be rewritten through the application
create trigger decision_no_update before update on decision
begin
    select raise(abort, 'winnow: decision rows are append-only (UPDATE refused)');
end;
create trigger decision_no_delete before delete on decision
begin
    select raise(abort, 'winnow: decision rows are append-only (DELETE refused)');
end;
create trigger resolution_no_update before update on resolution
begin
    select raise(abort, 'winnow: resolution rows are append-only (UPDATE refused)');
end;
create trigger resolution_no_delete before delete on resolution
begin
    select raise(abort, 'winnow: resolution rows are append-only (DELETE refused)');
end;
create trigger audit_event_no_update before update on audit_event
begin
    select raise(abort, 'winnow: audit_event rows are append-only (UPDATE refused)');
end;
create trigger audit_event_no_delete before delete on audit_event
begin
    select raise(abort, 'winnow: audit_event rows are append-only (DELETE refused)');
end;
create trigger source_record_no_update before update on source_record
begin
    select raise(abort, 'winnow: source_record rows are append-only (UPDATE refused)');
end;
create trigger source_record_no_delete before delete on source_record
begin
    select raise(abort, 'winnow: source_record rows are append-only (DELETE refused)');
end;
