package io.toktik.server.api;

import io.toktik.core.user.User;
import io.toktik.core.user.UserRepository;
import io.toktik.core.video.Video;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Turns stored videos into what a given caller sees of them (owner, counts, URLs). */
@Component
public class VideoRenderer {
    private final UserRepository users;

    VideoRenderer(UserRepository users) {
        this.users = users;
    }

    public VideoJson render(Video video, Optional<UUID> caller) {
        return render(List.of(video), caller).getFirst();
    }

    /** Renders a page of videos with one owner lookup per distinct owner. */
    public List<VideoJson> render(List<Video> videos, Optional<UUID> caller) {
        Map<UUID, User> owners = new HashMap<>();
        for (Video v : videos) {
            owners.computeIfAbsent(v.ownerId(), id -> users.findById(id).orElseThrow(() -> ApiException.notFound("Owner")));
        }
        return videos.stream().map(v -> VideoJson.of(v, owners.get(v.ownerId()))).toList();
    }
}
