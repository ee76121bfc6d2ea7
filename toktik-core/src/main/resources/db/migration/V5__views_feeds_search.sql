-- Views, feeds and search.

-- Ranking keys kept on the row by PostgreSQL itself, so every writer of the counts (views, likes, comments) keeps
-- them right and the feeds read them through an index. engagement weighs a comment 5, a like 3, a view 1.
-- hot_score = log10(1 + engagement) + hours since 2020 / 12: the same order as log10(1 + engagement) - age_hours / 12
-- (now() shifts every video alike), without now() in it, so it can be stored and indexed.
alter table videos add column engagement bigint generated always as (view_count + 3 * like_count + 5 * comment_count) stored;
alter table videos add column hot_score double precision generated always as (
    log(1 + view_count + 3 * like_count + 5 * comment_count)::double precision
    + extract(epoch from (published_at - timestamptz '2020-01-01 00:00:00+00'))::double precision / 43200) stored;

-- Full text over title and description: 'simple' (no stemming, no stop words) so every language matches word for word.
alter table videos add column search_text tsvector generated always as (
    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', description), 'B')) stored;

-- Feeds and search show only READY PUBLIC videos: partial indexes hold just those.
create index videos_latest on videos (published_at desc, id desc) where status = 'READY' and visibility = 'PUBLIC';
create index videos_hot on videos (hot_score desc, id desc) where status = 'READY' and visibility = 'PUBLIC';
-- Trending reads the last 48 hours by videos_latest, or walks this one until it has a page of recent videos:
-- the planner picks whichever reads fewer rows.
create index videos_trending on videos (engagement desc, id desc) where status = 'READY' and visibility = 'PUBLIC';
create index videos_owner_published on videos (owner_id, published_at desc, id desc)
    where status = 'READY' and visibility = 'PUBLIC';
create index videos_search on videos using gin (search_text) where status = 'READY' and visibility = 'PUBLIC';
create index videos_hashtags on videos using gin (hashtags) where status = 'READY' and visibility = 'PUBLIC';

-- User search by prefix of the username or the display name, ignoring case.
create index users_username_prefix on users (username_key text_pattern_ops);
create index users_display_name_prefix on users (lower(display_name) text_pattern_ops);

-- Videos a signed-in user has a counted view of: the for-you feed does not show them again.
create table watched_videos (
    user_id    uuid        not null references users (id) on delete cascade,
    video_id   uuid        not null references videos (id) on delete cascade,
    watched_at timestamptz not null default now(),
    primary key (user_id, video_id)
);

-- Batches of buffered view counts already added to videos.view_count: a batch applied by one node (or once before
-- a crash) is never added again.
create table view_batches (
    id         varchar(80) primary key,
    applied_at timestamptz not null default now()
);
