package io.toktik.core.queue;

import java.util.UUID;

/** Work to be done for a video; lower {@code priority} runs first. */
public record JobRequest(String kind, UUID videoId, String payload, int priority) {

    public static JobRequest of(String kind, UUID videoId, int priority) {
        return new JobRequest(kind, videoId, "", priority);
    }
}
