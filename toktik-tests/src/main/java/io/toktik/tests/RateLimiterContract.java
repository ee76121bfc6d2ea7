package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} does. Subclasses give two limiters that share their counts ({@link #newLimiter}
 * called twice: two "nodes"; the embedded one returns the same instance) and a way to let a window pass.
 */
public abstract class RateLimiterContract {
    protected static final Duration WINDOW = Duration.ofMinutes(15);

    protected RateLimiter node1;
    protected RateLimiter node2;

    /** A limiter; two calls give two nodes that share counts. */
    protected abstract RateLimiter newLimiter();

    /** Makes {@code key}'s current window end, as if its time had passed. */
    protected abstract void expire(String key);

    @BeforeEach
    void nodes() {
        node1 = newLimiter();
        node2 = newLimiter();
    }

    @Test
    void peek_ofAnUnknownKey_isEmpty() {
        assertThat(node1.peek(key())).isEqualTo(RateLimiter.Window.EMPTY);
    }

    @Test
    void hit_countsUp_andTellsWhenTheWindowEnds() {
        String k = key();
        assertThat(node1.hit(k, WINDOW).count()).isEqualTo(1);
        RateLimiter.Window second = node1.hit(k, WINDOW);
        assertThat(second.count()).isEqualTo(2);
        assertThat(second.resetsIn()).isPositive().isLessThanOrEqualTo(WINDOW);
        assertThat(node1.peek(k).count()).isEqualTo(2);
    }

    @Test
    void peek_doesNotCount() {
        String k = key();
        node1.hit(k, WINDOW);
        node1.peek(k);
        assertThat(node1.peek(k).count()).isEqualTo(1);
    }

    @Test
    void keys_countSeparately() {
        String a = key(), b = key();
        node1.hit(a, WINDOW);
        node1.hit(a, WINDOW);
        assertThat(node1.hit(b, WINDOW).count()).isEqualTo(1);
    }

    @Test
    void reset_forgetsTheCount() {
        String k = key();
        node1.hit(k, WINDOW);
        node1.reset(k);
        assertThat(node1.peek(k).count()).isZero();
        assertThat(node1.hit(k, WINDOW).count()).isEqualTo(1);
    }

    @Test
    void afterTheWindow_countingStartsAgain() {
        String k = key();
        node1.hit(k, WINDOW);
        node1.hit(k, WINDOW);
        expire(k);
        assertThat(node1.peek(k).count()).isZero();
        assertThat(node1.hit(k, WINDOW).count()).isEqualTo(1);
    }

    @Test
    void hitsOnEveryNode_addUp() {
        String k = key();
        node1.hit(k, WINDOW);
        node2.hit(k, WINDOW);
        assertThat(node1.peek(k).count()).isEqualTo(2);
        node2.reset(k);
        assertThat(node1.peek(k).count()).isZero();
    }

    @Test
    void concurrentHits_areEachCountedOnce() throws Exception {
        String k = key();
        int threads = 8, each = 25;
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                RateLimiter node = t % 2 == 0 ? node1 : node2;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) node.hit(k, WINDOW);
                }));
            }
            for (Future<?> f : done) f.get();
        }
        assertThat(node1.peek(k).count()).isEqualTo(threads * each);
    }

    /** A key no other test (nor another run against the same server) uses. */
    protected static String key() {
        return "contract:" + UUID.randomUUID();
    }
}
