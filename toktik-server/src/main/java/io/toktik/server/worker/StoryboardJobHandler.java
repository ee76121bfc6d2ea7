package io.toktik.server.worker;

import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoJobs;
import io.toktik.core.video.VideoRepository;
import io.toktik.media.MediaException;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import io.toktik.media.StoryboardMaker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes a video's storyboard (seek previews): one sprite of thumbnails and the WebVTT index that points into it. */
final class StoryboardJobHandler extends ImageJobHandler {
    private final StoryboardMaker storyboards;

    StoryboardJobHandler(VideoRepository videos, BlobStore blobs, TransactionTemplate tx, MediaWorkspace workspace,
                         MediaProber prober, FirstSegments firstSegments, StoryboardMaker storyboards) {
        super(videos, blobs, tx, workspace, prober, firstSegments);
        this.storyboards = storyboards;
    }

    @Override
    public String kind() {
        return VideoJobs.STORYBOARD;
    }

    @Override
    boolean done(Video video) {
        return video.hasStoryboard();
    }

    /** The sprite is stored before the index that names it, so a published index never points at nothing. */
    @Override
    void make(UUID videoId, Path source, MediaInfo info, WorkArea area, BlobStore blobs)
            throws MediaException, IOException {
        Path dir = area.resolve("storyboard");
        storyboards.make(source, info, dir);
        String prefix = BlobKeys.videoPrefix(videoId);
        blobs.putFile(prefix + BlobKeys.STORYBOARD_IMAGE, dir.resolve(StoryboardMaker.SPRITE));
        blobs.putFile(prefix + BlobKeys.STORYBOARD_VTT, dir.resolve(StoryboardMaker.VTT));
    }

    @Override
    void markReady(VideoRepository videos, UUID videoId) {
        videos.markStoryboardReady(videoId);
    }
}
