-- Web application: API tokens (only a SHA-256 of each token is stored) and lookups for sessions.
create table api_token (
    id           integer primary key,
    user_id      bigint not null references app_user (id),
    label        text not null,
    token_hash   text not null unique,
    created_at   text not null,
    last_used_at text,
    revoked_at   text
);
create index api_token_user on api_token (user_id);
create index web_session_user on web_session (user_id);
create index login_attempt_remote on login_attempt (username, remote, at);

-- words the screening view marks in titles and abstracts, chosen by the project's owners
create table highlight_term (
    id         integer primary key,
    project_id bigint not null references project (id),
    term       text not null,
    polarity   text not null check (polarity in ('include', 'exclude')),
    created_at text not null,
    unique (project_id, term)
);
