package io.toktik.core.social;

import io.toktik.core.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notifications. A batched type keeps one open row per (recipient, type, video) under {@code batch_key} while it is
 * unread and younger than the window: a new actor updates it (count, latest actor, time) instead of adding a row,
 * and the unique index makes that hold for actors arriving at the same moment.
 */
public final class JdbcNotificationRepository {
    private static final String SELECT = """
            select n.id, n.recipient_id, n.type, n.actor_count, n.video_id, n.body, n.read_at, n.created_at,
                   n.actor_id, u.username, u.display_name, u.avatar_key, v.title
            from notifications n left join users u on u.id = n.actor_id left join videos v on v.id = n.video_id""";

    private final JdbcClient jdbc;
    private final Duration batchWindow;

    public JdbcNotificationRepository(JdbcClient jdbc, Duration batchWindow) {
        this.jdbc = jdbc;
        this.batchWindow = batchWindow;
    }

    /** Records that {@code actor} (null: nobody) did {@code type}; @return the notification as it now stands */
    public Notification record(UUID recipient, NotificationType type, UUID actor, UUID videoId, String body) {
        if (!type.batched()) return insert(recipient, type, actor, videoId, body, null).orElseThrow();
        String batchKey = type.name() + (videoId == null ? "" : ":" + videoId);
        Optional<Notification> joined = insert(recipient, type, actor, videoId, body, batchKey);
        for (int attempt = 0; joined.isEmpty() && attempt < 3; attempt++) { // the open batch is too old: close it, open another
            jdbc.sql("update notifications set batch_key = null where recipient_id = ? and batch_key = ?")
                    .params(recipient, batchKey).update();
            joined = insert(recipient, type, actor, videoId, body, batchKey);
        }
        return joined.orElseThrow();
    }

    /** Newest first (a batch moves up when it grows), after {@code after} when given. */
    public List<Notification> page(UUID recipient, Cursor after, int limit) {
        return Keyset.newestFirst(jdbc, SELECT, "n", "recipient_id", recipient, after, limit, JdbcNotificationRepository::row);
    }

    public long unreadCount(UUID recipient) {
        return jdbc.sql("select count(*) from notifications where recipient_id = ? and read_at is null")
                .param(recipient).query(Long.class).single();
    }

    /** Marks the recipient's notifications read (only {@code ids}, when given); read ones no longer gather actors. */
    public void markRead(UUID recipient, Collection<UUID> ids) {
        String sql = "update notifications set read_at = now(), batch_key = null where recipient_id = :recipient and read_at is null";
        var spec = ids == null ? jdbc.sql(sql) : jdbc.sql(sql + " and id = any(:ids)").param("ids", ids.toArray(UUID[]::new));
        spec.param("recipient", recipient).update();
    }

    /** Inserts, or joins the open batch; empty when the open batch is too old to join. */
    private Optional<Notification> insert(UUID recipient, NotificationType type, UUID actor, UUID videoId, String body,
                                          String batchKey) {
        return jdbc.sql("""
                insert into notifications (id, recipient_id, type, actor_id, video_id, body, batch_key)
                values (:id, :recipient, :type, :actor, :video, :body, :batch)
                on conflict (recipient_id, batch_key) where batch_key is not null do update
                    set actor_count = notifications.actor_count
                            + case when notifications.actor_id = excluded.actor_id then 0 else 1 end,
                        actor_id = excluded.actor_id, created_at = now()
                    where notifications.opened_at > now() - make_interval(secs => :window)
                returning id""")
                .param("id", UUID.randomUUID()).param("recipient", recipient).param("type", type.name())
                .param("actor", actor).param("video", videoId).param("body", truncate(body)).param("batch", batchKey)
                .param("window", (double) batchWindow.toMillis() / 1000)
                .query(UUID.class).optional()
                .map(id -> jdbc.sql(SELECT + " where n.id = ?").param(id).query(JdbcNotificationRepository::row).single());
    }

    private static String truncate(String body) {
        String text = body == null ? "" : body;
        if (text.codePointCount(0, text.length()) <= 500) return text;
        return text.substring(0, text.offsetByCodePoints(0, 499)) + "…";
    }

    private static Notification row(ResultSet rs, int n) throws SQLException {
        UUID actorId = rs.getObject("actor_id", UUID.class);
        return new Notification(rs.getObject("id", UUID.class), rs.getObject("recipient_id", UUID.class),
                NotificationType.valueOf(rs.getString("type")),
                actorId == null ? null : UserRef.of(actorId, rs.getString("username"), rs.getString("display_name"), rs.getString("avatar_key")),
                rs.getInt("actor_count"), rs.getObject("video_id", UUID.class), rs.getString("title"),
                rs.getString("body"), rs.getTimestamp("read_at") != null, rs.getTimestamp("created_at").toInstant());
    }
}
