package io.toktik.core.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A descending order of videos: the SQL expression sorted on, and how its value travels in a {@link RankCursor}. */
enum SortKey {
    /** Newest first. */
    PUBLISHED("v.published_at", Type.TIME),
    /** The stored hot score. */
    HOT("v.hot_score", Type.DOUBLE),
    /** Full-text relevance to the query {@code :q}. */
    RANK("ts_rank(v.search_text, websearch_to_tsquery('simple', :q))::float8", Type.DOUBLE),
    /** Weighted engagement count. */
    ENGAGEMENT("v.engagement", Type.LONG);

    /** How a sort value is held in a cursor's long: epoch microseconds, the bits of a double, or itself. */
    private enum Type { TIME, DOUBLE, LONG }

    final String expression;
    private final Type type;

    SortKey(String expression, Type type) {
        this.expression = expression;
        this.type = type;
    }

    /** The sort value of the current row, selected as {@code k}. */
    long read(ResultSet rs) throws SQLException {
        return switch (type) {
            case TIME -> ChronoUnit.MICROS.between(Instant.EPOCH, rs.getTimestamp("k").toInstant());
            case DOUBLE -> Double.doubleToLongBits(rs.getDouble("k"));
            case LONG -> rs.getLong("k");
        };
    }

    /** The cursor's long as a JDBC parameter comparable with {@link #expression}. */
    Object bind(long key) {
        return switch (type) {
            case TIME -> Timestamp.from(Instant.EPOCH.plus(key, ChronoUnit.MICROS));
            case DOUBLE -> Double.longBitsToDouble(key);
            case LONG -> key;
        };
    }
}
