package io.toktik.core.video;

import io.toktik.core.Cursor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link VideoRepository} on PostgreSQL. */
public final class JdbcVideoRepository implements VideoRepository {
    private static final String COLUMNS = """
            id, owner_id, title, description, hashtags, visibility, status, progress, error_code, error_message,
            duration_ms, width, height, has_poster, has_storyboard, view_count, like_count, comment_count, created_at, published_at""";

    private final JdbcClient jdbc;

    public JdbcVideoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Video v) {
        jdbc.sql("""
                insert into videos (id, owner_id, title, description, hashtags, visibility, status, progress, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.id(), v.ownerId(), v.title(), v.description(), v.hashtags().toArray(String[]::new),
                        v.visibility().name(), v.status().name(), v.progress(), ts(v.createdAt()), ts(v.createdAt()))
                .update();
    }

    @Override
    public Optional<Video> findById(UUID id) {
        List<Video> found = withRenditions(jdbc.sql("select " + COLUMNS + " from videos where id = ?")
                .param(id).query(this::row).list());
        return found.stream().findFirst();
    }

    @Override
    public List<Video> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return withRenditions(jdbc.sql("select " + COLUMNS + " from videos where id = any(?)")
                .param(ids.toArray(UUID[]::new)).query(this::row).list());
    }

    @Override
    public List<Video> findByOwner(UUID ownerId, boolean allStatuses, Cursor after, int limit) {
        String sql = "select " + COLUMNS + " from videos where owner_id = :owner"
                + (allStatuses ? "" : " and status = 'READY' and visibility = 'PUBLIC'")
                + (after == null ? "" : " and (created_at, id) < (:time, :id)")
                + " order by created_at desc, id desc limit :limit";
        var spec = jdbc.sql(sql).param("owner", ownerId).param("limit", limit);
        if (after != null) spec = spec.param("time", ts(after.time())).param("id", after.id());
        return withRenditions(spec.query(this::row).list());
    }

    @Override
    public void updateMetadata(UUID id, String title, String description, List<String> hashtags, Visibility visibility) {
        jdbc.sql("update videos set title = ?, description = ?, hashtags = ?, visibility = ?, updated_at = now() where id = ?")
                .params(title, description, hashtags.toArray(String[]::new), visibility.name(), id)
                .update();
    }

    @Override
    public boolean markProcessing(UUID id, long sourceBytes) {
        return jdbc.sql("""
                update videos set status = 'PROCESSING', source_bytes = ?, progress = 0, updated_at = now()
                where id = ? and status = 'UPLOADING'""")
                .params(sourceBytes, id).update() == 1;
    }

    @Override
    public void recordProbe(UUID id, long durationMs, int width, int height, List<RenditionInfo> ladder) {
        jdbc.sql("update videos set duration_ms = ?, width = ?, height = ?, updated_at = now() where id = ?")
                .params(durationMs, width, height, id).update();
        for (RenditionInfo r : ladder) {
            jdbc.sql("""
                    insert into video_renditions (video_id, name, width, height) values (?, ?, ?, ?)
                    on conflict (video_id, name) do nothing""")
                    .params(id, r.name(), r.width(), r.height()).update();
        }
    }

    @Override
    public void publishRendition(UUID id, RenditionInfo r) {
        jdbc.sql("""
                update video_renditions set bandwidth = ?, average_bandwidth = ?, codecs = ?, frame_rate = ?, ready = true,
                                            complete = complete or ?
                where video_id = ? and name = ? and not (complete and not ?)""")
                .params(r.bandwidth(), r.averageBandwidth(), r.codecs(), r.frameRate(), r.complete(), id, r.name(),
                        r.complete()).update();
        jdbc.sql("""
                update videos set status = 'READY', published_at = coalesce(published_at, now()),
                       error_code = null, error_message = null, updated_at = now()
                where id = ? and status in ('PROCESSING', 'READY')""")
                .param(id).update();
    }

    @Override
    public void raiseProgress(UUID id, int progress) {
        jdbc.sql("update videos set progress = ?, updated_at = now() where id = ? and progress < ? and status <> 'FAILED'")
                .params(progress, id, progress).update();
    }

    @Override
    public void markPosterReady(UUID id) {
        jdbc.sql("update videos set has_poster = true, updated_at = now() where id = ?").param(id).update();
    }

    @Override
    public void markStoryboardReady(UUID id) {
        jdbc.sql("update videos set has_storyboard = true, updated_at = now() where id = ?").param(id).update();
    }

    @Override
    public boolean markFailed(UUID id, String code, String message) {
        return jdbc.sql("""
                update videos set status = 'FAILED', error_code = ?, error_message = ?, updated_at = now()
                where id = ? and status in ('UPLOADING', 'PROCESSING')""")
                .params(code, truncate(message, 500), id).update() == 1;
    }

    @Override
    public boolean delete(UUID id) {
        return jdbc.sql("delete from videos where id = ?").param(id).update() == 1;
    }

    @Override
    public int processingAhead(UUID id) {
        return jdbc.sql("""
                select count(*) from videos o join videos v on o.owner_id = v.owner_id
                where v.id = ? and o.status = 'PROCESSING' and (o.created_at, o.id) < (v.created_at, v.id)""")
                .param(id).query(Integer.class).single();
    }

    @Override
    public boolean lock(UUID id) {
        return jdbc.sql("select id from videos where id = ? for update").param(id).query(UUID.class).optional().isPresent();
    }

    private List<Video> withRenditions(List<Video> videos) {
        if (videos.isEmpty()) return videos;
        Map<UUID, List<RenditionInfo>> byVideo = renditionsOf(videos.stream().map(Video::id).toList());
        List<Video> result = new ArrayList<>(videos.size());
        for (Video v : videos) {
            result.add(new Video(v.id(), v.ownerId(), v.title(), v.description(), v.hashtags(), v.visibility(),
                    v.status(), v.progress(), v.error(), v.durationMs(), v.width(), v.height(), v.hasPoster(), v.hasStoryboard(),
                    byVideo.getOrDefault(v.id(), List.of()), v.counts(), v.createdAt(), v.publishedAt()));
        }
        return result;
    }

    private Map<UUID, List<RenditionInfo>> renditionsOf(Collection<UUID> ids) {
        Map<UUID, List<RenditionInfo>> byVideo = new HashMap<>();
        jdbc.sql("""
                select video_id, name, width, height, bandwidth, average_bandwidth, codecs, frame_rate, ready, complete
                from video_renditions where video_id = any(?) order by width::bigint * height, name""")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> {
                    byVideo.computeIfAbsent(rs.getObject("video_id", UUID.class), k -> new ArrayList<>())
                            .add(new RenditionInfo(rs.getString("name"), rs.getInt("width"), rs.getInt("height"),
                                    rs.getObject("bandwidth", Integer.class), rs.getObject("average_bandwidth", Integer.class),
                                    rs.getString("codecs"), rs.getObject("frame_rate", Double.class), rs.getBoolean("ready"),
                                    rs.getBoolean("complete")));
                    return null;
                })
                .list();
        return byVideo;
    }

    private Video row(ResultSet rs, int n) throws SQLException {
        String errorCode = rs.getString("error_code");
        return new Video(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                strings(rs.getArray("hashtags")),
                Visibility.valueOf(rs.getString("visibility")),
                VideoStatus.valueOf(rs.getString("status")),
                rs.getInt("progress"),
                errorCode == null ? null : new Video.VideoError(errorCode, rs.getString("error_message")),
                rs.getObject("duration_ms", Long.class),
                rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class),
                rs.getBoolean("has_poster"),
                rs.getBoolean("has_storyboard"),
                List.of(),
                new Video.Counts(rs.getLong("view_count"), rs.getLong("like_count"), rs.getLong("comment_count")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("published_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
