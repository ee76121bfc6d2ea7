package io.toktik.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.toktik.core.storage.BlobKeys;
import io.toktik.core.user.User;
import io.toktik.core.video.RenditionInfo;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoStatus;
import io.toktik.core.video.Visibility;
import io.toktik.server.auth.UserJson;
import java.time.Instant;
import java.util.List;

/** A video as the API shows it (see API.md). */
public record VideoJson(
        String id, Owner owner, String title, String description, List<String> hashtags, Visibility visibility,
        VideoStatus status, int progress, Video.VideoError error, Long durationMs, Integer width, Integer height,
        String thumbnailUrl, Storyboard storyboard, String hlsUrl, List<Rendition> renditions,
        long viewCount, long likeCount, long commentCount, boolean likedByMe, Instant createdAt, Instant publishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Upload upload) {

    public record Owner(String id, String username, String displayName, String avatarUrl) {}

    public record Rendition(String name, int width, int height, Integer bandwidth) {}

    public record Storyboard(String imageUrl, String vttUrl) {}

    public record Upload(String tusEndpoint, String putUrl) {}

    /** With plain media URLs: right for public videos only (see {@code MediaUrls}). */
    public static VideoJson of(Video v, User owner) {
        return of(v, owner, "/media/" + v.id() + "/");
    }

    /** @param media where the video's media files are served, ending in {@code /} (signed for non-public videos) */
    public static VideoJson of(Video v, User owner, String media) {
        boolean playable = v.status() == VideoStatus.READY;
        return new VideoJson(v.id().toString(),
                new Owner(owner.id().toString(), owner.username(), owner.displayName(), UserJson.avatarUrl(owner)),
                v.title(), v.description(), v.hashtags(), v.visibility(), v.status(), v.progress(), v.error(),
                v.durationMs(), v.width(), v.height(),
                v.hasPoster() ? media + "poster.jpg" : null,
                v.hasStoryboard() ? new Storyboard(media + BlobKeys.STORYBOARD_IMAGE, media + BlobKeys.STORYBOARD_VTT) : null,
                playable ? media + "hls/master.m3u8" : null,
                v.readyRenditions().stream().filter(r -> !r.isAudio()).map(VideoJson::rendition).toList(),
                v.counts().views(), v.counts().likes(), v.counts().comments(), false, v.createdAt(), v.publishedAt(), null);
    }

    public VideoJson withUpload(Upload upload) {
        return new VideoJson(id, owner, title, description, hashtags, visibility, status, progress, error, durationMs,
                width, height, thumbnailUrl, storyboard, hlsUrl, renditions, viewCount, likeCount, commentCount,
                likedByMe, createdAt, publishedAt, upload);
    }

    public VideoJson withLikedByMe(boolean liked) {
        return new VideoJson(id, owner, title, description, hashtags, visibility, status, progress, error, durationMs,
                width, height, thumbnailUrl, storyboard, hlsUrl, renditions, viewCount, likeCount, commentCount,
                liked, createdAt, publishedAt, upload);
    }

    private static Rendition rendition(RenditionInfo r) {
        return new Rendition(r.name(), r.width(), r.height(), r.bandwidth());
    }
}
