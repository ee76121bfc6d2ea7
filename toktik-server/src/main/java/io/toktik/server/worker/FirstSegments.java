package io.toktik.server.worker;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The videos whose first segment — the one that makes them playable — this worker is encoding. The video's other
 * jobs (poster, storyboard, the other renditions) wait for it before they start, up to a bound, so that segment has
 * the CPU to itself; a job of a video whose first segment is made elsewhere, or is already out, does not wait.
 */
final class FirstSegments {
    private final Map<UUID, CountDownLatch> encoding = new ConcurrentHashMap<>();
    private final Duration maxWait;

    FirstSegments(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Marks the video's first segment as being encoded here, until the returned handle is released or closed. */
    Pending begin(UUID videoId) {
        CountDownLatch latch = new CountDownLatch(1);
        encoding.put(videoId, latch);
        return new Pending(videoId, latch);
    }

    /** Returns once the video's first segment is out (at once when this worker is not making it), or after the bound. */
    void await(UUID videoId) throws InterruptedException {
        CountDownLatch latch = encoding.get(videoId);
        if (latch != null) latch.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A first segment being encoded; {@link #close()} releases its waiters too, so an encode that fails frees them. */
    final class Pending implements AutoCloseable {
        private final UUID videoId;
        private final CountDownLatch latch;

        private Pending(UUID videoId, CountDownLatch latch) {
            this.videoId = videoId;
            this.latch = latch;
        }

        /** The segment is published: the video's other jobs may start. */
        void released() {
            latch.countDown();
            encoding.remove(videoId, latch);
        }

        @Override
        public void close() {
            released();
        }
    }
}
