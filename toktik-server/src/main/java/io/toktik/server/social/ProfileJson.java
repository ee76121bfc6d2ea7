package io.toktik.server.social;

import io.toktik.core.social.ProfileCounts;
import io.toktik.core.user.User;
import io.toktik.server.auth.UserJson;

/** A user's public profile (see API.md, Users). */
record ProfileJson(String id, String username, String displayName, String bio, String avatarUrl, long followerCount,
                   long followingCount, long videoCount, boolean followedByMe) {

    static ProfileJson of(User u, ProfileCounts counts, boolean followedByMe) {
        return new ProfileJson(u.id().toString(), u.username(), u.displayName(), u.bio(), UserJson.avatarUrl(u), counts.followers(),
                counts.following(), counts.videos(), followedByMe);
    }
}
