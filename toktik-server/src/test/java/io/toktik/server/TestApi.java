package io.toktik.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the public API, as a third-party client would use it. */
public final class TestApi {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestApi(String base) {
        this.base = base;
    }

    public String url(String path) {
        return path.startsWith("http") ? path : base + path;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response get(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder b = request(path, token).GET();
        headers.forEach(b::header);
        return send(b);
    }

    /** A request with no body and no token, e.g. {@code OPTIONS}. */
    public Response send(String method, String path) {
        return send(request(path, null).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json").POST(json(body)));
    }

    public Response patch(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json").method("PATCH", json(body)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response putFile(String path, String token, Path file) {
        try {
            return send(request(path, token).header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response putBytes(String path, String token, byte[] bytes) {
        return send(request(path, token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    public Response postRaw(String path, String contentType, String raw) {
        return send(request(path, null).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(raw)));
    }

    /** Signs up a fresh user and returns their access token. */
    public String newUser(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        Response r = post("/api/auth/signup", null, Map.of("username", name, "password", "correct horse battery"));
        if (r.status() != 201) throw new IllegalStateException("signup failed: " + r);
        return r.json().get("accessToken").asString();
    }

    /** Creates a public draft, uploads {@code file} as its source and waits until every rendition is published. */
    public JsonNode uploadAndAwaitComplete(String token, Path file) {
        Response draft = post("/api/videos", token, Map.of("title", "test upload"));
        if (draft.status() != 201) throw new IllegalStateException("create failed: " + draft);
        String id = draft.json().get("id").asString();
        Response accepted = putFile("/api/videos/" + id + "/source", token, file);
        if (accepted.status() != 202) throw new IllegalStateException("upload failed: " + accepted);
        return uploadedAndComplete(id, token);
    }

    /** Waits until the video, whose source was uploaded, has every rendition published (or FAILED). */
    public JsonNode uploadedAndComplete(String id, String token) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode video;
        do {
            video = get("/api/videos/" + id, token).json();
            String status = video.get("status").asString();
            if (status.equals("FAILED") || (status.equals("READY") && video.get("progress").asInt() == 100)) return video;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("video never completed: " + video);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, HttpHeaders headers, byte[] body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
