package io.toktik.core.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * A resumable upload of a video's source: {@code received} of {@code length} bytes are stored, in the blob store's
 * multipart upload {@code storeHandle} plus, when the store needs large parts, a staged tail at {@code tailKey}.
 */
public record Upload(
        UUID id,
        UUID videoId,
        UUID ownerId,
        long length,
        long received,
        String metadata,
        String storeHandle,
        String tailKey,
        long tailLength,
        Instant expiresAt) {

    public long remaining() {
        return length - received;
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public boolean isOwnedBy(UUID userId) {
        return ownerId.equals(userId);
    }
}
