package io.toktik.core.video;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The chunks of renditions that landed ({@code rendition_chunks}); callers hold the video's row lock. */
public final class RenditionChunks {
    private final JdbcClient jdbc;

    public RenditionChunks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a chunk; false when it was recorded before (a job run again after it committed). */
    public boolean record(UUID videoId, RenditionChunk c) {
        return jdbc.sql("""
                insert into rendition_chunks (video_id, rendition, chunk, chunks, segments, bytes, duration_ms,
                                              peak_bandwidth, codecs, frame_rate)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (video_id, rendition, chunk) do nothing""")
                .params(videoId, c.rendition(), c.chunk(), c.chunks(), c.segments(), c.bytes(), c.durationMs(),
                        c.peakBandwidth(), c.codecs(), c.frameRate())
                .update() == 1;
    }

    /** The chunks of one rendition recorded so far, in order. */
    public List<RenditionChunk> of(UUID videoId, String rendition) {
        return jdbc.sql("""
                select rendition, chunk, chunks, segments, bytes, duration_ms, peak_bandwidth, codecs, frame_rate
                from rendition_chunks where video_id = ? and rendition = ? order by chunk""")
                .params(videoId, rendition)
                .query((rs, n) -> new RenditionChunk(rs.getString("rendition"), rs.getInt("chunk"), rs.getInt("chunks"),
                        rs.getString("segments"), rs.getLong("bytes"), rs.getLong("duration_ms"),
                        rs.getInt("peak_bandwidth"), rs.getString("codecs"), rs.getDouble("frame_rate")))
                .list();
    }
}
