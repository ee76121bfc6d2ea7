package io.toktik.server.api;

/** The {@code limit} of a list request: 1 to 100 items a page. */
public final class PageLimits {
    public static final int MAX = 100;

    private PageLimits() {}

    /** @throws ApiException 400 unless 1 ≤ limit ≤ 100 */
    public static int check(int limit) {
        if (limit < 1 || limit > MAX) throw ApiException.badRequest("limit must be between 1 and " + MAX + ".");
        return limit;
    }
}
