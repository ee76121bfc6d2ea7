-- The lowest rendition of a video encoded while its source still arrives through a resumable upload (from the
-- parts stored so far), at most one per video. state: 'encoding' until the upload's probe judges it, then 'adopted'
-- (the probe planned the very same encode: the early job is that rendition's one writer) or 'abandoned' (the probe
-- planned otherwise, or the early job gave up: it deletes what it stored and hands the rendition to a normal transcode
-- job, deleting this row in the same transaction).
create table early_encodes (
    video_id   uuid        primary key references videos (id) on delete cascade,
    upload_id  uuid        not null,
    state      varchar(16) not null default 'encoding',
    rendition  varchar(16),          -- the rendition's name, once planned
    plan       text,                 -- the encoder's arguments, once planned: what the probe compares
    created_at timestamptz not null default now()
);
