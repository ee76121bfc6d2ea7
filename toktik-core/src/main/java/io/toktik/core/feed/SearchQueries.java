package io.toktik.core.feed;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search over READY PUBLIC videos (words of titles and descriptions, most relevant first; or one hashtag, newest
 * first) and over users (prefix of username or display name, ignoring case). Input is only ever a bound parameter.
 */
public final class SearchQueries {
    private final JdbcClient jdbc;

    public SearchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param query web-search syntax: words, "a phrase", -excluded, a or b */
    public List<Ranked> words(String query, RankCursor after, int limit) {
        return KeysetPage.query(jdbc, SortKey.RANK, "and v.search_text @@ websearch_to_tsquery('simple', :q)",
                Map.of("q", query), after, limit);
    }

    /** @param tag lower-case, without the {@code #} */
    public List<Ranked> hashtag(String tag, RankCursor after, int limit) {
        return KeysetPage.query(jdbc, SortKey.PUBLISHED, "and v.hashtags @> array[cast(:tag as text)]",
                Map.of("tag", tag), after, limit);
    }

    public List<UserMatch> users(String prefix, int limit) {
        String like = prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        select id, username, display_name, avatar_key from users
                        where username_key like :p escape '\\' or lower(display_name) like :p escape '\\'
                        order by username_key limit :limit""")
                .param("p", like).param("limit", limit)
                .query((rs, n) -> new UserMatch(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("avatar_key")))
                .list();
    }
}
