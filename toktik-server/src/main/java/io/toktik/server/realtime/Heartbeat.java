package io.toktik.server.realtime;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;

/** Run every ping interval: pings each client, and ends those not heard from (no pong, no message) within the idle timeout. */
final class Heartbeat implements Runnable {
    private static final PingMessage PING = new PingMessage();

    private final Supplier<Collection<ClientSession>> sessions;
    private final long idleNanos;
    private final CloseStatus idle;

    Heartbeat(Supplier<Collection<ClientSession>> sessions, Duration idleTimeout) {
        this.sessions = sessions;
        this.idleNanos = idleTimeout.toNanos();
        this.idle = CloseStatus.GOING_AWAY.withReason("Nothing heard for " + idleTimeout.toSeconds() + " s (no pong)");
    }

    @Override
    public void run() {
        for (ClientSession session : sessions.get()) {
            if (session.silentForNanos() > idleNanos) {
                session.end(idle);
            } else {
                session.send(PING);
            }
        }
    }
}
