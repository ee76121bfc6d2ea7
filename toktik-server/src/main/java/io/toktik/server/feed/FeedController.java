package io.toktik.server.feed;

import io.toktik.server.api.Caller;
import io.toktik.server.api.PageLimits;
import io.toktik.core.Page;
import io.toktik.core.feed.FeedQueries;
import io.toktik.core.feed.FeedTab;
import io.toktik.core.feed.RankCursor;
import io.toktik.core.feed.Ranked;
import io.toktik.server.api.VideoJson;
import io.toktik.server.config.ConditionalOnRole;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/feed?tab=foryou|following|latest|trending}: READY PUBLIC videos, a page at a time. */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class FeedController {
    private final FeedQueries feeds;
    private final VideoPages pages;

    FeedController(FeedQueries feeds, VideoPages pages) {
        this.feeds = feeds;
        this.pages = pages;
    }

    @GetMapping("/api/feed")
    Page<VideoJson> feed(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "foryou") String tab,
                         @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        FeedTab feed = FeedTab.parse(tab);
        int n = PageLimits.check(limit);
        Optional<UUID> caller = Caller.of(jwt);
        RankCursor after = cursor == null || cursor.isEmpty() ? null : RankCursor.decode(cursor, feed.key());
        List<Ranked> found = switch (feed) {
            case LATEST -> feeds.latest(after, n + 1);
            case FOLLOWING -> feeds.following(Caller.required(jwt), after, n + 1);
            case TRENDING -> feeds.trending(after, n + 1);
            case FORYOU -> feeds.forYou(caller.orElse(null), after, n + 1);
        };
        return pages.page(found, n, feed.key(), caller);
    }
}
