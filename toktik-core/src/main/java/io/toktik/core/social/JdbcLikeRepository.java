package io.toktik.core.social;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Likes, one row per (video, user). The video's {@code like_count} moves in the same transaction and only when a row
 * was inserted or deleted, so concurrent and repeated requests keep it exact.
 */
public final class JdbcLikeRepository {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcLikeRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** @return the state after liking; empty when the video is gone */
    public Optional<LikeState> like(UUID videoId, UUID userId) {
        return change(videoId, true, () -> jdbc.sql("insert into video_likes (video_id, user_id) values (?, ?) on conflict do nothing")
                .params(videoId, userId).update() == 1);
    }

    /** @return the state after unliking; empty when the video is gone */
    public Optional<LikeState> unlike(UUID videoId, UUID userId) {
        return change(videoId, false, () -> jdbc.sql("delete from video_likes where video_id = ? and user_id = ?")
                .params(videoId, userId).update() == 1);
    }

    /** Of {@code videoIds}, those {@code userId} likes: one query for a whole page. */
    public Set<UUID> likedAmong(UUID userId, Collection<UUID> videoIds) {
        if (videoIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select video_id from video_likes where user_id = ? and video_id = any(?)")
                .params(userId, videoIds.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** Runs {@code write} and, when it changed a row, moves the count by one, all in one transaction. */
    private Optional<LikeState> change(UUID videoId, boolean liked, BooleanSupplier write) {
        try {
            return Optional.ofNullable(tx.execute(s -> {
                boolean changed = write.getAsBoolean();
                Optional<Long> count = changed
                        ? jdbc.sql("update videos set like_count = like_count + ? where id = ? returning like_count")
                                .params(liked ? 1 : -1, videoId).query(Long.class).optional()
                        : jdbc.sql("select like_count from videos where id = ?").param(videoId).query(Long.class).optional();
                return count.map(c -> new LikeState(liked, c, changed)).orElse(null);
            }));
        } catch (DataIntegrityViolationException e) {
            return Optional.empty(); // the video was deleted while we liked it
        }
    }
}
