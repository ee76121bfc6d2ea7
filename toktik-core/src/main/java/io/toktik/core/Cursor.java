package io.toktik.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** An opaque keyset cursor: the (time, id) of the last item of a page, newest-first ordering. */
public record Cursor(Instant time, UUID id) {

    public String encode() {
        String raw = time.toEpochMilli() + ":" + time.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this server made */
    public static Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
            Instant time = Instant.ofEpochMilli(Long.parseLong(parts[0])).plusNanos(Long.parseLong(parts[1]) % 1_000_000);
            return new Cursor(time, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid cursor.");
        }
    }
}
