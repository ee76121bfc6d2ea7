package io.toktik.core.social;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who follows whom. Counts are indexed counts rather than counters: exact under any concurrency, with no hot row
 * and no lock ordering between two users following each other at once.
 */
public final class JdbcFollowRepository {
    private final JdbcClient jdbc;

    public JdbcFollowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this call made {@code follower} follow {@code followee} (false: already did) */
    public boolean follow(UUID follower, UUID followee) {
        return jdbc.sql("insert into follows (follower_id, followee_id) values (?, ?) on conflict do nothing")
                .params(follower, followee).update() == 1;
    }

    /** @return true when this call ended the follow (false: there was none) */
    public boolean unfollow(UUID follower, UUID followee) {
        return jdbc.sql("delete from follows where follower_id = ? and followee_id = ?")
                .params(follower, followee).update() == 1;
    }

    public boolean isFollowing(UUID follower, UUID followee) {
        return jdbc.sql("select exists (select 1 from follows where follower_id = ? and followee_id = ?)")
                .params(follower, followee).query(Boolean.class).single();
    }

    /** @param allVideos count every video of the user (their own profile), else only READY, PUBLIC ones */
    public ProfileCounts counts(UUID user, boolean allVideos) {
        return jdbc.sql("""
                select (select count(*) from follows where followee_id = :user) as followers,
                       (select count(*) from follows where follower_id = :user) as following,
                       (select count(*) from videos where owner_id = :user
                            and (:all or (status = 'READY' and visibility = 'PUBLIC'))) as videos""")
                .param("user", user).param("all", allVideos)
                .query((rs, n) -> new ProfileCounts(rs.getLong("followers"), rs.getLong("following"), rs.getLong("videos")))
                .single();
    }
}
