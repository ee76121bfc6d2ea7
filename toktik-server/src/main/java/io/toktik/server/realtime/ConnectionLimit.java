package io.toktik.server.realtime;

import java.util.Map;
import java.util.function.IntSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/** Refuses a WebSocket handshake with 503 when this node already holds its maximum of connections, so that the client tries another. */
final class ConnectionLimit implements HandshakeInterceptor {
    private final IntSupplier connections;
    private final int max;

    ConnectionLimit(IntSupplier connections, int max) {
        this.connections = connections;
        this.max = max;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (connections.getAsInt() < max) return true;
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set("Retry-After", "5");
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {}
}
