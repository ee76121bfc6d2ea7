package io.toktik.core.video;

import io.toktik.core.events.DomainEvent;
import io.toktik.core.events.EventBus;
import java.util.Map;
import java.util.UUID;

/** Publishes the processing events of a video on its topic {@code video:<id>}. */
public final class VideoEvents {
    private final EventBus bus;

    public VideoEvents(EventBus bus) {
        this.bus = bus;
    }

    public static String topic(UUID videoId) {
        return "video:" + videoId;
    }

    public void progress(UUID videoId, int progress) {
        bus.publish(new DomainEvent(topic(videoId), "video.progress", Map.of("id", videoId.toString(), "progress", progress)));
    }

    public void ready(UUID videoId, String rendition) {
        bus.publish(new DomainEvent(topic(videoId), "video.ready", Map.of("id", videoId.toString(), "rendition", rendition)));
    }

    public void failed(UUID videoId, String code, String message) {
        bus.publish(new DomainEvent(topic(videoId), "video.failed",
                Map.of("id", videoId.toString(), "code", code, "message", message)));
    }
}
