-- Social graph, likes, comments and notifications.

-- Follower and following counts are indexed counts (the primary key serves "following", follows_followee
-- "followers"): exact under any concurrency, with no hot counter row and no lock ordering between two users.
create table follows (
    follower_id uuid        not null references users (id) on delete cascade,
    followee_id uuid        not null references users (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (follower_id, followee_id),
    check (follower_id <> followee_id)
);
create index follows_followee on follows (followee_id, follower_id);

-- One row per (video, user); videos.like_count changes in the same transaction, only when a row came or went.
create table video_likes (
    video_id   uuid        not null references videos (id) on delete cascade,
    user_id    uuid        not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (video_id, user_id)
);
create index video_likes_user on video_likes (user_id, video_id);

-- One level of replies: a reply's parent is a top-level comment of the same video. Deleting a parent deletes its replies.
create table comments (
    id         uuid          primary key,
    video_id   uuid          not null references videos (id) on delete cascade,
    author_id  uuid          not null references users (id) on delete cascade,
    parent_id  uuid          references comments (id) on delete cascade,
    text       varchar(2000) not null,
    created_at timestamptz   not null default now()
);
create index comments_video on comments (video_id, created_at desc, id desc);
create index comments_parent on comments (parent_id) where parent_id is not null;

-- A batchable notification (likes of one video, new followers) stays open under batch_key while unread and young:
-- the unique index makes concurrent actors update the one open row instead of inserting their own.
create table notifications (
    id           uuid         primary key,
    recipient_id uuid         not null references users (id) on delete cascade,
    type         varchar(20)  not null,
    actor_id     uuid         references users (id) on delete set null,
    actor_count  int          not null default 1,
    video_id     uuid         references videos (id) on delete cascade,
    body         varchar(500) not null default '',
    batch_key    varchar(60),
    opened_at    timestamptz  not null default now(),
    created_at   timestamptz  not null default now(),
    read_at      timestamptz
);
create index notifications_recipient on notifications (recipient_id, created_at desc, id desc);
create index notifications_unread on notifications (recipient_id) where read_at is null;
create unique index notifications_open_batch on notifications (recipient_id, batch_key) where batch_key is not null;
