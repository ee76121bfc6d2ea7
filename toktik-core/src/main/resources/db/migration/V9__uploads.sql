-- Resumable (tus) uploads in progress. Any api node may take the next chunk, so everything about an upload lives
-- here: the blob store's multipart handle, the parts stored so far, and a staged tail shorter than the store's
-- smallest part. No foreign key to videos: a row outlives its video until it is swept, so its parts are freed too.
create table uploads (
    id           uuid primary key,
    video_id     uuid          not null,
    owner_id     uuid          not null,
    length       bigint        not null,
    received     bigint        not null default 0,  -- the tus offset: bytes in parts plus the tail
    metadata     varchar(4096) not null default '',
    store_handle varchar(1024) not null,              -- the blob store's multipart upload id
    next_part    int           not null default 1,    -- part numbers are never reused, even by refused chunks
    tail_key     varchar(300),                        -- a staged piece shorter than the smallest part, or null
    tail_length  bigint        not null default 0,
    expires_at   timestamptz   not null,
    created_at   timestamptz   not null default now()
);
create index uploads_expires_at on uploads (expires_at);

create table upload_parts (
    upload_id uuid          not null references uploads (id) on delete cascade,
    number    int           not null,
    tag       varchar(1024) not null,
    size      bigint        not null,
    primary key (upload_id, number)
);
