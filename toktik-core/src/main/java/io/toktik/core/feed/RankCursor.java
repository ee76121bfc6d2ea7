package io.toktik.core.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset cursor for any descending order on (key, id): the order's name, the last item's sort key as a
 * long (epoch microseconds, a count, or the bits of a double score) and its id. A cursor of one order is refused by
 * another.
 */
public record RankCursor(String order, long key, UUID id) {

    public String encode() {
        String raw = order + ":" + key + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor of {@code order} made by this server */
    public static RankCursor decode(String text, String order) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", 3);
            if (!parts[0].equals(order)) throw new IllegalArgumentException(order);
            return new RankCursor(order, Long.parseLong(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid cursor.");
        }
    }
}
