package io.toktik.server.social;

import io.toktik.core.Cursor;
import io.toktik.core.Page;
import io.toktik.server.api.ApiException;
import java.util.List;
import java.util.function.Function;

/** Keyset pages: ask the store for one more than the limit; if it came, there is a next page. */
final class Pages {
    private Pages() {}

    static int checkLimit(int limit) {
        if (limit < 1 || limit > 100) throw ApiException.badRequest("limit must be between 1 and 100.");
        return limit;
    }

    static Cursor after(String cursor) {
        return cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor);
    }

    /** @param found up to {@code limit + 1} items, in order */
    static <T, J> Page<J> of(List<T> found, int limit, Function<T, Cursor> cursorOf, Function<T, J> render) {
        List<T> page = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? cursorOf.apply(page.getLast()).encode() : null;
        return new Page<>(page.stream().map(render).toList(), next);
    }
}
