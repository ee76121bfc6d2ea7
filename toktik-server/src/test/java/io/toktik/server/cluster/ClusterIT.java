package io.toktik.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.toktik.server.Playback;
import io.toktik.server.TestApi;
import io.toktik.server.realtime.WsClient;
import io.toktik.tests.RealServers;
import io.toktik.tests.S3Server;
import io.toktik.tests.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

/**
 * TokTik as separate services on loopback — 2 × api, 2 × worker, 2 × realtime, each its own JVM from the
 * packaged jar — over the real PostgreSQL, RabbitMQ and Redis of this machine and an S3 server (s3proxy).
 * Events raised on an api node reach clients on every realtime node; a worker killed mid-transcode, a broker
 * restart and a realtime node killed under its clients lose nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(4);

    private static S3Server s3;
    private static Path dir;
    private static Map<String, String> env;
    private static final List<ServerProcess> nodes = new ArrayList<>();
    private static ServerProcess api1, api2;
    private static final List<ServerProcess> workers = new ArrayList<>();
    private static final List<ServerProcess> gateways = new ArrayList<>();
    private static String publicVideo;
    private static TestClips clips;
    private static String token;

    @BeforeAll
    static void startCluster() throws Exception {
        RealServers.require("PostgreSQL", "127.0.0.1", 5432);
        RealServers.require("RabbitMQ", "127.0.0.1", 5672);
        RealServers.require("Redis", "127.0.0.1", 6379);
        dir = Files.createTempDirectory("toktik-cluster");
        s3 = S3Server.start();
        env = SharedServices.env(SharedServices.freshDatabase("toktik_cluster"), s3, "toktik-cluster", dir.resolve("jwt-signing-key.json"));
        env.putAll(Map.of(
                "TOKTIK_QUEUE", "rabbitmq",
                "TOKTIK_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672",
                "TOKTIK_EVENTS", "redis",
                "TOKTIK_REDIS_URL", "redis://127.0.0.1:6379",
                "TOKTIK_WORKER_LEASE", "6s",
                "TOKTIK_WORKER_CONCURRENCY", "1"));
        Queues.purge("amqp://guest:guest@127.0.0.1:5672");

        api1 = node("api-1", "api").awaitReady(READY_TIMEOUT); // migrates the database, makes the signing key
        api2 = node("api-2", "api");
        workers.add(node("worker-1", "worker"));
        workers.add(node("worker-2", "worker"));
        gateways.add(node("realtime-1", "realtime"));
        gateways.add(node("realtime-2", "realtime"));
        List<ServerProcess> starting = new ArrayList<>(List.of(api2));
        starting.addAll(workers);
        starting.addAll(gateways);
        for (ServerProcess p : starting) p.awaitReady(READY_TIMEOUT);

        clips = Playback.clips();
        token = new TestApi(api1.url("")).newUser("cluster");
    }

    @AfterAll
    static void stopCluster() {
        nodes.forEach(ServerProcess::close);
        if (s3 != null) s3.close();
    }

    @Test
    @Order(1)
    void workerOnlyAndApiOnlyNodes_doOnlyTheirJob() {
        TestApi worker = new TestApi(workers.getFirst().url(""));
        assertThat(worker.get("/api/videos/" + UUID.randomUUID(), null).status()).as("no public API on a worker").isEqualTo(404);
        assertThat(worker.get("/", null).status()).as("no web UI on a worker").isEqualTo(404);
        assertThat(worker.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api1.tail()).doesNotContain("Transcoding with");
    }

    @Test
    @Order(2)
    void uploadThroughOneApiNode_readThroughTheOther() {
        String id = upload(api1, clips.landscape(Duration.ofSeconds(4)));
        JsonNode video = awaitVideo(api2, id, complete());
        assertThat(video.get("status").asString()).isEqualTo("READY");
        publicVideo = id;
        Playback.assertDecodesCompletely(api2.url(video.get("hlsUrl").asString()), video.get("renditions").size());
        assertNoOrphans(id, video);
    }

    @Test
    @Order(3)
    void eventsRaisedOnApiNodes_reachClientsOnBothRealtimeNodes() {
        String fan = new TestApi(api1.url("")).newUser("fan");
        try (WsClient onFirst = WsClient.connect(ws(gateways.get(0), null));
             WsClient onSecond = WsClient.connect(ws(gateways.get(1), null));
             WsClient ownerOnSecond = WsClient.connect(ws(gateways.get(1), token))) {
            onFirst.follow("video:" + publicVideo);
            onSecond.follow("video:" + publicVideo);
            ownerOnSecond.follow("user:me");

            assertThat(new TestApi(api2.url("")).putBytes("/api/videos/" + publicVideo + "/like", fan, new byte[0]).status()).isEqualTo(200);
            for (WsClient client : List.of(onFirst, onSecond)) {
                assertThat(next(client, "video.likes").get("data").get("likeCount").asLong()).isEqualTo(1);
            }
            assertThat(next(ownerOnSecond, "notification").get("data").get("type").asString()).isEqualTo("LIKE");

            assertThat(new TestApi(api1.url("")).post("/api/videos/" + publicVideo + "/comments", fan, Map.of("text", "seen from both")).status())
                    .isEqualTo(201);
            for (WsClient client : List.of(onFirst, onSecond)) {
                assertThat(next(client, "comment.created").get("data").get("text").asString()).isEqualTo("seen from both");
            }
        }
    }

    @Test
    @Order(4)
    void realtimeNodeKilled_itsClientsReconnectToTheOtherAndKeepReceiving() {
        String fan = new TestApi(api1.url("")).newUser("fan");
        ServerProcess victim = gateways.getFirst();
        try (WsClient client = WsClient.connect(ws(victim, null))) {
            client.follow("video:" + publicVideo);
            victim.kill();
            client.awaitClose();
        }
        gateways.remove(victim);
        try (WsClient again = WsClient.connect(ws(gateways.getFirst(), null))) { // the client's duty: reconnect elsewhere, resubscribe
            again.follow("video:" + publicVideo);
            new TestApi(api2.url("")).putBytes("/api/videos/" + publicVideo + "/like", fan, new byte[0]);
            assertThat(next(again, "video.likes").get("data").get("likeCount").asLong()).isEqualTo(2);
        }
    }

    @Test
    @Order(5)
    void workerKilledWhileTranscoding_videoBecomesReadyExactlyOnce() throws Exception {
        List<String> readyEvents = new CopyOnWriteArrayList<>();
        String id;
        try (RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");
             StatefulRedisPubSubConnection<String, String> pubsub = redis.connectPubSub()) {
            pubsub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String message) {
                    if (message.contains("video.ready")) readyEvents.add(message);
                }
            });
            pubsub.sync().psubscribe("*video:*");
            id = upload(api1, clips.hd1080(Duration.ofSeconds(12)));

            ServerProcess victim = awaitTranscodingWorker(Duration.ofMinutes(1));
            victim.kill();
            long killedAt = System.nanoTime();
            workers.remove(victim);
            JsonNode video = awaitVideo(api2, id, complete());
            System.out.printf("[cluster] worker killed mid-transcode: video complete %.1f s later%n", (System.nanoTime() - killedAt) / 1e9);

            assertThat(video.get("status").asString()).isEqualTo("READY");
            assertThat(video.get("renditions")).hasSize(5);
            Playback.assertDecodesCompletely(api2.url(video.get("hlsUrl").asString()), 5);
            assertNoOrphans(id, video);
            Thread.sleep(500);
        }
        assertThat(readyEvents).as("video.ready published once").hasSize(1);
        workers.add(node("worker-3", "worker").awaitReady(READY_TIMEOUT));
    }

    @Test
    @Order(6)
    void brokerRestartWhileJobsAreQueued_losesNothing() throws Exception {
        workers.forEach(ServerProcess::close); // graceful: nobody consumes, jobs wait in RabbitMQ
        workers.clear();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(upload(i % 2 == 0 ? api1 : api2, clips.landscape(Duration.ofSeconds(2 + i))));
        Thread.sleep(1000); // let the relays publish

        Broker.restart();
        long restartedAt = System.nanoTime();
        workers.add(node("worker-4", "worker").awaitReady(READY_TIMEOUT));
        workers.add(node("worker-5", "worker").awaitReady(READY_TIMEOUT));
        for (String id : ids) {
            assertThat(awaitVideo(api2, id, complete()).get("status").asString()).isEqualTo("READY");
        }
        System.out.printf("[cluster] broker restarted with 3 videos queued: all complete %.1f s later%n", (System.nanoTime() - restartedAt) / 1e9);
    }

    private static ServerProcess node(String name, String roles) {
        Map<String, String> nodeEnv = new HashMap<>(env);
        nodeEnv.put("TOKTIK_ROLES", roles);
        nodeEnv.put("TOKTIK_DATA_DIR", dir.resolve(name).toString());
        ServerProcess p = ServerProcess.start(name, SharedServices.freePort(), nodeEnv, dir);
        nodes.add(p);
        return p;
    }

    private static String ws(ServerProcess gateway, String accessToken) {
        return gateway.url("/ws").replaceFirst("^http", "ws") + (accessToken == null ? "" : "?access_token=" + accessToken);
    }

    /** The next frame of that type, skipping others (a like also moves counts the test does not look at). */
    private static JsonNode next(WsClient client, String type) {
        while (true) {
            JsonNode frame = client.next();
            if (type.equals(frame.path("type").asString())) return frame;
        }
    }

    private static String upload(ServerProcess api, Path clip) {
        TestApi client = new TestApi(api.url(""));
        String id = client.post("/api/videos", token, Map.of("title", "cluster " + clip.getFileName())).json().get("id").asString();
        assertThat(client.putFile("/api/videos/" + id + "/source", token, clip).status()).isEqualTo(202);
        return id;
    }

    private static ServerProcess awaitTranscodingWorker(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ServerProcess w : workers) if (w.isTranscoding()) return w;
            Thread.sleep(100);
        }
        throw new AssertionError("no worker started transcoding");
    }

    /** Failed, or playable with every rendition and its storyboard (the last image job) made. */
    private static Predicate<JsonNode> complete() {
        return v -> v.get("status").asString().equals("FAILED")
                || (v.get("status").asString().equals("READY") && v.get("progress").asInt() == 100 && !v.path("storyboard").isNull());
    }

    private static JsonNode awaitVideo(ServerProcess api, String id, Predicate<JsonNode> done) {
        TestApi client = new TestApi(api.url(""));
        long deadline = System.nanoTime() + PROCESSING_TIMEOUT.toNanos();
        JsonNode video = null;
        while (System.nanoTime() < deadline) {
            TestApi.Response r = client.get("/api/videos/" + id, token);
            if (r.status() == 200) {
                video = r.json();
                if (done.test(video)) return video;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("video " + id + " not done: " + video);
    }

    /** Every stored object of the video is one a playlist (or the video) refers to, and every one referred to exists. */
    private static void assertNoOrphans(String id, JsonNode video) {
        try (S3Client client = S3Client.builder().endpointOverride(java.net.URI.create(s3.endpoint()))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build()) {
            String prefix = "videos/" + id + "/";
            Set<String> stored = new HashSet<>();
            client.listObjectsV2Paginator(b -> b.bucket("toktik-cluster").prefix(prefix)).contents()
                    .forEach((S3Object o) -> stored.add(o.key().substring(prefix.length())));
            Set<String> expected = new HashSet<>(Set.of("source", "poster.jpg", "hls/master.m3u8",
                    "storyboard/sprite.jpg", "storyboard/storyboard.vtt"));
            TestApi api = new TestApi(api2.url(""));
            for (JsonNode r : video.get("renditions")) {
                String name = r.get("name").asString();
                expected.add("hls/" + name + "/index.m3u8");
                for (String line : api.get("/media/" + id + "/hls/" + name + "/index.m3u8", null).text().split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) expected.add("hls/" + name + "/" + line.strip());
                }
            }
            assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
