package io.toktik.core.social;

import io.toktik.core.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Comments and their replies. The video's {@code comment_count} moves in the same transaction as the rows, by the
 * number of rows actually inserted or deleted (a parent takes its replies with it).
 */
public final class JdbcCommentRepository {
    private static final String SELECT = """
            select c.id, c.video_id, c.parent_id, c.text, c.created_at, u.id as author_id, u.username, u.display_name, u.avatar_key
            from comments c join users u on u.id = c.author_id""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcCommentRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public Optional<Comment> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(JdbcCommentRepository::row).optional();
    }

    /** Newest first, after {@code after} when given; replies are listed like any comment, with their parent's id. */
    public List<Comment> page(UUID videoId, Cursor after, int limit) {
        return Keyset.newestFirst(jdbc, SELECT, "c", "video_id", videoId, after, limit, JdbcCommentRepository::row);
    }

    /**
     * Adds a comment and counts it. Adding and deleting comments of one video take the video's row lock first (the
     * count's update), so a reply and the deletion of its parent never interleave, and locks are always taken
     * video first, as deleting the video does.
     *
     * @return the comment as stored; empty when the video or the parent is gone
     */
    public Optional<Comment> add(UUID videoId, UUID authorId, UUID parentId, String text) {
        UUID id = UUID.randomUUID();
        try {
            Boolean added = tx.execute(s -> {
                if (jdbc.sql("update videos set comment_count = comment_count + 1 where id = ?").param(videoId).update() == 0) {
                    return false;
                }
                if (parentId != null && find(parentId).isEmpty()) {
                    s.setRollbackOnly();
                    return false;
                }
                jdbc.sql("insert into comments (id, video_id, author_id, parent_id, text) values (?, ?, ?, ?, ?)")
                        .params(id, videoId, authorId, parentId, text).update();
                return true;
            });
            return Boolean.TRUE.equals(added) ? find(id) : Optional.empty();
        } catch (DataIntegrityViolationException e) {
            return Optional.empty(); // the author's account went away meanwhile
        }
    }

    /**
     * Deletes a comment with its replies, holding the video's row lock (see {@link #add}).
     *
     * @return how many comments were deleted (0: it was already gone)
     */
    public int delete(UUID id) {
        Integer deleted = tx.execute(s -> {
            Optional<UUID> video = jdbc.sql("select video_id from comments where id = ?").param(id).query(UUID.class).optional();
            if (video.isEmpty() || jdbc.sql("select id from videos where id = ? for no key update").param(video.get())
                    .query(UUID.class).optional().isEmpty()) {
                return 0;
            }
            int n = jdbc.sql("delete from comments where id = ? or parent_id = ?").params(id, id).update();
            jdbc.sql("update videos set comment_count = comment_count - ? where id = ?").params(n, video.get()).update();
            return n;
        });
        return deleted == null ? 0 : deleted;
    }

    private static Comment row(ResultSet rs, int n) throws SQLException {
        return new Comment(rs.getObject("id", UUID.class), rs.getObject("video_id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                UserRef.of(rs.getObject("author_id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("avatar_key")),
                rs.getString("text"), rs.getTimestamp("created_at").toInstant());
    }
}
