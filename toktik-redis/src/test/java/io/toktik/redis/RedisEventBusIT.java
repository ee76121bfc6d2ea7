package io.toktik.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.toktik.core.events.DomainEvent;
import io.toktik.core.events.EventBus;
import io.toktik.tests.EventBusContract;
import io.toktik.tests.RealServers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis bus passes the event-bus contract against the real server, and keeps its subscriptions over reconnects. */
class RedisEventBusIT extends EventBusContract {
    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    /** Names this run's connections (to find them in CLIENT LIST) and prefixes its channels. */
    static final String RUN = "toktik-it-" + UUID.randomUUID();
    static final String URL = "redis://" + HOST + ":" + PORT + "?clientName=" + RUN;
    static final String PREFIX = RUN + ":";

    private static RedisClient admin;
    private static StatefulRedisConnection<String, String> redis;

    @BeforeAll
    static void connect() {
        RealServers.require("Redis", HOST, PORT);
        admin = RedisClient.create("redis://" + HOST + ":" + PORT);
        redis = admin.connect();
    }

    @AfterAll
    static void disconnect() {
        if (admin != null) admin.shutdown();
    }

    @Override
    protected EventBus newBus() {
        return new RedisEventBus(URL, PREFIX);
    }

    @Override
    protected int raceRounds() {
        return 200; // each round is a few Redis round trips; subscribe and unsubscribe serialise on one lock anyway
    }

    @Test
    void node_isSubscribedToATopicOnlyWhileItHasListeners() throws Exception {
        String t = topic("video");
        AutoCloseable first = node1.subscribe(t, new Inbox());
        AutoCloseable second = node1.subscribe(t, new Inbox());
        assertThat(subscribers(t)).isOne();

        first.close();
        assertThat(subscribers(t)).isOne();
        second.close();
        await(() -> "UNSUBSCRIBE of " + t, () -> subscribers(t) == 0);
    }

    @Test
    void subscriptions_areRestoredAfterTheConnectionsDrop() {
        String t = topic("video");
        Inbox inbox = new Inbox();
        node1.subscribe(t, inbox);
        Set<String> killed = killConnections();

        await(() -> "a new subscribed connection named " + RUN + " in " + clients(), () -> clients().stream()
                .anyMatch(c -> !killed.contains(c.get("id")) && !"0".equals(c.get("sub"))));
        node1.publish(event(t, "after-reconnect"));

        inbox.awaitCount(1);
        assertThat(inbox.types()).containsExactly("after-reconnect");
    }

    @Test
    void messageThatIsNotAnEvent_isSkipped() {
        String t = topic("video");
        Inbox inbox = new Inbox();
        node1.subscribe(t, inbox);

        redis.sync().publish(PREFIX + t, "not json {");
        node1.publish(event(t, "video.ready"));

        inbox.awaitCount(1);
        assertThat(inbox.types()).containsExactly("video.ready");
    }

    @Test
    void dataThatIsNotJson_isRefusedByPublish() {
        DomainEvent event = new DomainEvent(topic("video"), "video.ready", Map.of("thread", new Object()));

        assertThatThrownBy(() -> node1.publish(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("video.ready");
    }

    @Test
    void unreachableRedis_failsConstructionClearly() {
        assertThatThrownBy(() -> new RedisEventBus("redis://127.0.0.1:1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot connect to Redis at 127.0.0.1:1");
    }

    private static long subscribers(String topic) {
        return redis.sync().pubsubNumsub(PREFIX + topic).get(PREFIX + topic);
    }

    /** Kills this run's connections, as a Redis restart would; returns their ids. */
    private static Set<String> killConnections() {
        Set<String> ids = clients().stream().map(c -> c.get("id")).collect(Collectors.toSet());
        for (String id : ids) {
            try {
                redis.sync().clientKill(KillArgs.Builder.id(Long.parseLong(id)));
            } catch (RedisCommandExecutionException e) {
                // closed meanwhile (a bus of an earlier test shutting down)
            }
        }
        assertThat(ids).isNotEmpty();
        return ids;
    }

    /** CLIENT LIST entries (as field maps) of this run's connections. */
    private static List<Map<String, String>> clients() {
        return redis.sync().clientList().lines()
                .map(line -> Arrays.stream(line.split(" "))
                        .map(field -> field.split("=", 2))
                        .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : "", (x, y) -> y)))
                .filter(c -> RUN.equals(c.get("name")))
                .toList();
    }
}
