-- Engagement counts kept on the video row, updated atomically (count = count + n), never recounted per read.
alter table videos add column view_count    bigint not null default 0;
alter table videos add column like_count    bigint not null default 0;
alter table videos add column comment_count bigint not null default 0;
