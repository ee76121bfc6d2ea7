package io.toktik.server.realtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.toktik.server.config.TokTikProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** The WebSocket endpoint {@code /ws}: signs clients in, carries out their requests, and keeps their sessions. */
final class RealtimeGateway extends TextWebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(RealtimeGateway.class);
    static final CloseStatus SHUTTING_DOWN = CloseStatus.GOING_AWAY.withReason("Server stopping: reconnect and subscribe again");
    /** Tomcat's per-session limit on one blocking write (milliseconds, a Long). */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final TopicRegistry registry;
    private final TopicAccess access;
    private final AccessTokens tokens;
    private final Executor senders;
    private final MeterRegistry meters;
    private final TokTikProperties.Realtime settings;
    private final ConcurrentMap<String, ClientSession> sessions = new ConcurrentHashMap<>();

    RealtimeGateway(TopicRegistry registry, TopicAccess access, AccessTokens tokens, Executor senders, MeterRegistry meters,
            TokTikProperties.Realtime settings) {
        this.registry = registry;
        this.access = access;
        this.tokens = tokens;
        this.senders = senders;
        this.meters = meters;
        this.settings = settings;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession ws) {
        if (ws instanceof NativeWebSocketSession n && n.getNativeSession() instanceof jakarta.websocket.Session s) {
            s.getUserProperties().put(TOMCAT_SEND_TIMEOUT, settings.sendTimeout().toMillis());
        }
        ClientSession session = new ClientSession(ws, senders, settings.sendBufferSize().toBytes(), this::ended);
        sessions.put(session.id(), session);
        String token = accessToken(ws.getUri());
        try {
            if (token != null) {
                session.signIn(tokens.verify(token));
            } else if (ws.getPrincipal() instanceof JwtAuthenticationToken jwt) { // Authorization: Bearer on the handshake
                session.signIn(UUID.fromString(jwt.getToken().getSubject()));
            }
        } catch (InvalidToken e) {
            session.end(CloseStatus.POLICY_VIOLATION.withReason(e.getMessage()));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession ws, TextMessage message) {
        ClientSession session = sessions.get(ws.getId());
        if (session == null || session.isClosed()) return;
        session.heard();
        ClientRequest request;
        try {
            request = ClientRequest.parse(message.getPayload());
        } catch (RefusedRequest e) {
            session.send(Frames.error(e.getMessage(), null));
            return;
        }
        try {
            carryOut(session, request);
        } catch (RefusedRequest e) {
            session.send(Frames.error(e.getMessage(), request.topic()));
        } catch (InvalidToken e) {
            session.end(CloseStatus.POLICY_VIOLATION.withReason(e.getMessage()));
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession ws, PongMessage message) {
        ClientSession session = sessions.get(ws.getId());
        if (session != null) session.heard();
    }

    @Override
    public void handleTransportError(WebSocketSession ws, Throwable error) {
        log.debug("WebSocket {} failed: {}", ws.getId(), error.toString());
        ClientSession session = sessions.get(ws.getId());
        if (session != null) session.end(CloseStatus.SERVER_ERROR);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession ws, CloseStatus status) {
        ClientSession session = sessions.get(ws.getId());
        if (session == null) return;
        session.markClosed();
        release(session);
    }

    int connectionCount() {
        return sessions.size();
    }

    Collection<ClientSession> sessions() {
        return sessions.values();
    }

    /** Closes every connection with 1001, so that clients reconnect to another node. */
    void shutdown() {
        sessions.values().forEach(session -> session.end(SHUTTING_DOWN));
    }

    private void carryOut(ClientSession session, ClientRequest request) throws RefusedRequest, InvalidToken {
        switch (request.op()) {
            case AUTH -> authenticate(session, request.token());
            case SUBSCRIBE -> subscribe(session, request.topic());
            case UNSUBSCRIBE -> unsubscribe(session, request.topic());
            case PING -> session.send(Frames.PONG);
        }
    }

    private void authenticate(ClientSession session, String token) throws InvalidToken, RefusedRequest {
        UUID user = tokens.verify(token);
        if (session.user() != null && !session.user().equals(user)) {
            throw new RefusedRequest("Already signed in as another user: connect again to switch users");
        }
        session.signIn(user);
        session.send(Frames.authenticated(user));
    }

    private void subscribe(ClientSession session, String topic) throws RefusedRequest {
        String busTopic = TopicAccess.busTopic(topic, session.user());
        String clientTopic = TopicAccess.clientTopic(busTopic);
        if (session.topics().contains(busTopic)) {
            session.send(Frames.subscribed(clientTopic));
            return;
        }
        if (session.topics().size() >= settings.maxSubscriptions()) {
            throw new RefusedRequest("Too many subscriptions: at most " + settings.maxSubscriptions() + " per connection; unsubscribe from some first");
        }
        access.authorize(topic, session.user());
        try {
            registry.join(busTopic, session, Frames.subscribed(clientTopic));
        } catch (RuntimeException e) {
            log.warn("Could not subscribe to {}: {}", busTopic, e.toString());
            throw new RefusedRequest("Cannot subscribe right now: try again shortly");
        }
        session.topics().add(busTopic);
        if (session.isClosed() && session.topics().remove(busTopic)) { // closed while joining: release() may have missed it
            registry.leave(busTopic, session);
        }
    }

    private void unsubscribe(ClientSession session, String topic) throws RefusedRequest {
        String busTopic = TopicAccess.busTopic(topic, session.user());
        if (session.topics().remove(busTopic)) registry.leave(busTopic, session);
        session.send(Frames.unsubscribed(TopicAccess.clientTopic(busTopic)));
    }

    /** Called once for a session the gateway ended (slow, idle, bad token, shutdown). */
    private void ended(ClientSession session, CloseStatus status) {
        meters.counter("toktik.realtime.closed", "code", String.valueOf(status.getCode())).increment();
        release(session);
    }

    private void release(ClientSession session) {
        if (!sessions.remove(session.id(), session)) return;
        for (String topic : session.topics()) {
            if (session.topics().remove(topic)) registry.leave(topic, session);
        }
    }

    private static String accessToken(URI uri) {
        if (uri == null) return null;
        String token = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("access_token");
        return token == null || token.isBlank() ? null : UriUtils.decode(token, StandardCharsets.UTF_8);
    }
}
