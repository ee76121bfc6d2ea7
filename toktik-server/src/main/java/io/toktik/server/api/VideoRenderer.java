package io.toktik.server.api;

import io.toktik.core.social.JdbcLikeRepository;
import io.toktik.core.user.User;
import io.toktik.core.user.UserRepository;
import io.toktik.core.video.Video;
import io.toktik.server.delivery.MediaUrls;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Turns stored videos into what a given caller sees of them (owner, counts, URLs: signed unless public). */
@Component
public class VideoRenderer {
    private final UserRepository users;
    private final MediaUrls media;
    private final JdbcLikeRepository likes;

    VideoRenderer(UserRepository users, MediaUrls media, JdbcLikeRepository likes) {
        this.users = users;
        this.media = media;
        this.likes = likes;
    }

    public VideoJson render(Video video, Optional<UUID> caller) {
        return render(List.of(video), caller).getFirst();
    }

    /** Renders a page of videos with one owner lookup per distinct owner and one query for the caller's likes. */
    public List<VideoJson> render(List<Video> videos, Optional<UUID> caller) {
        Map<UUID, User> owners = new HashMap<>();
        for (Video v : videos) {
            owners.computeIfAbsent(v.ownerId(), id -> users.findById(id).orElseThrow(() -> ApiException.notFound("Owner")));
        }
        Set<UUID> liked = caller.map(c -> likes.likedAmong(c, videos.stream().map(Video::id).toList())).orElse(Set.of());
        return videos.stream()
                .map(v -> VideoJson.of(v, owners.get(v.ownerId()), media.prefix(v)).withLikedByMe(liked.contains(v.id())))
                .toList();
    }
}
