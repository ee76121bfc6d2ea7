package io.toktik.core.social;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A comment on a video; {@code parentId} is the top-level comment it replies to, or null. */
public record Comment(UUID id, UUID videoId, UUID parentId, UserRef author, String text, Instant createdAt) {

    public boolean isReply() {
        return parentId != null;
    }

    /** The comment as events carry it (no null values: {@code parentId} only on replies). */
    Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("videoId", videoId.toString());
        data.put("author", author.data());
        data.put("text", text);
        if (parentId != null) data.put("parentId", parentId.toString());
        data.put("createdAt", createdAt.toString());
        return data;
    }
}
