package io.toktik.core.social;

import io.toktik.core.Cursor;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keyset pages, newest first by {@code (created_at, id)}: what an index on those columns reads without skipping. */
final class Keyset {
    private Keyset() {}

    /**
     * @param select a query whose main table is aliased {@code table}, without a where clause
     * @return up to {@code limit} rows where {@code table.column = key}, after {@code after} when given
     */
    static <T> List<T> newestFirst(JdbcClient jdbc, String select, String table, String column, UUID key, Cursor after,
                                   int limit, RowMapper<T> row) {
        String t = table + ".";
        String sql = select + " where " + t + column + " = :key"
                + (after == null ? "" : " and (" + t + "created_at, " + t + "id) < (:time, :id)")
                + " order by " + t + "created_at desc, " + t + "id desc limit :limit";
        var spec = jdbc.sql(sql).param("key", key).param("limit", limit);
        if (after != null) spec = spec.param("time", Timestamp.from(after.time())).param("id", after.id());
        return spec.query(row).list();
    }
}
