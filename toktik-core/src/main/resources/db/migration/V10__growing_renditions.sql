-- A rendition is "ready" (listed in the master playlist, playable) from its first segment on, and "complete"
-- once its playlist is closed with #EXT-X-ENDLIST. Renditions published before this were complete when ready.
alter table video_renditions add column complete boolean not null default false;
update video_renditions set complete = ready;
