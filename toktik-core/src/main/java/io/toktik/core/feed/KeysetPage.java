package io.toktik.core.feed;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One page of READY PUBLIC videos in descending (key, id) order after a cursor: the query every feed shares. */
final class KeysetPage {
    private static final String LISTED = "v.status = 'READY' and v.visibility = 'PUBLIC'";

    private KeysetPage() {}

    /** @param filter more conditions ({@code and …}) on {@code videos v}, with their named {@code params} */
    static List<Ranked> query(JdbcClient jdbc, SortKey sort, String filter, Map<String, Object> params,
                              RankCursor after, int limit) {
        String sql = "select v.id, " + sort.expression + " as k from videos v where " + LISTED + " " + filter
                + (after == null ? "" : " and (" + sort.expression + ", v.id) < (:after, :afterId)")
                + " order by " + sort.expression + " desc, v.id desc limit :limit";
        var spec = jdbc.sql(sql).params(params).param("limit", limit);
        if (after != null) spec = spec.param("after", sort.bind(after.key())).param("afterId", after.id());
        return spec.query((rs, n) -> new Ranked(rs.getObject("id", UUID.class), sort.read(rs))).list();
    }
}
