package io.toktik.server.feed;

import io.toktik.server.api.Caller;
import io.toktik.server.api.PageLimits;
import io.toktik.core.Page;
import io.toktik.core.feed.RankCursor;
import io.toktik.core.feed.Ranked;
import io.toktik.core.feed.SearchQueries;
import io.toktik.core.feed.UserMatch;
import io.toktik.core.video.Hashtags;
import io.toktik.server.api.ApiException;
import io.toktik.server.api.VideoJson;
import io.toktik.server.auth.UserJson;
import io.toktik.server.config.ConditionalOnRole;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=}: READY PUBLIC videos by the words of their title and description (most relevant
 * first) or, for {@code #tag}, by hashtag (newest first); and, on the first page, users whose username or display
 * name starts with {@code q}.
 */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
class SearchController {
    static final int MAX_QUERY = 200;
    private static final int USERS = 10;

    private final SearchQueries search;
    private final VideoPages pages;

    SearchController(SearchQueries search, VideoPages pages) {
        this.search = search;
        this.pages = pages;
    }

    record Result(List<VideoJson> videos, List<FoundUser> users, String nextCursor) {}

    record FoundUser(String id, String username, String displayName, String avatarUrl) {
        static FoundUser of(UserMatch u) {
            return new FoundUser(u.id().toString(), u.username(), u.displayName(), UserJson.avatarUrl(u.avatarKey()));
        }
    }

    @GetMapping("/api/search")
    Result search(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "") String q,
                  @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        String query = q.replace("\u0000", "").strip(); // PostgreSQL text cannot hold NUL
        if (query.isEmpty()) throw ApiException.badRequest("Say what to search for: q must not be empty.");
        if (query.length() > MAX_QUERY) throw ApiException.badRequest("q must be at most " + MAX_QUERY + " characters.");
        int n = PageLimits.check(limit);
        List<String> tags = query.startsWith("#") ? Hashtags.parse(query) : List.of();
        String order = tags.isEmpty() ? "words" : "tag";
        RankCursor after = cursor == null || cursor.isEmpty() ? null : RankCursor.decode(cursor, order);
        List<Ranked> found = tags.isEmpty() ? search.words(query, after, n + 1) : search.hashtag(tags.getFirst(), after, n + 1);
        Page<VideoJson> videos = pages.page(found, n, order, Caller.of(jwt));
        List<FoundUser> users = after != null || !tags.isEmpty() ? List.of()
                : search.users(query, USERS).stream().map(FoundUser::of).toList();
        return new Result(videos.items(), users, videos.nextCursor());
    }
}
