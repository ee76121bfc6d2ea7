package io.toktik.core.feed;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The feeds as keyset queries over READY PUBLIC videos, each served by a partial index (see the V5 migration):
 * {@code limit} ids after the cursor, in descending (key, id) order, so pages never repeat a video.
 */
public final class FeedQueries {
    private final JdbcClient jdbc;

    public FeedQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Ranked> latest(RankCursor after, int limit) {
        return KeysetPage.query(jdbc, SortKey.PUBLISHED, "", Map.of(), after, limit);
    }

    /** Newest first among the followed people's videos; the followees are read once, as an array. */
    public List<Ranked> following(UUID follower, RankCursor after, int limit) {
        return KeysetPage.query(jdbc, SortKey.PUBLISHED,
                "and v.owner_id = any(array(select f.followee_id from follows f where f.follower_id = :user))",
                Map.of("user", follower), after, limit);
    }

    /** Hottest first, without the videos {@code viewer} (when signed in, else null) has a counted view of. */
    public List<Ranked> forYou(UUID viewer, RankCursor after, int limit) {
        if (viewer == null) return KeysetPage.query(jdbc, SortKey.HOT, "", Map.of(), after, limit);
        return KeysetPage.query(jdbc, SortKey.HOT,
                "and not exists (select 1 from watched_videos w where w.user_id = :user and w.video_id = v.id)",
                Map.of("user", viewer), after, limit);
    }

    /** Most engagement among the videos published in the last 48 hours. */
    public List<Ranked> trending(RankCursor after, int limit) {
        return KeysetPage.query(jdbc, SortKey.ENGAGEMENT, "and v.published_at > now() - interval '48 hours'",
                Map.of(), after, limit);
    }
}
