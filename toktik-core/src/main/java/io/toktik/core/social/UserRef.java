package io.toktik.core.social;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Who did something, as others see them; {@code avatarUrl} is null when they have no profile picture. */
public record UserRef(UUID id, String username, String displayName, String avatarUrl) {

    /** @param avatarKey the blob key of the profile picture (served under {@code /media/}), or null */
    static UserRef of(UUID id, String username, String displayName, String avatarKey) {
        return new UserRef(id, username, displayName, avatarKey == null ? null : "/media/" + avatarKey);
    }

    /** The JSON shape of a person in events: {@code {id, username, displayName, avatarUrl}}. */
    Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("username", username);
        data.put("displayName", displayName);
        data.put("avatarUrl", avatarUrl);
        return data;
    }
}
