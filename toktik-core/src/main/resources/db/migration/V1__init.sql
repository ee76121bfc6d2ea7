-- TokTik schema: users, sessions, videos and their renditions, and the durable job table.

create table users (
    id            uuid primary key,
    username      varchar(30)  not null,
    username_key  varchar(30)  not null unique, -- lower(username): unique ignoring case
    email         varchar(254),
    display_name  varchar(60)  not null,
    bio           varchar(500) not null default '',
    password_hash varchar(200) not null,
    created_at    timestamptz  not null default now()
);

-- Refresh tokens are stored hashed; a family is one login's chain of rotated tokens.
create table refresh_tokens (
    token_hash  varchar(64) primary key,
    family_id   uuid        not null,
    user_id     uuid        not null references users (id) on delete cascade,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked     boolean     not null default false,
    created_at  timestamptz not null default now()
);
create index refresh_tokens_family on refresh_tokens (family_id);

create table videos (
    id            uuid primary key,
    owner_id      uuid          not null references users (id) on delete cascade,
    title         varchar(100)  not null,
    description   varchar(5000) not null default '',
    hashtags      text[]        not null default '{}',
    visibility    varchar(10)   not null,
    status        varchar(12)   not null,
    progress      int           not null default 0,
    error_code    varchar(40),
    error_message varchar(500),
    duration_ms   bigint,
    width         int,
    height        int,
    source_bytes  bigint,
    has_poster    boolean       not null default false,
    created_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now(),
    published_at  timestamptz
);
create index videos_owner on videos (owner_id, created_at desc, id);

-- The ladder planned for a video; a rendition is published (ready) only once all its files are stored.
create table video_renditions (
    video_id          uuid        not null references videos (id) on delete cascade,
    name              varchar(16) not null,
    width             int         not null,
    height            int         not null,
    bandwidth         int,
    average_bandwidth int,
    codecs            varchar(64),
    frame_rate        double precision,
    ready             boolean     not null default false,
    primary key (video_id, name)
);

-- Jobs are rows written in the same transaction as the change that causes them; workers claim them
-- with a lease (FOR UPDATE SKIP LOCKED), so a job accepted is never lost and a crashed worker's job
-- runs again once its lease expires.
create table jobs (
    id           bigserial primary key,
    kind         varchar(32) not null,
    video_id     uuid        not null,
    payload      text        not null default '',
    priority     int         not null default 0,
    attempts     int         not null default 0,
    max_attempts int         not null default 3,
    run_after    timestamptz not null default now(),
    locked_by    varchar(100),
    locked_until timestamptz,
    last_error   text,
    dead_at      timestamptz,
    created_at   timestamptz not null default now()
);
create index jobs_claimable on jobs (priority, id) where dead_at is null;
create index jobs_video on jobs (video_id);
