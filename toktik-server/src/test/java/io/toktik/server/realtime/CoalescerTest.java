package io.toktik.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.events.DomainEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<DomainEvent> out = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void theFirstProgressGoesAtOnce_laterOnesWait_andAnImmediateEventSendsTheLatestFirst() {
        Coalescer coalescer = new Coalescer(Duration.ofHours(1).toNanos(), timer, out::add); // the timer never fires here
        for (int p = 1; p <= 1000; p++) coalescer.offer(event("video.progress", "progress", p));
        assertThat(values("progress")).containsExactly(1);

        coalescer.offer(event("video.ready", "rendition", "240p"));
        assertThat(values("progress")).containsExactly(1, 1000);
        assertThat(out.getLast().type()).isEqualTo("video.ready");
    }

    @Test
    void otherTypes_passAtOnce_inOrder() {
        Coalescer coalescer = new Coalescer(Duration.ofHours(1).toNanos(), timer, out::add);
        for (int i = 0; i < 50; i++) coalescer.offer(event("comment.created", "n", i));
        assertThat(values("n")).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
    }

    @Test
    void eachCoalescedType_keepsItsOwnLatestValue() {
        Coalescer coalescer = new Coalescer(Duration.ofHours(1).toNanos(), timer, out::add);
        for (int n = 1; n <= 10; n++) {
            coalescer.offer(event("video.likes", "likes", n));
            coalescer.offer(event("video.views", "views", 10 * n));
        }
        coalescer.offer(event("comment.deleted", "id", "c"));
        assertThat(values("likes")).containsExactly(1, 10);
        assertThat(values("views")).containsExactly(10, 100);
    }

    @Test
    void theWaitingValue_goesOutWhenTheIntervalEnds() throws InterruptedException {
        Coalescer coalescer = new Coalescer(Duration.ofMillis(20).toNanos(), timer, out::add);
        for (int p = 1; p <= 100; p++) coalescer.offer(event("video.progress", "progress", p));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!values("progress").contains(100) && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(values("progress")).endsWith(100).hasSizeLessThan(100);
    }

    private List<Object> values(String key) {
        return out.stream().filter(e -> e.data().containsKey(key)).map(e -> e.data().get(key)).toList();
    }

    private static DomainEvent event(String type, String key, Object value) {
        return new DomainEvent("video:x", type, Map.of(key, value));
    }
}
