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
