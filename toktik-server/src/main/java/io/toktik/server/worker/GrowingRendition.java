package io.toktik.server.worker;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.media.HlsEncoder;
import io.toktik.media.MediaPlaylist;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a rendition while ffmpeg writes it: each time ffmpeg's EVENT playlist lists more finished segments,
 * those segments are stored, then the playlist is, so a player never sees a segment before it exists. The stored
 * playlist only grows — a re-run after a crash (which makes the same segments: fixed 2 s GOP, 4 s segments) does
 * not write it again until it has more segments than were published — and gets {@code #EXT-X-ENDLIST} only from
 * {@link #finish()}, once ffmpeg has closed it.
 */
final class GrowingRendition implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GrowingRendition.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final BlobStore blobs;
    private final UUID videoId;
    private final String name;
    private final Path dir;
    private final PlayableListener onPlayable;
    private int published;
    private boolean announced;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread poller;

    /** Told from each sync that finds a segment stored, until it answers true (it announced the rendition). */
    interface PlayableListener {
        boolean playable() throws Exception;
    }

    GrowingRendition(BlobStore blobs, UUID videoId, String name, Path dir, PlayableListener onPlayable) {
        this.blobs = blobs;
        this.videoId = videoId;
        this.name = name;
        this.dir = dir;
        this.onPlayable = onPlayable;
    }

    /** Reads how much an earlier attempt published, then syncs every 100 ms on a thread of its own. */
    GrowingRendition start() throws IOException {
        resume();
        poller = Thread.ofVirtual().name("publish-" + videoId + "-" + name).start(this::poll);
        return this;
    }

    /** Reads how many segments an earlier attempt published: the stored playlist will not shrink below that. */
    GrowingRendition resume() throws IOException {
        published = storedPlaylist().map(p -> p.segments().size()).orElse(0);
        return this;
    }

    /** Stops polling, stores what is left and the closed playlist; fails unless ffmpeg closed it. */
    void finish() throws Exception {
        close();
        if (!sync().ended()) throw new IOException("the playlist of " + name + " was not closed by the encoder");
    }

    @Override
    public void close() {
        if (poller == null) return;
        stop.countDown(); // not an interrupt: that would break a blob write or a transaction halfway
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller = null;
    }

    /** Stores the segments ffmpeg's playlist lists beyond those already stored, then that playlist. */
    synchronized MediaPlaylist sync() throws Exception {
        String text;
        try {
            text = Files.readString(dir.resolve(HlsEncoder.PLAYLIST));
        } catch (NoSuchFileException e) {
            return new MediaPlaylist(List.of(), false); // no segment finished yet
        }
        MediaPlaylist local = MediaPlaylist.parse(text);
        int count = local.segments().size();
        if (count > published || (local.ended() && count >= published)) {
            for (int i = published; i < count; i++) {
                String segment = local.segments().get(i).uri();
                blobs.putFile(key(segment), dir.resolve(segment));
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            blobs.write(key(HlsEncoder.PLAYLIST), new ByteArrayInputStream(bytes), bytes.length);
            published = count;
        }
        if (published > 0 && !announced) announced = onPlayable.playable();
        return local;
    }

    private void poll() {
        boolean warned = false;
        while (true) {
            try {
                if (stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) return;
                sync();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!warned) log.warn("Video {}: could not publish {} as it grows (will retry): {}", videoId, name, e.toString());
                warned = true;
            }
        }
    }

    synchronized boolean hasPublished() {
        return published > 0;
    }

    private Optional<MediaPlaylist> storedPlaylist() throws IOException {
        Optional<BlobStore.Blob> blob = blobs.get(key(HlsEncoder.PLAYLIST));
        if (blob.isEmpty()) return Optional.empty();
        try (InputStream in = blob.get().open(0)) {
            return Optional.of(MediaPlaylist.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private String key(String file) {
        return BlobKeys.hls(videoId, name + "/" + file);
    }
}
