package io.toktik.server.social;

import io.toktik.server.api.Caller;
import io.toktik.core.social.JdbcFollowRepository;
import io.toktik.core.social.Notifier;
import io.toktik.core.user.User;
import io.toktik.core.user.UserRepository;
import io.toktik.server.api.ApiException;
import io.toktik.server.config.ConditionalOnRole;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Profiles and follows. {@code videoCount} counts READY, PUBLIC videos, or every video of one's own profile (as
 * {@code GET /api/users/{username}/videos} lists them). Follow and unfollow answer the profile as it now stands.
 */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class UserController {
    private final UserRepository users;
    private final JdbcFollowRepository follows;
    private final Notifier notifier;

    UserController(UserRepository users, JdbcFollowRepository follows, Notifier notifier) {
        this.users = users;
        this.follows = follows;
        this.notifier = notifier;
    }

    @GetMapping("/api/users/{username}")
    ProfileJson profile(@AuthenticationPrincipal Jwt jwt, @PathVariable String username) {
        return profile(user(username), Caller.of(jwt));
    }

    @PutMapping("/api/users/{username}/follow")
    ProfileJson follow(@AuthenticationPrincipal Jwt jwt, @PathVariable String username) {
        UUID me = Caller.required(jwt);
        User followee = user(username);
        if (followee.id().equals(me)) throw ApiException.badRequest("You cannot follow yourself.");
        if (follows.follow(me, followee.id())) notifier.followed(followee.id(), me);
        return profile(followee, Optional.of(me));
    }

    @DeleteMapping("/api/users/{username}/follow")
    ProfileJson unfollow(@AuthenticationPrincipal Jwt jwt, @PathVariable String username) {
        UUID me = Caller.required(jwt);
        User followee = user(username);
        follows.unfollow(me, followee.id());
        return profile(followee, Optional.of(me));
    }

    private ProfileJson profile(User user, Optional<UUID> caller) {
        boolean self = caller.map(user.id()::equals).orElse(false);
        boolean followed = caller.filter(c -> !self).map(c -> follows.isFollowing(c, user.id())).orElse(false);
        return ProfileJson.of(user, follows.counts(user.id(), self), followed);
    }

    private User user(String username) {
        return users.findByUsername(username).orElseThrow(() -> ApiException.notFound("User"));
    }
}
