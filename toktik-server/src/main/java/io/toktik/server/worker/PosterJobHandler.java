package io.toktik.server.worker;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoJobs;
import io.toktik.core.video.VideoRepository;
import io.toktik.media.MediaException;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import io.toktik.media.PosterMaker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes a video's poster image from the best of a few candidate frames. */
final class PosterJobHandler extends ImageJobHandler {
    private final PosterMaker posters;

    PosterJobHandler(VideoRepository videos, BlobStore blobs, TransactionTemplate tx, MediaWorkspace workspace,
                     MediaProber prober, FirstSegments firstSegments, PosterMaker posters) {
        super(videos, blobs, tx, workspace, prober, firstSegments);
        this.posters = posters;
    }

    @Override
    public String kind() {
        return VideoJobs.POSTER;
    }

    @Override
    boolean done(Video video) {
        return video.hasPoster();
    }

    @Override
    void make(UUID videoId, Path source, MediaInfo info, WorkArea area, BlobStore blobs)
            throws MediaException, IOException {
        Path poster = area.resolve("poster.jpg");
        posters.poster(source, info, poster);
        blobs.putFile(BlobKeys.poster(videoId), poster);
    }

    @Override
    void markReady(VideoRepository videos, UUID videoId) {
        videos.markPosterReady(videoId);
    }
}
