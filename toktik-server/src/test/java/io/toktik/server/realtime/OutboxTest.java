package io.toktik.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

class OutboxTest {
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final WebSocketSession ws = mock(WebSocketSession.class);
    private final CountDownLatch clientReads = new CountDownLatch(1);
    private final CountDownLatch writeStarted = new CountDownLatch(1);

    @AfterEach
    void stop() {
        clientReads.countDown();
        senders.shutdownNow();
    }

    @Test
    void whileTheClientIsNotReading_offersNeverBlock_andStopAtTheLimit() throws Exception {
        stallWrites();
        Outbox outbox = new Outbox(ws, senders, 1000, e -> {});
        assertThat(outbox.offer(new TextMessage("first: its write blocks"))).isTrue();
        int accepted = 0;
        while (outbox.offer(new TextMessage("x".repeat(100)))) accepted++;
        assertThat(accepted).isBetween(9, 10); // the blocked frame may or may not still count
    }

    @Test
    void theCloseFrame_followsTheWriteInProgress_andQueuedFramesAreDropped() throws Exception {
        stallWrites();
        Outbox outbox = new Outbox(ws, senders, 1000, e -> {});
        TextMessage inProgress = new TextMessage("in progress");
        TextMessage queued = new TextMessage("queued");
        outbox.offer(inProgress);
        writeStarted.await();
        outbox.offer(queued);
        outbox.close(CloseStatus.SERVICE_OVERLOAD);
        clientReads.countDown();

        verify(ws, timeout(10_000)).close(CloseStatus.SERVICE_OVERLOAD);
        InOrder order = inOrder(ws);
        order.verify(ws).sendMessage(inProgress);
        order.verify(ws).close(CloseStatus.SERVICE_OVERLOAD);
        verify(ws, org.mockito.Mockito.never()).sendMessage(queued);
    }

    @Test
    void aFailedWrite_isReported() throws Exception {
        doAnswer(call -> {
            throw new java.io.IOException("broken pipe");
        }).when(ws).sendMessage(any());
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch reported = new CountDownLatch(1);
        Outbox outbox = new Outbox(ws, senders, 1000, e -> {
            failure.set(e);
            reported.countDown();
        });
        outbox.offer(new TextMessage("hello"));
        reported.await();
        assertThat(failure.get()).hasMessage("broken pipe");
    }

    private void stallWrites() throws Exception {
        doAnswer(call -> {
            writeStarted.countDown();
            clientReads.await();
            return null;
        }).when(ws).sendMessage(any());
    }
}
