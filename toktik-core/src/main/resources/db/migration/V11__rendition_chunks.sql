-- Renditions of a long source are encoded in spans (chunks) by separate jobs. Each chunk's segments are recorded
-- here when it lands; the transaction that records a rendition's last chunk writes its playlist.
create table rendition_chunks (
    video_id       uuid        not null references videos (id) on delete cascade,
    rendition      varchar(16) not null,
    chunk          int         not null,
    chunks         int         not null,
    segments       text        not null, -- this chunk's #EXTINF and URI lines
    bytes          bigint      not null,
    duration_ms    bigint      not null,
    peak_bandwidth int         not null,
    codecs         varchar(64) not null,
    frame_rate     double precision not null,
    primary key (video_id, rendition, chunk)
);
