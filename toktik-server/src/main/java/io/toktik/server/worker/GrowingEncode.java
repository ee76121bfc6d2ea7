package io.toktik.server.worker;

import io.toktik.core.storage.BlobStore;
import io.toktik.media.HlsEncoder;
import io.toktik.media.MediaInfo;
import io.toktik.media.Rendition;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Publishes a rendition — and the audio rendition, when the audio is encoded apart — while ffmpeg writes them
 * ({@link GrowingRendition}): playable once both have a segment stored and the caller agrees, complete once ffmpeg has
 * closed both playlists and the caller agrees again.
 */
final class GrowingEncode {
    private final BlobStore blobs;
    private final RenditionPublisher publisher;

    /** Runs ffmpeg into {@code out}, whose folders are being published. */
    interface Encoder {
        void encode() throws Exception;
    }

    /** A question the caller answers, possibly from the database. */
    interface Check {
        boolean test() throws Exception;
    }

    GrowingEncode(BlobStore blobs, RenditionPublisher publisher) {
        this.blobs = blobs;
        this.publisher = publisher;
    }

    /**
     * @param separateAudio whether the encoder writes the audio as a rendition of its own ({@code out/audio})
     * @param mayAnnounce   asked at each sync once segments are stored, until it says yes: whether to list the rendition
     * @param mayFinish     asked once ffmpeg is done: whether to store the closed playlists and announce them complete
     * @return false when {@code mayFinish} said no: the playlists stay open, the rendition as announced so far
     */
    boolean run(UUID videoId, MediaInfo info, Rendition rendition, Path out, boolean separateAudio, Check mayAnnounce,
                Encoder encoder, Check mayFinish) throws Exception {
        Path dir = out.resolve(rendition.name());
        Path audioDir = separateAudio && info.hasAudio() ? out.resolve(HlsEncoder.AUDIO) : null;
        try (GrowingRendition audio = audioDir == null ? null
                     : new GrowingRendition(blobs, videoId, HlsEncoder.AUDIO, audioDir, () -> true).start();
             GrowingRendition video = new GrowingRendition(blobs, videoId, rendition.name(), dir, () -> {
                 if (audio != null && !audio.hasPublished()) return false;
                 if (!mayAnnounce.test()) return false;
                 publisher.announce(videoId, rendition, info.hasAudio(), dir, audioDir, false);
                 return true;
             }).start()) {
            encoder.encode();
            if (!mayFinish.test()) return false;
            if (audio != null) audio.finish();
            video.finish();
        }
        publisher.announce(videoId, rendition, info.hasAudio(), dir, audioDir, true);
        return true;
    }
}
