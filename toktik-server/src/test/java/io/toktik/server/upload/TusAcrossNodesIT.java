package io.toktik.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.Playback;
import io.toktik.server.TestApi;
import io.toktik.server.cluster.ServerProcess;
import io.toktik.server.cluster.SharedServices;
import io.toktik.tests.RealServers;
import io.toktik.tests.S3Server;
import io.tus.java.client.TusUploader;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * An upload begun on one api node and finished on another: two server JVMs from the packaged jar that share only
 * PostgreSQL and an S3 server (s3proxy). Chunks of 2 MiB are below S3's smallest part, so node A stages a tail that
 * node B reads back into a part.
 */
class TusAcrossNodesIT {
    private static final String BUCKET = "toktik-tus";
    private static final int PAYLOAD = 2 * 1024 * 1024;

    private static S3Server s3;
    private static ServerProcess nodeA, nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        RealServers.require("PostgreSQL", "127.0.0.1", 5432);
        Path dir = Files.createTempDirectory("toktik-tus-nodes");
        s3 = S3Server.start();
        Map<String, String> env = SharedServices.env(SharedServices.freshDatabase("toktik_tus"), s3, BUCKET, dir.resolve("jwt-signing-key.json"));
        nodeA = node("api-a", "api,worker", env, dir).awaitReady(Duration.ofSeconds(120)); // migrates, makes the key
        nodeB = node("api-b", "api", env, dir).awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (nodeA != null) nodeA.close();
        if (nodeB != null) nodeB.close();
        if (s3 != null) s3.close();
    }

    @Test
    void uploadStartedOnOneNode_resumesOnTheOther_andTheVideoBecomesReady() throws Exception {
        Path clip = Playback.clips().hd1080(Duration.ofSeconds(4));
        assertThat(Files.size(clip)).as("large enough for a tail and a part of S3 size").isGreaterThan(6L * 1024 * 1024);
        TestApi a = new TestApi(nodeA.url(""));
        String token = a.newUser("tus_nodes");
        String id = a.post("/api/videos", token, Map.of("title", "two nodes")).json().get("id").asString();

        TusUploader first = new TusRequests(nodeA.url(""), token).client().createUpload(TusRequests.upload(clip, id));
        first.setChunkSize(64 * 1024);
        first.setRequestPayloadSize(PAYLOAD);
        while (first.getOffset() < 2L * PAYLOAD) first.uploadChunk();
        first.finish(false);
        String path = first.getUploadURL().getPath();

        TusRequests b = new TusRequests(nodeB.url(""), token);
        assertThat(b.offset(nodeB.url(path))).as("node B sees what node A stored").isEqualTo(2L * PAYLOAD);
        TusUploader rest = b.client().beginOrResumeUploadFromURL(TusRequests.upload(clip, id), TusRequests.url(nodeB.url(path)));
        assertThat(TusRequests.finish(rest, PAYLOAD)).isEqualTo(Files.size(clip));

        assertThat(sha256(storedSource(id))).isEqualTo(sha256(Files.newInputStream(clip)));
        JsonNode video = awaitReady(new TestApi(nodeB.url("")), token, id);
        assertThat(video.get("status").asString()).isEqualTo("READY");
        assertThat(leftUnder("uploads/")).as("staged tails are deleted").isZero();
    }

    private static ServerProcess node(String name, String roles, Map<String, String> env, Path dir) {
        Map<String, String> nodeEnv = new java.util.HashMap<>(env);
        nodeEnv.put("TOKTIK_ROLES", roles);
        nodeEnv.put("TOKTIK_DATA_DIR", dir.resolve(name).toString());
        return ServerProcess.start(name, SharedServices.freePort(), nodeEnv, dir);
    }

    private static JsonNode awaitReady(TestApi api, String token, String id) throws InterruptedException {
        JsonNode video = null;
        for (long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos(); System.nanoTime() < deadline; Thread.sleep(250)) {
            video = api.get("/api/videos/" + id, token).json();
            String status = video.get("status").asString();
            if (status.equals("READY") || status.equals("FAILED")) return video;
        }
        throw new AssertionError("video " + id + " not processed: " + video);
    }

    private static S3Client s3Client() {
        return S3Client.builder().endpointOverride(URI.create(s3.endpoint())).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build();
    }

    private static InputStream storedSource(String id) {
        return s3Client().getObject(r -> r.bucket(BUCKET).key("videos/" + id + "/source"));
    }

    private static int leftUnder(String prefix) {
        try (S3Client client = s3Client()) {
            return client.listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).keyCount();
        }
    }

    private static String sha256(InputStream in) throws Exception {
        try (DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        }
    }
}
