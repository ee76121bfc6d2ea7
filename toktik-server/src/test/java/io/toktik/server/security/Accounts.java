package io.toktik.server.security;

import io.toktik.server.TestApi;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Signs people up for the security tests, keeping everything a session gives. */
final class Accounts {
    static final String PASSWORD = "correct horse battery";

    private Accounts() {}

    record Account(String id, String username, String accessToken, String refreshToken) {}

    static Account signup(TestApi api, String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        TestApi.Response r = api.post("/api/auth/signup", null, Map.of("username", name, "password", PASSWORD));
        if (r.status() != 201) throw new IllegalStateException("signup failed: " + r);
        return of(r.json());
    }

    static Account of(JsonNode session) {
        return new Account(session.get("user").get("id").asString(), session.get("user").get("username").asString(),
                session.get("accessToken").asString(), session.get("refreshToken").asString());
    }

    /** A new draft video (status UPLOADING) of the account; its id. */
    static String draft(TestApi api, Account owner, String visibility) {
        TestApi.Response r = api.post("/api/videos", owner.accessToken(), Map.of("title", "draft", "visibility", visibility));
        if (r.status() != 201) throw new IllegalStateException("create failed: " + r);
        return r.json().get("id").asString();
    }
}
