package io.toktik.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A WebSocket client on the JDK's {@link WebSocket}, as a third-party client would use it: sends JSON, collects frames, records the close. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How long to wait for something that should come; never reached when the gateway works. */
    private static final long PATIENCE_SECONDS = 30;

    /** How a connection ended: a close code from the server, or -1 when it broke without one. */
    public record Closed(int code, String reason) {}

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile int received;
    private volatile boolean reading;
    private WebSocket ws;

    private WsClient(boolean reading) {
        this.reading = reading;
    }

    /** @param url {@code ws://host:port/ws}, with {@code ?access_token=} or not */
    public static WsClient connect(String url) {
        return connect(url, true);
    }

    /** A client that takes only its first frame and then stops reading, as a stalled phone would. */
    static WsClient connectWithoutReading(String url) {
        return connect(url, false);
    }

    private static WsClient connect(String url, boolean reading) {
        WsClient client = new WsClient(reading);
        client.ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(url), client).join();
        return client;
    }

    public void send(String text) {
        ws.sendText(text, true).join();
    }

    public void send(Map<String, ?> message) {
        send(JSON.writeValueAsString(message));
    }

    /** Subscribes and returns the answer: {@code subscribed} or an {@code error}. */
    public JsonNode subscribe(String topic) {
        send(Map.of("op", "subscribe", "topic", topic));
        return next();
    }

    /** Subscribes and checks that it worked. */
    public void follow(String topic) {
        JsonNode answer = subscribe(topic);
        assertThat(answer.get("type").asString()).as(answer.toString()).isEqualTo("subscribed");
    }

    /** The next frame; fails when none comes. */
    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("No frame came within " + PATIENCE_SECONDS + " s (after " + received + " frames; closed: "
                        + closed.getNow(null) + ")");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** How the server ended the connection; fails when it stays open. */
    public Closed awaitClose() {
        try {
            return closed.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The connection was not closed within " + PATIENCE_SECONDS + " s", e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** A client that stopped reading starts again. */
    void resumeReading() {
        reading = true;
        ws.request(Long.MAX_VALUE);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            received++;
            partial.setLength(0);
        }
        if (reading) webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (reading) webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, error.toString()));
    }

    @Override
    public void close() {
        try {
            if (!ws.isOutputClosed()) ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the server may have closed first
        }
        ws.abort();
    }
}
