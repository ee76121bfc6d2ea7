package io.toktik.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mutating endpoint, called by nobody, by another user and by the owner: 401 without a token; someone else's
 * private or unfinished video is 404 (as if absent), someone else's public one 403; the owner succeeds.
 */
class AuthorizationMatrixIT extends ServerIT {
    private static final Set<Integer> UNAUTHORIZED = Set.of(401);
    private static final Set<Integer> NOT_FOUND = Set.of(404);
    private static final Set<Integer> FORBIDDEN = Set.of(403);

    /** Owner of every target; the "other user" is new for each row. */
    private static Accounts.Account owner;
    private static String readyPrivate;
    private static String readyPublic;

    @BeforeEach
    void targets() {
        if (owner != null) return;
        owner = Accounts.signup(api, "matrix");
        readyPrivate = ReadyVideos.upload(api, owner, "PRIVATE").get("id").asString();
        readyPublic = ReadyVideos.upload(api, owner, "PUBLIC").get("id").asString();
    }

    /** Prepares a target of the owner's, then makes the call with a token (null: anonymous). */
    interface Row {
        Call prepare(TestApi api);
    }

    interface Call {
        TestApi.Response as(String token);
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                row("POST /api/videos", api -> t -> api.post("/api/videos", t, Map.of("title", "x")),
                        UNAUTHORIZED, Set.of(201), Set.of(201)),
                row("PUT /api/videos/{draft}/source", api -> {
                    String id = Accounts.draft(api, owner, "PUBLIC");
                    return t -> api.putBytes("/api/videos/" + id + "/source", t, "not a video".getBytes());
                }, UNAUTHORIZED, NOT_FOUND, Set.of(202)),
                row("PATCH /api/videos/{private}", api -> t -> api.patch("/api/videos/" + readyPrivate, t, Map.of("title", "renamed")),
                        UNAUTHORIZED, NOT_FOUND, Set.of(200)),
                row("PATCH /api/videos/{public}", api -> t -> api.patch("/api/videos/" + readyPublic, t, Map.of("title", "renamed")),
                        UNAUTHORIZED, FORBIDDEN, Set.of(200)),
                row("DELETE /api/videos/{draft}", api -> {
                    String id = Accounts.draft(api, owner, "PRIVATE");
                    return t -> api.delete("/api/videos/" + id, t);
                }, UNAUTHORIZED, NOT_FOUND, Set.of(204)),
                row("PATCH /api/me", api -> t -> api.patch("/api/me", t, Map.of("bio", "hi")),
                        UNAUTHORIZED, Set.of(200), Set.of(200)),
                row("PUT /api/me/avatar", api -> t -> api.putBytes("/api/me/avatar", t, Images.picture("png", 32, 32)),
                        UNAUTHORIZED, Set.of(200), Set.of(200)),
                row("POST /api/me/password", api -> t -> api.post("/api/me/password", t,
                                Map.of("currentPassword", Accounts.PASSWORD, "newPassword", Accounts.PASSWORD)),
                        UNAUTHORIZED, Set.of(204), Set.of(204)),
                row("PUT /api/videos/{private}/like", api -> t -> api.putBytes("/api/videos/" + readyPrivate + "/like", t, new byte[0]),
                        UNAUTHORIZED, NOT_FOUND, Set.of(200)),
                row("DELETE /api/videos/{private}/like", api -> t -> api.delete("/api/videos/" + readyPrivate + "/like", t),
                        UNAUTHORIZED, NOT_FOUND, Set.of(200)),
                row("POST /api/videos/{private}/comments", api -> t -> api.post("/api/videos/" + readyPrivate + "/comments", t,
                        Map.of("text", "nice")), UNAUTHORIZED, NOT_FOUND, Set.of(201)),
                row("DELETE /api/comments/{owner's comment}", api -> {
                    String id = api.post("/api/videos/" + readyPublic + "/comments", owner.accessToken(), Map.of("text", "mine"))
                            .json().get("id").asString();
                    return t -> api.delete("/api/comments/" + id, t);
                }, UNAUTHORIZED, FORBIDDEN, Set.of(204)),
                row("POST /api/videos/{private}/views", api -> t -> api.post("/api/videos/" + readyPrivate + "/views", t,
                        Map.of("watchedMs", 1000)), NOT_FOUND, NOT_FOUND, Set.of(202)), // anonymous viewers count too
                row("PUT /api/users/{owner}/follow", api -> t -> api.putBytes("/api/users/" + owner.username() + "/follow", t, new byte[0]),
                        UNAUTHORIZED, Set.of(200), Set.of(400)),
                row("DELETE /api/users/{owner}/follow", api -> t -> api.delete("/api/users/" + owner.username() + "/follow", t),
                        UNAUTHORIZED, Set.of(200), Set.of(200, 400)),
                row("POST /api/notifications/read", api -> t -> api.post("/api/notifications/read", t, Map.of()),
                        UNAUTHORIZED, Set.of(204), Set.of(204)),
                // last: the other rows use this video
                row("DELETE /api/videos/{public}", api -> t -> api.delete("/api/videos/" + readyPublic, t),
                        UNAUTHORIZED, FORBIDDEN, Set.of(204)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void endpoint_answersNobodyOtherUserAndOwnerAsExpected(String name, Row row, Set<Integer> anonymous, Set<Integer> other,
                                                           Set<Integer> owners) {
        Call call = row.prepare(api);
        TestApi.Response asNobody = call.as(null);
        assertThat(asNobody.status()).as("anonymous: " + asNobody).isIn(anonymous);
        assertThat(asNobody.header("Content-Type")).as("anonymous").startsWith("application/problem+json");
        TestApi.Response asOther = call.as(Accounts.signup(api, "other").accessToken());
        assertThat(asOther.status()).as("other user: " + asOther).isIn(other);
        TestApi.Response asOwner = call.as(owner.accessToken());
        assertThat(asOwner.status()).as("owner: " + asOwner).isIn(owners);
    }

    private static Arguments row(String name, Row row, Set<Integer> anonymous, Set<Integer> other, Set<Integer> owner) {
        return Arguments.of(name, row, anonymous, other, owner);
    }
}
