package io.toktik.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.TestApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Reads every page of a feed or a search, following {@code nextCursor}. */
final class Feeds {
    private Feeds() {}

    /** Ids of every video of {@code path} (with its query), {@code limit} per page, in order. */
    static List<UUID> all(TestApi api, String path, String token, int limit, String itemsField) {
        List<UUID> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            String url = path + (path.contains("?") ? "&" : "?") + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            TestApi.Response r = api.get(url, token);
            assertThat(r.status()).as("%s → %s", url, r).isEqualTo(200);
            JsonNode body = r.json();
            body.get(itemsField).forEach(v -> ids.add(UUID.fromString(v.get("id").asString())));
            JsonNode next = body.get("nextCursor");
            if (next == null || next.isNull()) return ids;
            cursor = next.asString();
        }
        throw new AssertionError("more than 1000 pages of " + path);
    }

    static List<UUID> feed(TestApi api, String tab, String token, int limit) {
        return all(api, "/api/feed?tab=" + tab, token, limit, "items");
    }

    static List<UUID> search(TestApi api, String q, int limit) {
        return all(api, "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, limit, "videos");
    }
}
