package io.toktik.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;

/** Bad input gets a clear error or close code, never a crash, and never disturbs other clients. */
class RealtimeBadInputIT extends RealtimeServerIT {
    @Autowired
    JwtEncoder jwtEncoder;

    @Autowired
    MeterRegistry meters;

    private String owner;
    private String bystanderTopic;
    private WsClient bystander;

    @BeforeEach
    void bystander() {
        owner = api.newUser("rt_owner");
        bystanderTopic = "video:" + newVideo(owner, "PUBLIC");
        bystander = WsClient.connect(wsUrl(owner));
        bystander.follow(bystanderTopic);
    }

    @AfterEach
    void bystanderIsUnaffected() {
        publish(bystanderTopic, "comment.created", Map.of("id", "after", "text", "still here"));
        assertThat(bystander.next().get("data").get("text").asString()).isEqualTo("still here");
        bystander.close();
    }

    @Test
    void malformedFramesAndUnknownOps_getAnError_andTheConnectionGoesOn() {
        try (WsClient client = WsClient.connect(wsUrl())) {
            Map<String, String> expected = Map.of(
                    "not json", "Not JSON",
                    "[1, 2]", "must be a JSON object",
                    "\"subscribe\"", "must be a JSON object",
                    "{}", "Missing \"op\"",
                    "{\"op\": 42}", "Missing \"op\"",
                    "{\"op\": \"dance\"}", "Unknown op \"dance\"",
                    "{\"op\": \"subscribe\"}", "Missing \"topic\"",
                    "{\"op\": \"subscribe\", \"topic\": \"channel:42\"}", "Unknown topic",
                    "{\"op\": \"auth\"}", "Missing \"token\"",
                    "{\"op\": \"subscribe\", \"topic\": [\"video:1\"]}", "Missing \"topic\"");
            expected.forEach((input, message) -> {
                client.send(input);
                JsonNode answer = client.next();
                assertThat(answer.get("type").asString()).as(input).isEqualTo("error");
                assertThat(answer.get("message").asString()).as(input).contains(message);
            });
            client.send("{\"op\": \"" + "x".repeat(3000) + "\"}");
            assertThat(client.next().get("message").asString()).as("long input is not echoed in full").hasSizeLessThan(200);

            client.send(Map.of("op", "ping"));
            assertThat(client.next().get("type").asString()).isEqualTo("pong");
            client.send(Map.of("op", "auth", "token", owner));
            assertThat(client.next().get("type").asString()).isEqualTo("authenticated");
            client.follow(bystanderTopic);
        }
    }

    @Test
    void aMessageOverTheSizeLimit_closesTheConnectionWith1009() {
        try (WsClient client = WsClient.connect(wsUrl())) {
            client.send("{\"op\":\"subscribe\",\"topic\":\"" + "v".repeat(5000) + "\"}");
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void subscribingTo10000Topics_stopsAtTheCap_withAnErrorForEachExtraOne() {
        String user = api.newUser("rt_greedy");
        try (WsClient client = WsClient.connect(wsUrl(user))) {
            for (int i = 0; i < 100; i++) {
                client.follow("video:" + newVideo(user, "PUBLIC"));
            }
            JsonNode refused = client.subscribe("video:" + newVideo(user, "PUBLIC"));
            assertThat(refused.get("type").asString()).isEqualTo("error");
            assertThat(refused.get("message").asString()).contains("Too many subscriptions", "100");

            // In batches the client reads as it goes: a client that never reads is (rightly) dropped as too slow.
            for (int batch = 0; batch < 50; batch++) {
                for (int i = 0; i < 200; i++) {
                    client.send(Map.of("op", "subscribe", "topic", "video:" + UUID.randomUUID()));
                }
                for (int i = 0; i < 200; i++) {
                    assertThat(client.next().get("message").asString()).contains("Too many subscriptions");
                }
            }
            client.send(Map.of("op", "ping"));
            assertThat(client.next().get("type").asString()).isEqualTo("pong");
        }
    }

    @Test
    void anExpiredToken_closesTheConnectionWith1008_whetherInTheUrlOrInAnAuthMessage() {
        String expired = token(UUID.randomUUID(), Instant.now().minus(2, ChronoUnit.HOURS));
        try (WsClient inUrl = WsClient.connect(wsUrl(expired)); WsClient inMessage = WsClient.connect(wsUrl())) {
            WsClient.Closed closed = inUrl.awaitClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).contains("expired");

            inMessage.send(Map.of("op", "auth", "token", expired));
            assertThat(inMessage.awaitClose()).isEqualTo(closed);
        }
    }

    @Test
    void aForgedOrMalformedToken_closesTheConnectionWith1008() {
        String valid = api.newUser("rt_victim");
        String[] parts = valid.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
        for (String bad : new String[] {forged, "not-a-token", ""}) {
            try (WsClient client = WsClient.connect(wsUrl())) {
                client.send("{\"op\":\"auth\",\"token\":\"" + bad + "x\"}");
                WsClient.Closed closed = client.awaitClose();
                assertThat(closed.code()).as(bad).isEqualTo(1008);
                assertThat(closed.reason()).isEqualTo("Access token not valid");
            }
        }
    }

    @Test
    void aClientThatStopsReading_isDroppedWith1013_whileOthersOnTheTopicGetEverything() {
        double dropped = meters.counter("toktik.realtime.closed", "code", "1013").count();
        try (WsClient stalled = WsClient.connectWithoutReading(wsUrl(owner))) {
            stalled.send(Map.of("op", "subscribe", "topic", bystanderTopic)); // its one frame: the answer
            eventually("the stalled client follows the topic", () -> registry.followers(bystanderTopic) == 2);

            String text = "x".repeat(32 * 1024);
            for (int i = 0; registry.followers(bystanderTopic) == 2; i++) { // its socket buffers fill, then its queue
                assertThat(i).as("dropped before 256 MiB").isLessThan(8192);
                publish(bystanderTopic, "comment.created", Map.of("id", String.valueOf(i), "text", text));
                assertThat(bystander.next().get("data").get("id").asString()).isEqualTo(String.valueOf(i)); // keeps up
            }
            assertThat(meters.counter("toktik.realtime.closed", "code", "1013").count()).isEqualTo(dropped + 1);

            stalled.resumeReading();
            assertThat(stalled.awaitClose().code()).isEqualTo(1013);
        }
    }

    private String token(UUID user, Instant issuedAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("toktik")
                .subject(user.toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(15, ChronoUnit.MINUTES))
                .build();
        return jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
