package io.toktik.server.delivery;

import io.toktik.core.video.Video;
import io.toktik.core.video.Visibility;
import org.springframework.stereotype.Component;

/** Where a video's media files are served: plain for public videos, with a signed playback token otherwise. */
@Component
public class MediaUrls {
    private final PlaybackTokens tokens;

    MediaUrls(PlaybackTokens tokens) {
        this.tokens = tokens;
    }

    /** The path every media URL of the video starts with, ending in {@code /}. */
    public String prefix(Video video) {
        String plain = "/media/" + video.id() + "/";
        return video.visibility() == Visibility.PUBLIC ? plain : plain + "t/" + tokens.issue(video.id()) + "/";
    }
}
