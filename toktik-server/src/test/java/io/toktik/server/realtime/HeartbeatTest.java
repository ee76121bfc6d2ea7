package io.toktik.server.realtime;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.WebSocketSession;

class HeartbeatTest {
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        senders.shutdownNow();
    }

    @Test
    void aClientHeardFromLately_isPinged() throws Exception {
        WebSocketSession ws = mock(WebSocketSession.class);
        ClientSession session = new ClientSession(ws, senders, 1000, (s, status) -> {});
        new Heartbeat(() -> List.of(session), Duration.ofHours(1)).run();
        verify(ws, timeout(10_000)).sendMessage(any(PingMessage.class));
    }

    @Test
    void aClientNotHeardFromWithinTheIdleTimeout_isClosedWith1001() throws Exception {
        WebSocketSession ws = mock(WebSocketSession.class);
        ClientSession session = new ClientSession(ws, senders, 1000, (s, status) -> {});
        new Heartbeat(() -> List.of(session), Duration.ZERO).run();
        verify(ws, timeout(10_000)).close(org.mockito.ArgumentMatchers.argThat((CloseStatus status) -> status.getCode() == 1001));
    }
}
