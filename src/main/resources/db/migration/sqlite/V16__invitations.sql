-- Invitations to join a project: the owner shares a link, the person chooses a name and password.
-- Only a SHA-256 of the link's secret is stored; an invitation is used once and expires.
create table invitation (
    id          integer primary key,
    project_id  bigint not null references project (id),
    role        text not null check (role in ('owner', 'reviewer', 'viewer')),
    token_hash  text not null unique,
    created_by  bigint references app_user (id),
    created_at  text not null,
    expires_at  text not null,
    accepted_by bigint references app_user (id),
    accepted_at text
);
create index invitation_project on invitation (project_id);
