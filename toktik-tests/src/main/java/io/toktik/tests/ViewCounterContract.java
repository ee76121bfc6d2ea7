package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.views.ViewBatch;
import io.toktik.core.views.ViewCounter;
import io.toktik.core.views.Viewer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every view counter must do: count a viewer once per video per window, across nodes; hand out buffered
 * counts in batches that neither lose nor repeat a view, however records and takes interleave; keep a batch
 * pending, on every node, until it is done.
 */
public abstract class ViewCounterContract {
    private static final Duration HOUR = Duration.ofHours(1);

    /** Two nodes sharing one backend; a single-process counter may be the same instance twice. */
    protected ViewCounter node1;
    protected ViewCounter node2;
    private final List<ViewCounter> opened = new ArrayList<>();

    /** A counter on the backend under test; every counter made in one test shares that test's (fresh) state. */
    protected abstract ViewCounter newCounter(Duration window);

    @BeforeEach
    void startNodes() {
        node1 = open(HOUR);
        node2 = open(HOUR);
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (ViewCounter c : opened) if (c instanceof AutoCloseable closeable) closeable.close();
    }

    @Test
    void viewer_isCountedOncePerVideoWithinTheWindow() {
        UUID video = UUID.randomUUID(), other = UUID.randomUUID();
        Viewer viewer = Viewer.anonymous("device-1");

        assertThat(node1.record(video, viewer)).isTrue();
        assertThat(node1.record(video, viewer)).isFalse();
        assertThat(node1.record(other, viewer)).isTrue();

        assertThat(takeAll(node1)).isEqualTo(Map.of(video, 1L, other, 1L));
    }

    @Test
    void distinctViewers_areCountedSeparately_anonymousIdsAddressesAndUsersAlike() {
        UUID video = UUID.randomUUID();
        List<Viewer> viewers = List.of(Viewer.anonymous("device-1"), Viewer.anonymous("device-2"),
                Viewer.address("10.0.0.1"), Viewer.address("10.0.0.2"), Viewer.user(UUID.randomUUID()));

        for (Viewer v : viewers) assertThat(node1.record(video, v)).isTrue();

        assertThat(takeAll(node1)).isEqualTo(Map.of(video, 5L));
    }

    @Test
    void viewerSeenOnOneNode_isNotCountedAgainOnAnother() {
        UUID video = UUID.randomUUID();
        Viewer viewer = Viewer.user(UUID.randomUUID());

        assertThat(node1.record(video, viewer)).isTrue();
        assertThat(node2.record(video, viewer)).isFalse();
    }

    @Test
    void viewer_isCountedAgainOnceTheWindowHasPassed() {
        ViewCounter shortWindow = open(Duration.ofMillis(300));
        UUID video = UUID.randomUUID();
        Viewer viewer = Viewer.anonymous("device-1");
        assertThat(shortWindow.record(video, viewer)).isTrue();

        EventBusContract.await(() -> "a second view after the window", () -> shortWindow.record(video, viewer));

        assertThat(takeAll(shortWindow)).isEqualTo(Map.of(video, 2L));
    }

    @Test
    void take_handsOutWhatWasBuffered_andLeavesTheBufferEmpty() {
        UUID video = UUID.randomUUID();
        node1.record(video, Viewer.anonymous("a"));
        node1.record(video, Viewer.anonymous("b"));

        ViewBatch batch = node1.take();
        ViewBatch next = node1.take();

        assertThat(batch.counts()).isEqualTo(Map.of(video, 2L));
        assertThat(next.isEmpty()).isTrue();
    }

    @Test
    void takenBatch_staysPendingOnEveryNode_untilDone() {
        UUID video = UUID.randomUUID();
        node1.record(video, Viewer.anonymous("a"));
        ViewBatch batch = node1.take();

        assertThat(node2.pending()).extracting(ViewBatch::id).contains(batch.id());
        assertThat(node1.pending()).filteredOn(b -> b.id().equals(batch.id()))
                .singleElement().extracting(ViewBatch::counts).isEqualTo(Map.of(video, 1L));
        node2.done(batch);

        assertThat(node1.pending()).extracting(ViewBatch::id).doesNotContain(batch.id());
    }

    @Test
    void batchIds_areUnique() {
        node1.record(UUID.randomUUID(), Viewer.anonymous("a"));
        ViewBatch first = node1.take();
        node2.record(UUID.randomUUID(), Viewer.anonymous("a"));
        ViewBatch second = node2.take();

        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void signedInViewers_areListedAsWatched_anonymousOnesAreNot() {
        UUID video = UUID.randomUUID(), user = UUID.randomUUID();
        node1.record(video, Viewer.user(user));
        node1.record(video, Viewer.anonymous("device-1"));

        ViewBatch batch = node1.take();

        assertThat(batch.watched()).containsExactly(new ViewBatch.Watch(user, video));
    }

    @Test
    void manyThreadsOnTwoNodes_withTakesInterleaved_countEveryViewExactlyOnce() throws Exception {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID();
        int threads = 8, perThread = 250;
        AtomicBoolean recording = new AtomicBoolean(true);
        Map<UUID, Long> taken = new HashMap<>();
        Set<String> batchIds = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> taker = pool.submit(() -> {
                while (recording.get()) drain(node2, taken, batchIds);
            });
            List<Future<?>> recorders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ViewCounter node = t % 2 == 0 ? node1 : node2;
                int thread = t;
                recorders.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        Viewer viewer = Viewer.anonymous("t" + thread + "-" + i);
                        node.record(a, viewer);
                        node.record(b, viewer);
                        node.record(a, viewer); // a repeat: never counted
                    }
                }));
            }
            for (Future<?> r : recorders) r.get();
            recording.set(false);
            taker.get();
        } finally {
            pool.shutdownNow();
        }
        drain(node1, taken, batchIds);

        long total = (long) threads * perThread;
        assertThat(taken).isEqualTo(Map.of(a, total, b, total));
    }

    /** Takes, reads and finishes every pending batch, adding each batch's counts once. */
    private static void drain(ViewCounter node, Map<UUID, Long> into, Set<String> seen) {
        node.take();
        for (ViewBatch batch : node.pending()) {
            synchronized (into) {
                if (seen.add(batch.id())) batch.counts().forEach((video, n) -> into.merge(video, n, Long::sum));
            }
            node.done(batch);
        }
    }

    private static Map<UUID, Long> takeAll(ViewCounter node) {
        Map<UUID, Long> counts = new HashMap<>();
        drain(node, counts, new HashSet<>());
        return counts;
    }

    private ViewCounter open(Duration window) {
        ViewCounter counter = newCounter(window);
        opened.add(counter);
        return counter;
    }
}
